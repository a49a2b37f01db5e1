import { PLAN_MAX_BYTES } from '../model/limits';
import { MEMBER_KIND, MEMBER_VERSION, parseMemberText, type MemberFile, type SharedNote } from '../model/member';
import type { Note } from '../model/note';
import type { PlanService } from '../services/plan-service';
import type { Store } from '../storage/store';
import { mergeById } from '../domain/merge';
import { MEMBERS_DIR, memberPath, PLAN_FILE } from '../folder/layout';
import { mergeMembers, sameContent } from './member-merge';
import type { ReadResult, SyncState } from '../model/results';
import { retryDelayMs } from './retry';
import { folderOf, type TeamSettings } from '../folder/team-settings';
import { folderAddress } from '../folder/address';
import { FolderFailure, WebDavClient } from './webdav';

// One sync with the team folder: the plan comes down (with its ETag), this member's file goes
// up (GET → merge → PUT with If-Match, or If-None-Match: * to create; on 412 start again, a
// bounded number of times). Whatever fails, everything stays here and the next try is planned.

const MAX_ATTEMPTS = 5;

export interface SyncDeps {
  store: Store;
  plans: PlanService;
  fetch: typeof fetch;
  settings: () => Promise<TeamSettings | null>;
  onChange: () => void | Promise<void>;
  random?: () => number;
  /** Pause before writing again after a 412; a weak ETag needs about a second to turn strong. */
  pause?: (attempt: number) => Promise<void>;
  timeoutMs?: number;
  /** The team's member files (cached by ETag), for counting sign-ups; none, no counts. */
  readMembers?: () => Promise<ReadResult>;
}

function clientFor(settings: TeamSettings, deps: SyncDeps): WebDavClient {
  const address = folderOf(settings);
  if (!address) throw new FolderFailure('notFolder');
  return new WebDavClient(address, deps.fetch, deps.timeoutMs);
}

function sharedNoteOf(note: Note): SharedNote {
  return {
    id: note.id,
    courseKey: note.courseKey,
    ...(note.courseTitle ? { courseTitle: note.courseTitle } : {}),
    text: note.text,
    updatedAt: note.updatedAt,
  };
}

export class SyncService {
  private running: Promise<SyncState | null> | null = null;

  constructor(private readonly deps: SyncDeps) {}

  /** One sync now (a second call while one runs waits for it). */
  sync(now: Date = new Date()): Promise<SyncState | null> {
    this.running ??= this.run(now).finally(() => (this.running = null));
    return this.running;
  }

  private async run(now: Date): Promise<SyncState | null> {
    const settings = await this.deps.settings();
    if (!settings) return null;
    const address = folderAddress(settings.url);
    const previous = await this.deps.store.syncState();
    let state: SyncState =
      previous && address && previous.base === address.base ? previous : { base: address?.base ?? settings.url, failures: 0 };
    state = { ...state, lastTryAt: now.toISOString() };
    try {
      const client = clientFor(settings, this.deps);
      state = await this.pullPlan(client, state, now);
      await this.pushMember(client, settings, now);
      const signupCounts = await this.countSignups();
      state = { ...state, ...(signupCounts ? { signupCounts } : {}), lastOkAt: now.toISOString(), failures: 0 };
      delete state.error;
      delete state.nextTryAt;
    } catch (error) {
      if (!(error instanceof FolderFailure)) throw error;
      const failures = state.failures + 1;
      state = {
        ...state,
        error: error.reason,
        failures,
        nextTryAt: new Date(now.getTime() + retryDelayMs(failures, this.deps.random)).toISOString(),
      };
    }
    await this.deps.store.setSyncState(state);
    await this.deps.onChange();
    return state;
  }

  private async pullPlan(client: WebDavClient, state: SyncState, now: Date): Promise<SyncState> {
    const active = await this.deps.store.activePlan();
    const haveCopy = active?.source.kind === 'folder' && active.source.url === client.base;
    const answer = await client.get(PLAN_FILE, haveCopy ? state.planEtag : undefined, PLAN_MAX_BYTES);
    if (answer.status === 'tooLarge') return { ...state, planProblem: true };
    if (answer.status !== 'ok') return answer.status === 'missing' ? { ...state, planProblem: false } : state;
    // Some servers answer 200 rather than 304; the same ETag still means the same plan.
    if (haveCopy && answer.etag && answer.etag === state.planEtag) return state;
    const result = await this.deps.plans.loadText(answer.text, { kind: 'folder', url: client.base }, now);
    if (!result.ok) return { ...state, planProblem: true };
    const next: SyncState = { ...state, planProblem: false };
    if (answer.etag) next.planEtag = answer.etag;
    else delete next.planEtag;
    return next;
  }

  /** How many have signed up for each session, from every readable member file. */
  private async countSignups(): Promise<Record<string, number> | undefined> {
    if (!this.deps.readMembers) return undefined;
    const reading = await this.deps.readMembers();
    if (!reading.ok) return undefined;
    const counts: Record<string, number> = {};
    for (const member of reading.members) {
      for (const signup of member.signups) if (!signup.cancelled) counts[signup.sessionId] = (counts[signup.sessionId] ?? 0) + 1;
    }
    return counts;
  }

