import { describe, expect, it } from 'vitest';
import { openDatabase, Store } from '../../lib/storage/store';
import { TICKET_LIFETIME_MS } from '../../lib/services/panel-tickets';
import { createWorker, type Sender } from '../../lib/worker/create-worker';

// Attacks on the notes panel's ticket, at the worker: a page that frames notes-panel.html
// itself, guesses or replays a ticket, uses another tab's, asks from a frame of its own, or
// reaches past its grant. The real-browser side is in test/e2e/page-attacks.test.ts.

const PODD = 'digiteket.se/kurs/skapa-en-podd/';
const KALLA = 'digiteket.se/kurs/kallkritik-pa-natet/';
const NOW = new Date('2026-11-25T10:00:00Z');
let count = 0;

async function setup() {
  const store = new Store(await openDatabase(`panel-tickets-${++count}`));
  const none = async () => undefined;
  const w = createWorker({
    store,
    fetch: async () => new Response('', { status: 500 }),
    planUrl: { getValue: async () => null, setValue: none },
    teamFolder: { getValue: async () => null, setValue: none },
    coordinatorMode: async () => false,
    planAddress: async () => null,
    redraw: none,
    bumpRevision: none,
    notesChanged: none,
    scheduleSync: () => undefined,
    afterSync: none,
    openReport: none,
  });
  return { w, store };
}

/** The content script of tab `tabId`'s top frame (or of a frame inside the page). */
const site = (tabId: number, frameId = 0): Sender => ({ fromExtensionPage: false, place: { tabId, frameId } });
/** A page of ours framed in tab `tabId`: the panel our content script made, or one the page made. */
const frame = (tabId: number, frameId: number, documentId = `doc-${frameId}`): Sender => ({
  fromExtensionPage: true,
  place: { tabId, frameId, documentId },
});
const popup: Sender = { fromExtensionPage: true };
const refused = { ok: false, error: 'messageRefused' };
const noTicket = { ok: false, error: 'notesPanelRefused' };

async function ticket(w: Awaited<ReturnType<typeof setup>>['w'], tabId = 1, key = PODD, now = NOW): Promise<string> {
  const answer = await w.handle({ type: 'notesPanelTicket', key, title: 'Skapa en podd' }, site(tabId), now);
  if (!answer.ok || !('ticket' in answer)) throw new Error(JSON.stringify(answer));
  return answer.ticket;
}

