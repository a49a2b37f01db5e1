import { afterEach, describe, expect, it } from 'vitest';
import type { Note } from '../../lib/model/note';
import { newestFirst } from '../../lib/domain/notes';
import { openDatabase, Store } from '../../lib/storage/store';

// The notes view is drawn with the newest notes, read before everything else (one request
// where the browser can read an index backwards with a count, a cursor where it cannot).

let n = 0;
const original = Object.getOwnPropertyDescriptor(IDBIndex.prototype, 'getAllRecords');

afterEach(() => {
  if (original) Object.defineProperty(IDBIndex.prototype, 'getAllRecords', original);
});

/** A browser without `getAll({ direction })` (Firefox today, Chromium before 141). */
function withoutNewestFirstReads() {
  delete (IDBIndex.prototype as { getAllRecords?: unknown }).getAllRecords;
}

function note(i: number, patch: Partial<Note> = {}): Note {
  // Three notes a minute: notes made in the same millisecond are ordered by id.
  const at = new Date(Date.UTC(2026, 8, 1) + Math.floor(i / 3) * 60_000).toISOString();
  return { id: `n-${String(i).padStart(4, '0')}`, courseKey: `digiteket.se/kurs/kurs-${i % 7}/`, text: `Reflektion ${i}`, shared: false, createdAt: at, updatedAt: at, ...patch };
}

async function storeWith(notes: Note[]): Promise<Store> {
  const store = new Store(await openDatabase(`recent-notes-${++n}`));
  // Stored in no particular order.
  await store.putNotes([...notes].sort((a, b) => (a.text.length % 3) - (b.text.length % 3) || a.id.localeCompare(b.id)));
  return store;
}

/** What reading everything and sorting it gives. */
const expected = (notes: Note[], limit: number) => notes.filter((x) => !x.deleted).sort(newestFirst).slice(0, limit).map((x) => x.id);

describe('recentNotes', () => {
  const notes = Array.from({ length: 300 }, (_, i) =>
    // Deleted notes among the newest: more of them than asked for, so one request is not enough.
    note(i, i >= 150 && i % 4 !== 0 ? { deleted: true } : i === 20 ? { createdAt: '2027-01-01T00:00:00.000Z' } : {}),
  );

  it('gives the newest notes that are not deleted, newest first, in one request or a few', async () => {
    const store = await storeWith(notes);
    expect('getAllRecords' in IDBIndex.prototype).toBe(true);
    for (const limit of [1, 10, 37, 100, 150, 400]) {
      expect((await store.recentNotes(limit)).map((x) => x.id), `limit ${limit}`).toEqual(expected(notes, limit));
    }
    expect(await store.recentNotes(0)).toEqual([]);
  });

  it('gives the same where the browser reads with a cursor', async () => {
    withoutNewestFirstReads();
    const store = await storeWith(notes);
    for (const limit of [1, 10, 37, 100, 150, 400]) {
      expect((await store.recentNotes(limit)).map((x) => x.id), `limit ${limit}`).toEqual(expected(notes, limit));
    }
    expect(await store.recentNotes(0)).toEqual([]);
  });

  it('gives nothing from an empty store, and everything from a small one', async () => {
    expect(await (await storeWith([])).recentNotes(100)).toEqual([]);
    const few = [note(1), note(2, { deleted: true }), note(3)];
    expect((await (await storeWith(few)).recentNotes(100)).map((x) => x.id)).toEqual(['n-0003', 'n-0001']);
  });
});