  /** This member's file as this browser sees it; notes named in `published` but now private become tombstones. */
  private async localMember(settings: TeamSettings, published: ReadonlySet<string>, now: Date): Promise<MemberFile> {
    const [progress, notes, signups, active, assessments] = await Promise.all([
      this.deps.store.progress(),
      this.deps.store.allNotes(),
      this.deps.store.signups(),
      this.deps.store.activePlan(),
      this.deps.store.assessments(),
    ]);
    const sharedNotes: SharedNote[] = [];
    for (const note of notes) {
      if (settings.shareNotes && note.shared && !note.deleted) sharedNotes.push(sharedNoteOf(note));
      // Only a note that is in the folder already gets a tombstone: a private note's very
      // existence never leaves the browser.
      else if (published.has(note.id)) sharedNotes.push({ id: note.id, courseKey: note.courseKey, text: '', updatedAt: note.updatedAt, deleted: true });
    }
    return {
      kind: MEMBER_KIND,
      version: MEMBER_VERSION,
      memberId: settings.memberId,
      ...(active ? { teamId: active.plan.team.id } : {}),
      displayName: settings.displayName,
      updatedAt: now.toISOString(),
      progress: settings.shareProgress
        ? [...progress.values()].map((r) => ({
            courseKey: r.courseKey,
            status: r.status,
            ...(r.completedAt ? { completedAt: r.completedAt } : {}),
            updatedAt: r.updatedAt,
          }))
        : [],
      sharedNotes,
      signups,
      // Results are progress: shared only when progress is.
      selfAssessments: settings.shareProgress ? assessments.map((a) => ({ phase: a.phase, takenAt: a.takenAt, scores: a.scores })) : [],
    };
  }

  private async pushMember(client: WebDavClient, settings: TeamSettings, now: Date): Promise<void> {
    const path = memberPath(settings.memberId);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const answer = await client.get(path);
      let remote: MemberFile | null = null;
      if (answer.status === 'ok') {
        const parsed = parseMemberText(answer.text, settings.memberId);
        // A broken copy of our own file is replaced by what this browser holds.
        if (parsed.ok) remote = parsed.member;
      }
      const published = new Set((remote?.sharedNotes ?? []).filter((n) => !n.deleted).map((n) => n.id));
      const local = await this.localMember(settings, published, now);
      if (remote) await this.applyRemote(remote, settings);
      let merged = remote ? mergeMembers(remote, local) : local;
      // What the member stopped sharing leaves the folder, whatever older copies held.
      if (!settings.shareProgress) merged = { ...merged, progress: [], selfAssessments: [] };
      if (!settings.shareNotes) merged = { ...merged, sharedNotes: merged.sharedNotes.map((n) => (n.deleted ? n : { ...n, text: '', deleted: true, updatedAt: now.toISOString() })) };
      merged = { ...merged, displayName: settings.displayName, updatedAt: now.toISOString() };
      if (remote && sameContent(merged, remote)) return;
      // A copy too large to read is replaced like a broken one.
      const condition =
        answer.status === 'ok' || answer.status === 'tooLarge' ? (answer.etag ? { ifMatch: answer.etag } : null) : ({ ifNoneMatch: '*' } as const);
      const put = await client.put(path, `${JSON.stringify(merged, null, 1)}\n`, condition);
      if (put.status === 'ok') return;
      if (put.status === 'noParent') {
        await client.mkcol(MEMBERS_DIR);
        continue;
      }
      await (this.deps.pause ?? defaultPause)(attempt);
    }
    throw new FolderFailure('busy');
  }

  /** Records this member wrote from another browser, newer than ours, come here too. */
  private async applyRemote(remote: MemberFile, settings: TeamSettings): Promise<void> {
    const store = this.deps.store;
    if (settings.shareProgress) {
      const local = await store.progress();
      const newer = mergeById([...local.values()], remote.progress, (r) => r.courseKey, (r) => r.updatedAt).changed;
      if (newer.length) {
        await store.putProgress(
          newer.map((r) => ({
            ...local.get(r.courseKey),
            courseKey: r.courseKey,
            status: r.status,
            ...(r.completedAt ? { completedAt: r.completedAt } : {}),
            updatedAt: r.updatedAt,
          })),
        );
      }
    }
    if (settings.shareNotes) {
      const changed: Note[] = [];
      for (const shared of remote.sharedNotes) {
        const mine = await store.note(shared.id);
        if (mine && Date.parse(mine.updatedAt) >= Date.parse(shared.updatedAt)) continue;
        if (shared.deleted) {
          // Unshared or deleted elsewhere: here it becomes private, never lost.
          if (mine) changed.push({ ...mine, shared: false, updatedAt: shared.updatedAt });
        } else {
          changed.push({
            id: shared.id,
            courseKey: shared.courseKey,
            ...(shared.courseTitle ? { courseTitle: shared.courseTitle } : {}),
            text: shared.text,
            shared: true,
            createdAt: mine?.createdAt ?? shared.updatedAt,
            updatedAt: shared.updatedAt,
          });
        }
      }
      if (changed.length) await store.putNotes(changed);
    }
    const newerSignups = mergeById(await store.signups(), remote.signups, (s) => s.sessionId, (s) => s.updatedAt).changed;
    if (newerSignups.length) await store.putSignups(newerSignups);
  }
}

function defaultPause(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 300 * 2 ** attempt + Math.random() * 300));
}
