import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { exportBackup, parseBackup, restoreBackup, type Backup } from '../../lib/domain/backup';
import type { Note } from '../../lib/model/note';
import { mergeById } from '../../lib/domain/merge';
import { filterNotes, foldForSearch, NoteSearch, searchable } from '../../lib/domain/notes';
import { NotesService } from '../../lib/services/notes-service';
import { openDatabase, Store } from '../../lib/storage/store';

let n = 0;
const PODD = 'digiteket.se/kurs/skapa-en-podd/';
const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 10, minute));

async function setup(name = `notes-${++n}`) {
  const store = new Store(await openDatabase(name));
  let id = 0;
  const onChange = vi.fn();
  const notes = new NotesService(store, onChange, () => `note-${++id}`);
  const backup = {
    export: (now: Date) => exportBackup(store, 'https://plan.example.se/plan.json', now),
    import: (b: Backup) => restoreBackup(store, b, onChange),
  };
  return { store, notes, backup, onChange, name };
}

function note(partial: Partial<Note> & Pick<Note, 'id' | 'text'>): Note {
  return { courseKey: PODD, shared: false, createdAt: at(0).toISOString(), updatedAt: at(0).toISOString(), ...partial };
}

describe('search', () => {
  it('ignores case and diacritics both ways', () => {
    expect(foldForSearch('Föreläsning på Ålö')).toBe('forelasning pa alo');
    const list = searchable([note({ id: 'a', text: 'En bra FÖRELÄSNING om poddar' }), note({ id: 'b', text: 'Inget här' })]);
    expect(filterNotes(list, 'forelasning', 'all').map((x) => x.id)).toEqual(['a']);
    expect(filterNotes(list, 'Föreläsning poddar', 'all').map((x) => x.id)).toEqual(['a']);
    expect(filterNotes(list, '', 'all').map((x) => x.id)).toEqual(['a', 'b']);
  });

  it('filters shared and private, and never shows deleted notes', () => {
    const list = searchable([
      note({ id: 'a', text: 'delad', shared: true }),
      note({ id: 'b', text: 'privat' }),
      note({ id: 'c', text: 'borttagen', deleted: true }),
    ]);
    expect(filterNotes(list, '', 'shared').map((x) => x.id)).toEqual(['a']);
    expect(filterNotes(list, '', 'private').map((x) => x.id)).toEqual(['b']);
    expect(filterNotes(list, 'borttagen', 'all')).toEqual([]);
  });
});

describe('searching as the user types', () => {
  it('finds the same notes building on the last answer as searching all of them afresh', () => {
    const words = ['föreläsning', 'podd', 'källkritik', 'lånecykel', 'Wikipedia', 'film'];
    const notes = Array.from({ length: 60 }, (_, i) => note({ id: `n${i}`, text: `${words[i % 6]} ${words[(i * 5) % 6]} ${i}`, shared: i % 3 === 0, ...(i % 11 === 0 ? { deleted: true } : {}) }));
    const search = new NoteSearch(searchable(notes));
    const typed = ['f', 'fo', 'for', 'fore', 'forel', 'fö', '', 'p', 'po', 'podd', 'podd k', 'podd kä', 'podd k', 'podd'];
    for (const filter of ['all', 'shared', 'private', 'all'] as const) {
      for (const query of typed) {
        expect(search.find(query, filter).map((n) => n.id), `${filter} "${query}"`).toEqual(filterNotes(searchable(notes), query, filter).map((n) => n.id));
      }
    }
  });
});

describe('merging', () => {
  it('keeps the newer record per id and reports what changed', () => {
    const mine = [note({ id: 'a', text: 'ny', updatedAt: at(5).toISOString() }), note({ id: 'b', text: 'b' })];
    const theirs = [note({ id: 'a', text: 'gammal', updatedAt: at(1).toISOString() }), note({ id: 'c', text: 'c' })];
    const { merged, changed } = mergeById(mine, theirs, (x) => x.id, (x) => x.updatedAt);
    expect(merged.map((x) => `${x.id}:${x.text}`).sort()).toEqual(['a:ny', 'b:b', 'c:c']);
    expect(changed.map((x) => x.id)).toEqual(['c']);
  });
});

