import { signal, type Signal } from '@preact/signals';
import { conflictStep, keepBoth } from '../../lib/domain/note-merge';
import type { Note } from '../../lib/model/note';
import type { NoteDraft } from '../../lib/model/note-draft';
import type { DraftStore } from './draft-store';

// One note being written: its text, kept as a draft at every keystroke and saved once typing
// pauses. A save carries the revision the text was typed on, saves never overlap (a slow first
// save cannot be sent twice as two creates), and "Sparad" is shown only when the worker has
// exactly the text on screen. Until then the draft stays, whatever else happens.

export type SaveOutcome = { kind: 'saved'; note: Note } | { kind: 'conflict'; note: Note } | { kind: 'failed' };

/** How the editor reaches the worker (the panel's page sends the messages). */
export interface NoteSaver {
  create(note: { id: string; courseKey: string; courseTitle: string; text: string }): Promise<SaveOutcome>;
  update(id: string, text: string, base: string): Promise<SaveOutcome>;
  restore(id: string): Promise<SaveOutcome>;
}

export type EditorState = 'idle' | 'pending' | 'saving' | 'saved' | 'failed' | 'conflict' | 'orphaned';
export type MergeChoice = 'mine' | 'theirs' | 'both';

export interface EditorDeps {
  saver: NoteSaver;
  drafts: DraftStore;
  /** False once the extension was reloaded or updated under this page: nothing can be saved. */
  alive: () => boolean;
  onOrphaned: () => void;
  onSaved?: (note: Note) => void;
  debounceMs: number;
  now: () => Date;
}

/** Where an editor starts: a stored note, a new one, or a draft left from before. */
export interface EditorStart {
  id: string;
  courseKey: string;
  courseTitle: string;
  text: string;
  /** The stored note's `updatedAt` the text is typed on; null for a note not stored yet. */
  base: string | null;
  baseText: string;
}

export function startFromNote(note: Note): EditorStart {
  return { id: note.id, courseKey: note.courseKey, courseTitle: note.courseTitle ?? '', text: note.text, base: note.updatedAt, baseText: note.text };
}

export function startFromDraft(draft: NoteDraft): EditorStart {
  return { id: draft.noteId, courseKey: draft.courseKey, courseTitle: draft.courseTitle, text: draft.text, base: draft.base, baseText: draft.baseText };
}

const RETRY_FIRST_MS = 2_000;
const RETRY_MAX_MS = 60_000;
/** Rounds of one save (a rebase or revive asks for another); the rest waits for the next. */
const MAX_ROUNDS = 5;
/** Texts remembered as typed here, to know this editor's own text when another tab saved it. */
const TYPED_REMEMBERED = 200;

