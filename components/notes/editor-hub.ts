import { signal } from '@preact/signals';
import type { Note } from '../../lib/model/note';
import type { DraftStore } from './draft-store';
import { NoteEditor, startFromDraft, type EditorDeps, type EditorStart } from './note-editor';

// Every editor of one open panel: they are flushed together when the panel closes or its page
// goes away, they learn together that the extension went away under them, and at the panel's
// start they take up the drafts left by panels that closed before their text was saved.

export type HubDeps = Omit<EditorDeps, 'onOrphaned' | 'onSaved'>;

export interface Recovery {
  /** Drafts whose text is stored now (of any course). */
  saved: number;
  /** Drafts of this course that still need the user: a conflict to choose on, or a failed save. */
  open: NoteEditor[];
}

export class EditorHub {
  /** The extension was reloaded or updated under this panel: nothing more can be saved here. */
  readonly orphaned = signal(false);
  private readonly editors = new Set<NoteEditor>();

  constructor(private readonly deps: HubDeps) {}

  get drafts(): DraftStore {
    return this.deps.drafts;
  }

  open(start: EditorStart, onSaved?: (note: Note) => void): NoteEditor {
    const editor = new NoteEditor(start, {
      ...this.deps,
      onOrphaned: () => {
        this.orphaned.value = true;
      },
      ...(onSaved ? { onSaved } : {}),
    });
    this.editors.add(editor);
    return editor;
  }

  close(editor: NoteEditor): void {
    editor.dispose();
    this.editors.delete(editor);
  }

  /** Asked before a keystroke lands anywhere in the panel. */
  canType(): boolean {
    if (this.orphaned.value) return false;
    if (this.deps.alive()) return true;
    this.orphaned.value = true;
    return false;
  }

  flushAll(): Promise<void> {
    return Promise.all([...this.editors].map((editor) => editor.flush())).then(() => undefined);
  }

  /** The page is hidden or going away: every pending text is sent and every draft written now. */
  leave(): void {
    for (const editor of this.editors) editor.leave();
    this.deps.drafts.flushNow();
  }

  /**
   * Saves what earlier panels left unsaved, every course's, so text never waits for its course to
   * be opened again. Each draft is saved on the revision it was typed on: a note changed since
   * then is a conflict that waits for this course's panel, where the user chooses.
   */
  async recover(courseKey: string, onSaved?: (note: Note) => void): Promise<Recovery> {
    const drafts = await this.deps.drafts.all();
    let saved = 0;
    const open: NoteEditor[] = [];
    for (const draft of drafts) {
      const editor = this.open(startFromDraft(draft), onSaved);
      await editor.flush();
      if (editor.saved) {
        if (draft.text.trim() && draft.text !== draft.baseText) saved += 1;
        this.close(editor);
      } else if (draft.courseKey === courseKey && editor.state.value !== 'orphaned') {
        open.push(editor);
      } else {
        // Left for its own course's panel; the draft stays where it is.
        this.close(editor);
      }
    }
    return { saved, open };
  }
}
