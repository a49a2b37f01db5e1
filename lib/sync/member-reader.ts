import { parseMemberText, type MemberFile } from '../model/member';
import { MEMBERS_DIR } from '../folder/layout';
import { folderOf, type TeamSettings } from '../folder/team-settings';
import { folderErrorKey, type MemberReading, type MemberReadingSoFar, type ReadResult, type SkipReason } from '../model/results';
import type { CachedMemberFile } from '../model/stored';
import { FolderFailure, WebDavClient } from './webdav';

// Reads every member file of the team folder for the coordinator's overview. A listing gives
// each file's ETag; a file whose ETag has not changed since the last reading is not fetched
// again. A file that cannot be used is skipped and named, never guessed at.

// Over HTTP/1.1 the browser itself allows six connections to a host; over HTTP/2 (Nextcloud,
// Sunet Drive) requests share one connection and a region's 1,000 files come in about half
// the time with 16 in flight (npm run bench).
const PARALLEL = 16;
/** Kept files were read by this reader's rules: a later reader with other rules reads afresh. */
const KEPT_FORMAT = 'v1';
/** Progress is told every this many files. */
const PROGRESS_STEP = 20;

export interface ReadProgress {
  done: number;
  total: number;
}
/** Files read per listing at most; a folder of more says how many were left unread. */
export const MAX_MEMBER_FILES = 2_000;