/** A 53-bit hash (cyrb53): remembering what was typed without keeping every copy of a long text. */
function hash(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

export class NoteEditor {
  readonly id: string;
  readonly courseKey: string;
  readonly courseTitle: string;
  readonly text: Signal<string>;
  readonly state = signal<EditorState>('idle');
  /** The stored note whose different text the user is asked about, while asked. */
  readonly conflict = signal<Note | null>(null);
  private base: string | null;
  private baseText: string;
  private readonly typed: number[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private retryMs = RETRY_FIRST_MS;
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    start: EditorStart,
    private readonly deps: EditorDeps,
  ) {
    this.id = start.id;
    this.courseKey = start.courseKey;
    this.courseTitle = start.courseTitle;
    this.text = signal(start.text);
    this.base = start.base;
    this.baseText = start.baseText;
  }

  /** Asked before a keystroke lands: false once nothing typed could be kept (the panel says why). */
  canType(): boolean {
    if (this.state.value === 'orphaned') return false;
    if (this.deps.alive()) return true;
    this.orphan();
    return false;
  }

  input(text: string): void {
    this.text.value = text;
    if (!this.canType()) return;
    this.keep();
    if (this.state.value !== 'conflict') this.state.value = 'pending';
    this.schedule(this.deps.debounceMs);
  }

  /** Saves now and resolves when the worker answered (closing, starting anew). */
  flush(): Promise<void> {
    this.clearTimer();
    return this.save();
  }

  /** The page is going away: the save is sent now; the draft stays until it is answered. */
  leave(): void {
    if (this.state.value === 'pending' || this.state.value === 'failed') void this.flush();
  }

  /** The user's answer to a conflict: the text to keep is saved on the note as it is now. */
  choose(choice: MergeChoice): Promise<void> {
    const theirs = this.conflict.value;
    if (!theirs) return Promise.resolve();
    const mine = this.text.value;
    const kept = choice === 'mine' ? mine : choice === 'theirs' ? theirs.text : keepBoth(this.baseText, mine, theirs.text);
    this.conflict.value = null;
    this.rebaseOn(theirs);
    this.text.value = kept;
    this.state.value = 'pending';
    this.keep();
    return this.flush();
  }

  dispose(): void {
    this.clearTimer();
  }

  /** True when what is on screen is what the worker has. */
  get saved(): boolean {
    return this.state.value === 'saved' || this.state.value === 'idle';
  }

  private draft(): NoteDraft {
    return {
      v: 1,
      noteId: this.id,
      courseKey: this.courseKey,
      courseTitle: this.courseTitle,
      text: this.text.value,
      base: this.base,
      baseText: this.baseText,
      typedAt: this.deps.now().toISOString(),
    };
  }

  private keep(): void {
    this.typed.push(hash(this.text.value));
    if (this.typed.length > TYPED_REMEMBERED) this.typed.shift();
    this.deps.drafts.put(this.draft());
  }

  private save(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const run = async () => {
      for (let round = 0; round < MAX_ROUNDS; round += 1) {
        this.again = false;
        await this.saveOnce();
        if (!this.again) break;
      }
      // Typed on while the last round was under way, with no wait left to save it.
      if (this.state.value === 'pending' && this.timer === null) this.schedule(this.deps.debounceMs);
    };
    this.running = run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async saveOnce(): Promise<void> {
    if (this.state.value === 'conflict' || this.state.value === 'orphaned') return;
    const text = this.text.value;
    if (this.base === null ? !text.trim() : text === this.baseText) {
      this.settle(this.base === null ? 'idle' : 'saved');
      return;
    }
    if (!this.deps.alive()) {
      this.orphan();
      return;
    }
    this.state.value = 'saving';
    const outcome =
      this.base === null
        ? await this.deps.saver.create({ id: this.id, courseKey: this.courseKey, courseTitle: this.courseTitle, text })
        : await this.deps.saver.update(this.id, text, this.base);
    await this.take(outcome);
  }

  private async take(outcome: SaveOutcome): Promise<void> {
    if (outcome.kind === 'conflict') return this.meet(outcome.note);
    if (outcome.kind === 'failed') {
      if (!this.deps.alive()) return this.orphan();
      this.state.value = 'failed';
      this.clearTimer();
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.save();
      }, this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
      return;
    }
    this.retryMs = RETRY_FIRST_MS;
    this.rebaseOn(outcome.note);
    this.deps.onSaved?.(outcome.note);
    if (this.text.value === outcome.note.text) this.settle('saved');
    else {
      // Typed on while saving: the draft now names the new revision.
      this.keep();
      this.state.value = 'pending';
    }
  }

  private async meet(theirs: Note): Promise<void> {
    const typed = new Set(this.typed);
    const step = conflictStep({ baseText: this.baseText, mine: this.text.value, theirs, typedHere: (text) => typed.has(hash(text)) });
    if (step === 'ask') {
      this.conflict.value = theirs;
      this.state.value = 'conflict';
      this.keep();
      return;
    }
    if (step === 'revive') {
      const back = await this.deps.saver.restore(this.id);
      if (back.kind !== 'saved') return this.take({ kind: 'failed' });
      this.rebaseOn(back.note);
      this.keep();
      this.again = true;
      return;
    }
    this.rebaseOn(theirs);
    if (step === 'rebase') {
      this.keep();
      this.again = true;
      return;
    }
    // 'settled': the stored text is this one; 'adopt': nothing was typed here to keep.
    if (!theirs.deleted) this.text.value = theirs.text;
    this.deps.onSaved?.(theirs);
    this.settle('saved');
  }

  private rebaseOn(note: Note): void {
    this.base = note.updatedAt;
    this.baseText = note.text;
  }

  private settle(state: 'idle' | 'saved'): void {
    this.deps.drafts.remove(this.id);
    if (this.state.value !== 'idle' || state === 'saved') this.state.value = state;
  }

  private orphan(): void {
    this.clearTimer();
    this.state.value = 'orphaned';
    this.deps.onOrphaned();
  }

  private schedule(delay: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.save();
    }, delay);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