describe('NotesService', () => {
  it('writes, edits, shares, deletes and restores', async () => {
    const { notes } = await setup();
    const first = await notes.create(PODD, 'Skapa en podd', 'Första tanken', at(1));
    await notes.create(PODD, 'Skapa en podd', 'Andra 🎙️ tanken – שלום', at(2));
    expect((await notes.forCourse(PODD)).map((x) => x.text)).toEqual(['Andra 🎙️ tanken – שלום', 'Första tanken']);
    expect(first.shared).toBe(false);
    await notes.update(first.id, { shared: true }, at(3));
    await notes.remove(first.id, at(4));
    expect((await notes.forCourse(PODD)).map((x) => x.id)).toEqual(['note-2']);
    await notes.restore(first.id, at(5));
    const restored = (await notes.forCourse(PODD)).find((x) => x.id === first.id);
    expect(restored).toMatchObject({ shared: true, text: 'Första tanken', updatedAt: at(5).toISOString() });
  });

  it('keeps a note of 100,000 characters whole', async () => {
    const { notes } = await setup();
    const long = 'å'.repeat(100_000);
    await notes.create(PODD, 'Skapa en podd', long, at(1));
    expect((await notes.forCourse(PODD))[0]?.text).toBe(long);
  });
});

describe('the database upgrade', () => {
  it('opens a database written by schema version 1 and keeps its progress', async () => {
    const name = `v1-${++n}`;
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('plans');
        db.createObjectStore('progress', { keyPath: 'courseKey' });
        db.createObjectStore('state');
      },
    });
    await v1.put('progress', { courseKey: PODD, status: 'done', completedAt: at(0).toISOString(), updatedAt: at(0).toISOString() });
    v1.close();
    const { store, notes } = await setup(name);
    expect((await store.progressOf(PODD))?.status).toBe('done');
    await notes.create(PODD, 'Skapa en podd', 'Efter uppgraderingen', at(1));
    expect(await store.allNotes()).toHaveLength(1);
  });
});

describe('backup', () => {
  it('round-trips everything personal and merges without duplicates', async () => {
    const a = await setup();
    const kept = await a.notes.create(PODD, 'Skapa en podd', 'Privat tanke', at(1));
    await a.notes.create(PODD, 'Skapa en podd', 'Delad tanke', at(2));
    await a.store.putProgress([{ courseKey: PODD, status: 'done', completedAt: at(3).toISOString(), updatedAt: at(3).toISOString() }]);
    await a.store.putEvaluations([{ courseKey: PODD, periodId: '2026-11', usefulness: 4, minutes: 45, comment: 'Bra', updatedAt: at(4).toISOString() }]);
    await a.store.putExtensions([{ periodId: '2026-11', deadline: '2026-12-14', reason: 'sick', updatedAt: at(4).toISOString() }]);
    const file = JSON.stringify(await a.backup.export(at(10)));
    const parsed = parseBackup(file);
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(parsed.backup.settings.planUrl).toBe('https://plan.example.se/plan.json');

    const b = await setup();
    expect(await b.backup.import(parsed.backup)).toEqual({ notes: 2, progress: 1 });
    expect(await b.store.evaluations()).toEqual(await a.store.evaluations());
    expect(await b.store.extensions()).toEqual(await a.store.extensions());
    expect(await b.backup.import(parsed.backup)).toEqual({ notes: 0, progress: 0 });
    expect(await b.store.allNotes()).toHaveLength(2);

    // A newer edit survives importing the older backup again.
    await b.notes.update(kept.id, { text: 'Ändrad senare' }, at(20));
    await b.backup.import(parsed.backup);
    expect((await b.store.note(kept.id))?.text).toBe('Ändrad senare');
  });

  it('reads a backup made before evaluations and personal deadlines', async () => {
    const old = '{"kind":"kurskompis/backup","version":1,"exportedAt":"2026-11-20T10:00:00Z","progress":[],"notes":[],"settings":{"planUrl":null}}';
    const parsed = parseBackup(old);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const b = await setup();
    expect(await b.backup.import(parsed.backup)).toEqual({ notes: 0, progress: 0 });
    expect(await b.store.evaluations()).toEqual([]);
  });

  it.each([
    ['{"kind": "kurskompis/backup", "version": 1, "exportedAt"', 'notJson'],
    ['{"kind":"kurskompis/plan","version":1}', 'wrongKind'],
    ['{"bookmarks": []}', 'wrongKind'],
    ['{"kind":"kurskompis/backup","version":2}', 'newerVersion'],
    ['{"kind":"kurskompis/backup","version":1,"exportedAt":"2026-11-20T10:00:00Z","progress":[],"notes":[{"id":"x"}],"settings":{"planUrl":null}}', 'invalid'],
  ])('refuses %s', (text, problem) => {
    expect(parseBackup(text)).toMatchObject({ ok: false, problem });
  });
});
