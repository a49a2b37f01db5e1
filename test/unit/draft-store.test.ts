import { describe, expect, it, vi } from 'vitest';
import { DraftStore, type DraftArea } from '../../components/notes/draft-store';
import type { NoteDraft } from '../../lib/model/note-draft';

const draft = (text: string, noteId = 'n1'): NoteDraft => ({
  v: 1,
  noteId,
  courseKey: 'digiteket.se/kurs/skapa-en-podd/',
  courseTitle: 'Skapa en podd',
  text,
  base: null,
  baseText: '',
  typedAt: '2026-11-20T10:00:00.000Z',
});

/** A storage area whose writes finish only when the test lets them. */
function slowArea() {
  const data: Record<string, unknown> = { settings: { theme: 'x' } };
  const pending: Array<() => void> = [];
  const writes: string[] = [];
  const later = (apply: () => void) =>
    new Promise<void>((resolve) => {
      pending.push(() => {
        apply();
        resolve();
      });
    });
  const area: DraftArea = {
    get: async () => structuredClone(data),
    set: (items) => {
      for (const [key, value] of Object.entries(items)) writes.push(`set ${key} ${(value as NoteDraft).text}`);
      return later(() => Object.assign(data, structuredClone(items)));
    },
    remove: (key) => {
      writes.push(`remove ${key}`);
      return later(() => delete data[key]);
    },
  };
  const finishOne = async () => {
    pending.shift()?.();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { area, data, writes, finishOne, pending };
}

describe('the draft store', () => {
  it('writes the first keystroke at once, then only the newest text after each write', async () => {
    const { area, writes, finishOne, pending } = slowArea();
    const store = new DraftStore(area);
    store.put(draft('P'));
    expect(writes).toEqual(['set noteDraft:n1 P']);
    store.put(draft('Po'));
    store.put(draft('Pod'));
    store.put(draft('Podd'));
    expect(writes).toHaveLength(1);
    await finishOne();
    expect(writes).toEqual(['set noteDraft:n1 P', 'set noteDraft:n1 Podd']);
    await finishOne();
    expect(pending).toHaveLength(0);
    expect((await store.all()).map((d) => d.text)).toEqual(['Podd']);
  });

  it('writes what is queued at once when the page goes away, without waiting for the write under way', () => {
    const { area, writes } = slowArea();
    const store = new DraftStore(area);
    store.put(draft('P'));
    store.put(draft('Podd'));
    store.flushNow();
    expect(writes).toEqual(['set noteDraft:n1 P', 'set noteDraft:n1 Podd']);
  });

  it('removes a draft after the write before it, so a late write does not bring it back', async () => {
    const { area, data, finishOne } = slowArea();
    const store = new DraftStore(area);
    store.put(draft('Podd'));
    store.remove('n1');
    await finishOne();
    await finishOne();
    expect(data['noteDraft:n1']).toBeUndefined();
  });

  it('keeps notes apart and reads back only its own, well-formed drafts', async () => {
    const { area, data, finishOne } = slowArea();
    const store = new DraftStore(area);
    store.put(draft('Första', 'a'));
    store.put(draft('Andra', 'b'));
    await finishOne();
    await finishOne();
    data['noteDraft:broken'] = { v: 1, text: 42 };
    data['noteDraft:c'] = draft('Fel nyckel', 'd');
    expect((await store.all()).map((d) => d.text).sort()).toEqual(['Andra', 'Första']);
  });

  it('survives an area that throws (an orphaned page): nothing breaks, the failure is told', async () => {
    const onError = vi.fn();
    const broken: DraftArea = {
      get: () => {
        throw new TypeError("Cannot read properties of undefined (reading 'local')");
      },
      set: () => {
        throw new TypeError("Cannot read properties of undefined (reading 'local')");
      },
      remove: () => Promise.reject(new Error('Extension context invalidated.')),
    };
    const store = new DraftStore(broken, onError);
    expect(() => store.put(draft('Podd'))).not.toThrow();
    store.remove('n1');
    await store.settled();
    expect(await store.all()).toEqual([]);
    expect(onError).toHaveBeenCalledTimes(3);
  });
});
