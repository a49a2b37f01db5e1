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

/**
 * Filtering as the user types: a query that only adds to the last one ("fo" → "for") can only
 * narrow its answer, so only the last answer is searched again, not every note.
 */
export class NoteSearch {
  private last: { terms: string[]; filter: ShareFilter; found: SearchableNote[] } | null = null;

  constructor(private readonly notes: readonly SearchableNote[]) {}

  find(query: string, filter: ShareFilter): Note[] {
    const terms = foldForSearch(query).split(/\s+/).filter(Boolean);
    const narrows =
      this.last !== null &&
      this.last.filter === filter &&
      this.last.terms.length <= terms.length &&
      this.last.terms.every((term, i) => (terms[i] as string).includes(term));
    const pool = narrows && this.last ? this.last.found : this.notes;
    const found = pool.filter((item) => {
      const { note } = item;
      if (note.deleted) return false;
      if (filter === 'shared' && !note.shared) return false;
      if (filter === 'private' && note.shared) return false;
      return terms.every((term) => item.folded.includes(term));
    });
    this.last = { terms, filter, found };
    return found.map((item) => item.note);
  }
}

/** One search, without a last answer to build on. */
export function filterNotes(notes: readonly SearchableNote[], query: string, filter: ShareFilter): Note[] {
  return new NoteSearch(notes).find(query, filter);
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