/** Apache lists a file just written with a weak ETag and later the strong one: the same version. */
function sameTag(a: string, b: string): boolean {
  return a.replace(/^W\//, '') === b.replace(/^W\//, '');
}

/**
 * Where the files read last time are kept between readings. The worker keeps them in the
 * database: it is stopped after half a minute idle, and without them every opening of the
 * overview (and every count of sign-ups) would read every member file again.
 */
export interface MemberFileCache {
  load(base: string): Promise<CachedMemberFile[]>;
  save(base: string, changed: readonly CachedMemberFile[], gone: readonly string[]): Promise<void>;
}

type FileResult = { ok: true; member: MemberFile } | { ok: false; reason: SkipReason };

/** Members and skipped files of `results`, by file name. */
function readingOf(results: Iterable<[string, FileResult]>): MemberReading {
  const members: MemberFile[] = [];
  const skipped: MemberReading['skipped'] = [];
  for (const [name, result] of [...results].sort(([a], [b]) => a.localeCompare(b))) {
    if (result.ok) members.push(result.member);
    else skipped.push({ name, reason: result.reason });
  }
  return { members, skipped };
}

export class MemberReader {
  private cache = new Map<string, { etag: string; result: FileResult }>();
  private cachedBase = '';

  private running: Promise<ReadResult> | null = null;
  private cancelled = false;
  /** The running reading's results (a Map keeps the order they came in): the overview shows them as they come. */
  private live: { id: number; results: Map<string, FileResult>; total: number } | null = null;
  private readings = 0;

  constructor(
    private readonly settings: () => Promise<TeamSettings | null>,
    private readonly fetchImpl: typeof fetch,
    /** How long one request may take, body included (the client's default unless told). */
    private readonly timeoutMs?: number,
    private readonly kept?: MemberFileCache,
    /** Told how far a reading has come (files done of all listed), now and then and at its end. */
    private readonly onProgress?: (progress: ReadProgress | null) => void,
  ) {}

  /** One reading at a time: asked again while one runs, the same reading answers both. */
  read(): Promise<ReadResult> {
    this.running ??= this.readAll().finally(() => {
      this.running = null;
      this.live = null;
      this.cancelled = false;
      this.onProgress?.(null);
    });
    return this.running;
  }

  /**
   * What the running reading has read after its first `after` files (null when none runs), so
   * the overview fills in as files come without each asking carrying everything again. `after`
   * counts in reading `of`: asked about another reading, the answer starts from its first file.
   */
  soFar(after: number, of?: number): MemberReadingSoFar | null {
    if (!this.live) return null;
    const { id, results, total } = this.live;
    const from = of === id ? Math.min(after, results.size) : 0;
    const read = [...results].slice(from);
    return { ...readingOf(read), reading: id, from, next: from + read.length, total };
  }

  /** Stops the running reading; what it read so far is kept for the next one. */
  cancel(): void {
    if (this.running) this.cancelled = true;
  }

  private async readAll(): Promise<ReadResult> {
    const settings = await this.settings();
    if (!settings) return { ok: false, error: 'teamNoFolder' };
    const address = folderOf(settings);
    if (!address) return { ok: false, error: folderErrorKey('notFolder') };
    if (address.base !== this.cachedBase) {
      this.cache.clear();
      this.cachedBase = address.base;
      // A cache that cannot be read is only slower: everything is read from the folder.
      const kept = (await this.kept?.load(`${KEPT_FORMAT} ${address.base}`).catch(() => [])) ?? [];
      for (const { name, etag, result } of kept) this.cache.set(name, { etag, result });
    }
    const changed: CachedMemberFile[] = [];
    const client = new WebDavClient(address, this.fetchImpl, this.timeoutMs);
    try {
      const listed = (await client.list(MEMBERS_DIR)).filter((f) => f.name.endsWith('.json')).sort((a, b) => a.name.localeCompare(b.name));
      const files = listed.slice(0, MAX_MEMBER_FILES);
      const overCap = listed.length - files.length;
      const results = new Map<string, FileResult>();
      this.readings += 1;
      this.live = { id: this.readings, results, total: files.length };
      const queue = [...files];
      let lastTold = 0;
      const tell = () => {
        if (results.size === files.length || results.size - lastTold >= PROGRESS_STEP) {
          lastTold = results.size;
          this.onProgress?.({ done: results.size, total: files.length });
        }
      };
      this.onProgress?.({ done: 0, total: files.length });
      const work = async () => {
        for (let file = queue.shift(); file && !this.cancelled; file = queue.shift(), tell()) {
          const cached = this.cache.get(file.name);
          if (cached && file.etag && sameTag(cached.etag, file.etag)) {
            results.set(file.name, cached.result);
            continue;
          }
          const answer = await client.get(`${MEMBERS_DIR}${encodeURIComponent(file.name)}`).catch((error: unknown) => {
            if (error instanceof FolderFailure && (error.reason === 'auth' || error.reason === 'unreachable')) throw error;
            return null;
          });
          const id = file.name.replace(/\.json$/, '');
          const result =
            answer?.status === 'ok'
              ? parseMemberText(answer.text, id)
              : answer?.status === 'tooLarge'
                ? ({ ok: false, reason: 'tooLarge' } as const)
                : ({ ok: false, reason: 'unreadable' } as const);
          results.set(file.name, result);
          // Kept under the listing's ETag, which is what the next listing is compared with.
          const etag = answer?.status === 'ok' || answer?.status === 'tooLarge' ? (file.etag ?? answer.etag) : null;
          if (etag) {
            this.cache.set(file.name, { etag, result });
            changed.push({ name: file.name, etag, result });
          }
        }
      };
      await Promise.all(Array.from({ length: PARALLEL }, work));
      // Stopped: what was read is shown and kept, and the rest is said to be unread.
      const unread = this.cancelled ? files.length - results.size : 0;
      const listedNames = new Set(listed.map((f) => f.name));
      const gone = unread > 0 ? [] : [...this.cache.keys()].filter((name) => !listedNames.has(name));
      for (const name of gone) this.cache.delete(name);
      await this.kept?.save(`${KEPT_FORMAT} ${address.base}`, changed, gone).catch(() => undefined);
      return { ok: true, ...readingOf(results), ...(overCap > 0 ? { overCap } : {}), ...(unread > 0 ? { unread } : {}) };
    } catch (error) {
      if (error instanceof FolderFailure) return { ok: false, error: folderErrorKey(error.reason) };
      throw error;
    }
  }
}