describe('a page that frames the notes panel itself', () => {
  it('gets no notes and can change none without a ticket', async () => {
    const { w, store } = await setup();
    const note = await w.handle({ type: 'noteCreate', key: PODD, title: 'Skapa en podd', text: 'privat' }, popup, NOW);
    const id = note.ok && 'note' in note ? note.note.id : '';
    const page = frame(1, 9);
    expect(await w.handle({ type: 'notesOf', key: PODD }, page, NOW)).toEqual(refused);
    expect(await w.handle({ type: 'noteCreate', key: PODD, title: '', text: 'falsk' }, page, NOW)).toEqual(refused);
    expect(await w.handle({ type: 'noteUpdate', id, patch: { shared: true } }, page, NOW)).toEqual(refused);
    expect(await w.handle({ type: 'noteRemove', id }, page, NOW)).toEqual(refused);
    // Nor anything else our pages may send: a framed page of ours is not the settings page.
    expect(await w.handle({ type: 'joinTeam', url: 'https://x.example/', username: '', password: '', displayName: 'x', shareProgress: true, shareNotes: true }, page, NOW)).toEqual(refused);
    expect(await w.handle({ type: 'setDone', key: PODD, done: true }, page, NOW)).toEqual(refused);
    expect((await store.allNotes()).map((n) => [n.text, n.shared])).toEqual([['privat', false]]);
  });

  it('cannot trade a guessed ticket, a used one, another tab’s or an expired one', async () => {
    const { w } = await setup();
    expect(await w.handle({ type: 'notesPanelOpen', ticket: 'ab'.repeat(32) }, frame(1, 5), NOW)).toEqual(noTicket);

    const used = await ticket(w);
    expect(await w.handle({ type: 'notesPanelOpen', ticket: used }, frame(1, 5), NOW)).toEqual({ ok: true, key: PODD, title: 'Skapa en podd' });
    expect(await w.handle({ type: 'notesPanelOpen', ticket: used }, frame(1, 6), NOW)).toEqual(noTicket);

    // A ticket tried from another tab is used up by the try: the right tab cannot use it either.
    const other = await ticket(w, 1);
    expect(await w.handle({ type: 'notesPanelOpen', ticket: other }, frame(2, 5), NOW)).toEqual(noTicket);
    expect(await w.handle({ type: 'notesPanelOpen', ticket: other }, frame(1, 7), NOW)).toEqual(noTicket);

    const late = await ticket(w);
    const after = new Date(NOW.getTime() + TICKET_LIFETIME_MS + 1);
    expect(await w.handle({ type: 'notesPanelOpen', ticket: late }, frame(1, 8), after)).toEqual(noTicket);

    // Only from a frame: the same page of ours opened as a tab of its own (frame 0) gets nothing.
    const top = await ticket(w);
    expect(await w.handle({ type: 'notesPanelOpen', ticket: top }, frame(1, 0), NOW)).toEqual(refused);
  });

  it('gives tickets only to the content script of a tab’s top frame', async () => {
    const { w } = await setup();
    const ask = { type: 'notesPanelTicket', key: PODD, title: 'x' } as const;
    expect(await w.handle(ask, site(1, 3), NOW)).toEqual(noTicket);
    expect(await w.handle(ask, { fromExtensionPage: false }, NOW)).toEqual(noTicket);
    expect(await w.handle(ask, frame(1, 5), NOW)).toEqual(refused);
    expect(await w.handle(ask, { fromExtensionPage: true, place: { tabId: 1, frameId: 0 } }, NOW)).toEqual(noTicket);
    expect((await w.handle(ask, site(1), NOW)).ok).toBe(true);
  });

  it('keeps a granted panel to its own course and its own document', async () => {
    const { w, store } = await setup();
    const elsewhere = await w.handle({ type: 'noteCreate', key: KALLA, title: 'Källkritik', text: 'annan kurs' }, popup, NOW);
    const elsewhereId = elsewhere.ok && 'note' in elsewhere ? elsewhere.note.id : '';
    const panel = frame(1, 5, 'doc-a');
    await w.handle({ type: 'notesPanelOpen', ticket: await ticket(w) }, panel, NOW);

    const mine = await w.handle({ type: 'noteCreate', key: PODD, title: 'Skapa en podd', text: 'min' }, panel, NOW);
    expect(mine.ok).toBe(true);
    const mineId = mine.ok && 'note' in mine ? mine.note.id : '';
    expect(await w.handle({ type: 'noteUpdate', id: mineId, patch: { shared: true } }, panel, NOW)).toMatchObject({ ok: true });
    expect(await w.handle({ type: 'notesOf', key: PODD }, panel, NOW)).toMatchObject({ ok: true });

    expect(await w.handle({ type: 'notesOf', key: KALLA }, panel, NOW)).toEqual(refused);
    expect(await w.handle({ type: 'noteCreate', key: KALLA, title: '', text: 'x' }, panel, NOW)).toEqual(refused);
    expect(await w.handle({ type: 'noteUpdate', id: elsewhereId, patch: { shared: true } }, panel, NOW)).toEqual(refused);
    // A new document in the same frame (the page sent it elsewhere and back) has no grant.
    expect(await w.handle({ type: 'notesOf', key: PODD }, frame(1, 5, 'doc-b'), NOW)).toEqual(refused);
    // A closed tab takes its grants with it.
    await w.panels.forgetTab(1);
    expect(await w.handle({ type: 'notesOf', key: PODD }, panel, NOW)).toEqual(refused);
    expect((await store.allNotes()).find((n) => n.id === elsewhereId)?.shared).toBe(false);
  });

  it('loses no ticket when two are asked for at once', async () => {
    const { w } = await setup();
    const [a, b] = await Promise.all([ticket(w, 1), ticket(w, 2)]);
    expect(await w.handle({ type: 'notesPanelOpen', ticket: a }, frame(1, 5), NOW)).toMatchObject({ ok: true });
    expect(await w.handle({ type: 'notesPanelOpen', ticket: b }, frame(2, 5), NOW)).toMatchObject({ ok: true });
  });
});
