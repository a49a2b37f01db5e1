import type { Note } from '../model/note';

// Pure helpers for notes: search, grouping and merging. No storage, no DOM.

/** Lower case without diacritics, so "forelasning" finds "föreläsning". */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** A note with its search form, folded on the first search rather than when the list opens. */
export class SearchableNote {
  private foldedText: string | undefined;

  constructor(readonly note: Note) {}

  get folded(): string {
    this.foldedText ??= foldForSearch(`${this.note.courseTitle ?? ''}\n${this.note.text}`);
    return this.foldedText;
  }
}

export function searchable(notes: readonly Note[]): SearchableNote[] {
  return notes.map((note) => new SearchableNote(note));
}

export type ShareFilter = 'all' | 'shared' | 'private';

export function filterNotes(notes: readonly SearchableNote[], query: string, filter: ShareFilter): Note[] {
  const terms = foldForSearch(query).split(/\s+/).filter(Boolean);
  const result: Note[] = [];
  for (const item of notes) {
    const { note } = item;
    if (note.deleted) continue;
    if (filter === 'shared' && !note.shared) continue;
    if (filter === 'private' && note.shared) continue;
    if (terms.length === 0 || terms.every((term) => item.folded.includes(term))) result.push(note);
  }
  return result;
}

export function newestFirst(a: Note, b: Note): number {
  return b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);
}

/**
 * The `updatedAt` of a note's next change: now, or a millisecond after the last one when the
 * clock has not moved on (two saves in one millisecond, a clock set back), so that every change
 * gets a revision of its own and a stale one is always told apart.
 */
export function nextRevision(previous: string, now: Date): string {
  const last = Date.parse(previous);
  return new Date(Number.isNaN(last) || now.getTime() > last ? now.getTime() : last + 1).toISOString();
}
