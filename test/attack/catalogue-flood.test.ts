import { describe, expect, it } from 'vitest';
import { CATALOGUE_MAX } from '../../lib/model/catalogue';
import { openDatabase, Store } from '../../lib/storage/store';
import { createWorker } from '../../lib/worker/create-worker';
import { workerDeps } from '../support/worker-deps';

// Digiteket's page can send anything the content script may: a hostile page floods the
// catalogue with huge or malformed cards, or tries while the user is not a coordinator.

const page = { fromExtensionPage: false, place: { tabId: 1, frameId: 0 } };
let count = 0;

async function worker(coordinator: boolean) {
  const store = new Store(await openDatabase(`catalogue-flood-${++count}`));
  const w = createWorker(workerDeps(store, { coordinatorMode: async () => coordinator }));
  return { w, store };
}

const card = (i: number) => ({ key: `digiteket.se/kurs/kurs-${i}/`, title: `Kurs ${i}` });

describe('a hostile page and the catalogue', () => {
  it('refuses a message with more cards than one batch, and stores nothing', async () => {
    const { w, store } = await worker(true);
    const entries = Array.from({ length: 10_000 }, (_, i) => card(i));
    expect(await w.handle({ type: 'catalogueSeen', entries }, page)).toEqual({ ok: false, error: 'messageRefused' });
    expect(await store.catalogue()).toEqual([]);
  });

  it('refuses garbage: huge titles, foreign keys, odd minutes, wrong types', async () => {
    const { w, store } = await worker(true);
    const garbage = [
      [{ key: 'digiteket.se/kurs/a/', title: 'x'.repeat(100_000) }],
      [{ key: 'evil.example/kurs/a/', title: 'A' }],
      [{ key: 'digiteket.se/kurs/a/', title: '   ' }],
      [{ key: 'digiteket.se/kurs/a/', title: 'A', minutes: -5 }],
      [{ key: 'digiteket.se/kurs/a/', title: 'A', area: 'x'.repeat(5000) }],
      [{ key: 'digiteket.se/kurs/a/', title: { toString: 'A' } }],
      'alla',
      [],
    ];
    for (const entries of garbage) {
      expect(await w.handle({ type: 'catalogueSeen', entries }, page)).toEqual({ ok: false, error: 'messageRefused' });
    }
    expect(await store.catalogue()).toEqual([]);
  });

  it('records nothing when the user is not in coordinator mode', async () => {
    const { w, store } = await worker(false);
    const answer = await w.handle({ type: 'catalogueSeen', entries: [card(1), card(2)] }, page);
    expect(answer).toEqual({ ok: false, error: 'collectNotCoordinator' });
    expect(await store.catalogue()).toEqual([]);
  });

  it('stops at the catalogue\'s cap however many batches come', async () => {
    const { w, store } = await worker(true);
    const known = Array.from({ length: CATALOGUE_MAX - 5 }, (_, i) => ({ ...card(i), firstSeen: '2026-01-01T00:00:00.000Z', lastSeen: '2026-01-01T00:00:00.000Z' }));
    await store.putCatalogue(known);
    const answer = await w.handle({ type: 'catalogueSeen', entries: Array.from({ length: 200 }, (_, i) => card(100_000 + i)) }, page);
    expect(answer).toEqual({ ok: true, added: 5 });
    expect((await store.catalogue()).length).toBe(CATALOGUE_MAX);
  });
});
