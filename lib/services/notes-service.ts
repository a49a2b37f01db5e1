import type { CourseKey } from '../site/course-key';
import type { Note } from '../model/note';
import { newestFirst, nextRevision } from '../domain/notes';
import type { Store } from '../storage/store';

// Notes are written by the extension pages that show them (the in-page panel is one), through
// the worker into the extension's IndexedDB; `onChange` tells the rest of the extension, and
// whether the member's file in the team folder may change with it: a private note never
// reaches the folder, so writing one costs the team's server nothing.
// A note's `updatedAt` is its revision: it only ever grows, so a text typed on one revision is
// never written over a newer one (another tab, the same member's other browser via the team
// folder) without the user choosing.

/** The note was changed since the revision the text was typed on: the note as it is now. */
export interface Conflict {
  conflict: Note;
}

export type NoteWrite = Note | Conflict | undefined;

export function isConflict(result: NoteWrite): result is Conflict {
  return result !== undefined && 'conflict' in result;
}

export class NotesService {
  constructor(
    private readonly store: Store,
    private readonly onChange: (toFolder: boolean) => void | Promise<void>,
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {}

  async forCourse(courseKey: CourseKey): Promise<Note[]> {
    return (await this.store.notesOf(courseKey)).filter((n) => !n.deleted).sort(newestFirst);
  }

  /**
   * Makes a note. With the panel's own `id`, asking again is safe: the note already made with
   * that text is the answer; one that differs (typed on since, or changed elsewhere) is a conflict.
   */
  create(courseKey: CourseKey, courseTitle: string, text: string, now?: Date): Promise<Note>;
  create(courseKey: CourseKey, courseTitle: string, text: string, now: Date, id: string | undefined): Promise<Note | Conflict>;
  async create(courseKey: CourseKey, courseTitle: string, text: string, now: Date = new Date(), id?: string): Promise<Note | Conflict> {
    if (id !== undefined) {
      const existing = await this.store.note(id);
      if (existing) return existing.courseKey === courseKey && existing.text === text && !existing.deleted ? existing : { conflict: existing };
    }
    const at = now.toISOString();
    const note: Note = {
      id: id ?? this.newId(),
      courseKey,
      ...(courseTitle ? { courseTitle } : {}),
      text,
      shared: false,
      createdAt: at,
      updatedAt: at,
    };
    await this.store.putNotes([note]);
    await this.onChange(false);
    return note;
  }

  /** Changes a note; with `base`, only if the note is still at that revision. */
  async update(id: string, patch: Partial<Pick<Note, 'text' | 'shared'>>, now: Date = new Date(), base?: string): Promise<NoteWrite> {
    const existing = await this.store.note(id);
    if (!existing) return undefined;
    if (base !== undefined && existing.updatedAt !== base) return { conflict: existing };
    return this.write(existing, patch, now);
  }

  async remove(id: string, now: Date = new Date()): Promise<Note | undefined> {
    const existing = await this.store.note(id);
    return existing && this.write(existing, { deleted: true }, now);
  }

  async restore(id: string, now: Date = new Date()): Promise<Note | undefined> {
    const existing = await this.store.note(id);
    return existing && this.write(existing, { deleted: false }, now);
  }

  private async write(existing: Note, patch: Partial<Pick<Note, 'text' | 'shared' | 'deleted'>>, now: Date): Promise<Note> {
    const note: Note = { ...existing, ...patch, updatedAt: nextRevision(existing.updatedAt, now) };
    await this.store.putNotes([note]);
    // A note shared until now may be in the folder: its change, or its tombstone, goes there.
    await this.onChange(existing.shared || note.shared);
    return note;
  }
}
