import { noteDraftSchema, type NoteDraft } from '../../lib/model/note-draft';

// Where the notes panel keeps what is typed at every keystroke, until the worker has stored it.
//
// Why the extension's own storage area (`storage.local`) and not the panel's localStorage or
// IndexedDB: the panel is a frame inside Digiteket's page, and the browser gives such a
// third-party frame no web storage at all (Chromium answers "Access is denied for this
// document"; elsewhere it would be partitioned by the site). `storage.local` belongs to the
// extension alone: no web page can read it, it is not partitioned, and it outlives a closed
// tab, a browser restart and an extension reload or update. It is asynchronous, but the browser
// takes the write when it is called — the request leaves the frame at once and is carried out
// by the browser, not the frame — so a tab closed right after a keystroke keeps it; a test
// closes one 100 ms after the last keystroke. Not the worker's IndexedDB: that would put a
// message, and a service worker that may first have to wake up, behind every keystroke.
//
// One write per note is under way at a time; keystrokes meanwhile leave only their newest text
// to write next, so a long note does not queue a copy per key.

/** The part of `browser.storage.local` the store uses. */
export interface DraftArea {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string): Promise<void>;
}

const PREFIX = 'noteDraft:';
const keyOf = (noteId: string) => `${PREFIX}${noteId}`;

export class DraftStore {
  private readonly busy = new Map<string, Promise<void>>();
  /** Per note: the newest draft to write after the one under way (null: remove it). */
  private readonly queued = new Map<string, NoteDraft | null>();

  constructor(
    private readonly area: DraftArea,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /** Keeps this text of the note now (or as soon as the write under way is done). */
  put(draft: NoteDraft): void {
    this.enqueue(keyOf(draft.noteId), draft);
  }

  /** The worker has the text: the draft is no longer needed. */
  remove(noteId: string): void {
    this.enqueue(keyOf(noteId), null);
  }

  /** The page is going away: what is queued is written now, not after the write under way. */
  flushNow(): void {
    for (const [key, draft] of [...this.queued]) {
      this.queued.delete(key);
      void this.write(key, draft);
    }
  }

  /** Resolves once nothing is queued or under way. */
  async settled(): Promise<void> {
    while (this.busy.size > 0) await Promise.all([...this.busy.values()]);
  }

  /** Every draft kept, of every course; anything unreadable is left as it is. */
  async all(): Promise<NoteDraft[]> {
    let items: Record<string, unknown>;
    try {
      items = await this.area.get(null);
    } catch (error) {
      this.onError(error);
      return [];
    }
    return Object.entries(items).flatMap(([key, value]) => {
      if (!key.startsWith(PREFIX)) return [];
      const parsed = noteDraftSchema.safeParse(value);
      return parsed.success && keyOf(parsed.data.noteId) === key ? [parsed.data] : [];
    });
  }

  private enqueue(key: string, draft: NoteDraft | null): void {
    if (this.busy.has(key)) this.queued.set(key, draft);
    else void this.write(key, draft);
  }

  private write(key: string, draft: NoteDraft | null): Promise<void> {
    const done = (async () => {
      try {
        // An orphaned frame (the extension reloaded) throws here before any promise exists.
        await (draft ? this.area.set({ [key]: draft }) : this.area.remove(key));
      } catch (error) {
        this.onError(error);
      }
    })();
    const tracked = done.then(() => {
      if (this.busy.get(key) === tracked) this.busy.delete(key);
      const next = this.queued.get(key);
      if (next !== undefined && !this.busy.has(key)) {
        this.queued.delete(key);
        void this.write(key, next);
      }
    });
    this.busy.set(key, tracked);
    return tracked;
  }
}
