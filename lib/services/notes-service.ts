import type { CourseKey } from '../site/course-key';
import type { Note } from '../model/note';
import { newestFirst } from '../domain/notes';
import type { Store } from '../storage/store';

// Notes are written by the extension pages that show them (the in-page panel is one), straight
// into the extension's IndexedDB; `onChange` tells the rest of the extension.

export class NotesService {
  constructor(
    private readonly store: Store,
    private readonly onChange: () => void | Promise<void>,
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {}

  async forCourse(courseKey: CourseKey): Promise<Note[]> {
    return (await this.store.notesOf(courseKey)).filter((n) => !n.deleted).sort(newestFirst);
  }

  async create(courseKey: CourseKey, courseTitle: string, text: string, now: Date = new Date()): Promise<Note> {
    const at = now.toISOString();
    const note: Note = {
      id: this.newId(),
      courseKey,
      ...(courseTitle ? { courseTitle } : {}),
      text,
      shared: false,
      createdAt: at,
      updatedAt: at,
    };
    await this.store.putNotes([note]);
    await this.onChange();
    return note;
  }

  async update(id: string, patch: Partial<Pick<Note, 'text' | 'shared' | 'deleted'>>, now: Date = new Date()) {
    const existing = await this.store.note(id);
    if (!existing) return undefined;
    const note: Note = { ...existing, ...patch, updatedAt: now.toISOString() };
    await this.store.putNotes([note]);
    await this.onChange();
    return note;
  }

  remove(id: string, now: Date = new Date()) {
    return this.update(id, { deleted: true }, now);
  }

  restore(id: string, now: Date = new Date()) {
    return this.update(id, { deleted: false }, now);
  }
}
