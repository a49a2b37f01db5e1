import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createWorker } from '../../lib/worker/create-worker';
import { managedSettings, planAddress } from '../../lib/services/managed';
import { DB_VERSION, openDatabase, Store } from '../../lib/storage/store';
import { fixturePlan } from '../support/fixtures';

let dbCount = 0;
const PODD = 'digiteket.se/kurs/skapa-en-podd/';
const planText = JSON.stringify(fixturePlan());
const NOW = new Date('2026-11-20T10:00:00Z');

/** Stands for team settings whose read fails (a storage error), not a value anyone stores. */
const UNREADABLE = Symbol('unreadable');

async function setup(fetchImpl: typeof fetch = vi.fn()) {
  const name = `test-${++dbCount}`;
  const store = new Store(await openDatabase(name));
  const onChange = vi.fn(async () => undefined);
  const notesChanged = vi.fn(async () => undefined);
  const scheduleSync = vi.fn(() => undefined);
  let planUrl: string | null = null;
  const coordinatorOn = { value: false };
  let teamSettings: unknown = null;
  const worker = createWorker({
    store,
    fetch: fetchImpl,
    planUrl: { getValue: async () => planUrl, setValue: async (url) => void (planUrl = url) },
    teamFolder: {
      getValue: async () => {
        if (teamSettings === UNREADABLE) throw new Error('storage.local could not be read');
        return teamSettings;
      },
      setValue: async (value) => void (teamSettings = value),
    },
    coordinatorMode: async () => coordinatorOn.value,
    planAddress: () => planAddress(async () => planUrl),
    managed: managedSettings,
    redraw: onChange,
    bumpRevision: onChange,
    notesChanged,
    scheduleSync,
    afterSync: async () => undefined,
    openReport: async () => undefined,
    planTimeoutMs: 50,
  });
  const { tracker, plans } = worker;
  const joinTeam = (sharing: { shareNotes: boolean }) =>
    void (teamSettings = { url: 'https://moln.example.se/dav/team/', memberId: 'member-0001', displayName: 'Kim', shareProgress: true, ...sharing });
  const breakTeamFolder = () => void (teamSettings = UNREADABLE);
  return { name, store, tracker, plans, handler: worker, onChange, notesChanged, scheduleSync, planUrl: () => planUrl, coordinatorOn, joinTeam, breakTeamFolder };
}

describe('the database', () => {
  it('keeps what it stored when reopened at the current version', async () => {
    const { name, store } = await setup();
    await store.putProgress([{ courseKey: PODD, status: 'done', completedAt: NOW.toISOString(), updatedAt: NOW.toISOString() }]);
    const raw = await openDB(name);
    expect(raw.version).toBe(DB_VERSION);
    expect([...raw.objectStoreNames].sort()).toEqual(['assessments', 'catalogue', 'evaluations', 'extensions', 'memberFiles', 'notes', 'plans', 'progress', 'signups', 'state']);
    raw.close();
    const reopened = new Store(await openDatabase(name));
    expect((await reopened.progressOf(PODD))?.status).toBe('done');
  });

  it('steps aside for a newer version instead of stalling its upgrade', async () => {
    const name = `blocking-${++dbCount}`;
    const open = new Store(await openDatabase(name));
    await open.putProgress([{ courseKey: PODD, status: 'started', updatedAt: NOW.toISOString() }]);
    const blocked = vi.fn();
    // What an updated Kurskompis does while this page is still open.
    const newer = await openDB(name, DB_VERSION + 1, { blocked });
    expect(blocked).not.toHaveBeenCalled();
    expect(await newer.get('progress', PODD)).toMatchObject({ status: 'started' });
    newer.close();
  });

  it('carries a database of the first version forward, progress kept', async () => {
    const name = `v1-${++dbCount}`;
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('plans');
        db.createObjectStore('progress', { keyPath: 'courseKey' });
        db.createObjectStore('state');
      },
    });
    await v1.put('progress', { courseKey: PODD, status: 'done', updatedAt: NOW.toISOString() });
    v1.close();
    const store = new Store(await openDatabase(name));
    expect((await store.progressOf(PODD))?.status).toBe('done');
    expect(await store.signups()).toEqual([]);
    expect(await store.allNotes()).toEqual([]);
    expect(await store.evaluations()).toEqual([]);
    expect(await store.extensions()).toEqual([]);
    expect(await store.catalogue()).toEqual([]);
  });

  it('keeps one evaluation per period and course, the newer replacing', async () => {
    const { store } = await setup();
    const first = { courseKey: PODD, periodId: '2026-11', usefulness: 3, updatedAt: NOW.toISOString() };
    await store.putEvaluations([first, { ...first, periodId: '2026-12', usefulness: 5 }]);
    await store.putEvaluations([{ ...first, usefulness: 4, comment: 'Bättre än väntat' }]);
    expect((await store.evaluations()).map((e) => [e.periodId, e.usefulness])).toEqual([
      ['2026-11', 4],
      ['2026-12', 5],
    ]);
    expect(await store.evaluation('2026-11', PODD)).toMatchObject({ comment: 'Bättre än väntat' });
  });
});

describe('Tracker', () => {
  it('starts a course on the first visit only and never undoes a finish', async () => {
    const { tracker, store, onChange } = await setup();
    await tracker.visited(PODD, 'Skapa en podd', {}, NOW);
    expect(await store.progressOf(PODD)).toMatchObject({ status: 'started', startedAt: NOW.toISOString() });
    await tracker.markDone(PODD, undefined, 'detected', NOW);
    await tracker.visited(PODD, 'Skapa en podd', {}, new Date('2026-11-21T10:00:00Z'));
    expect(await store.progressOf(PODD)).toMatchObject({ status: 'done', completedAt: NOW.toISOString(), source: 'detected', title: 'Skapa en podd' });
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('undoes a finish by hand back to started', async () => {
    const { tracker, store } = await setup();
    await tracker.markDone(PODD, 'Skapa en podd', 'manual', NOW);
    await tracker.undoDone(PODD, new Date('2026-11-21T10:00:00Z'));
    const record = await store.progressOf(PODD);
    expect(record).toMatchObject({ status: 'started', updatedAt: '2026-11-21T10:00:00.000Z' });
    expect(record?.completedAt).toBeUndefined();
  });

  it('imports Mina sidor once, keeping what was already done', async () => {
    const { tracker, store } = await setup();
    await tracker.markDone(PODD, 'Skapa en podd', 'manual', NOW);
    const entries = [
      { key: PODD, title: 'Skapa en podd', completedAt: '2026-10-03' },
      { key: 'digiteket.se/kurs/starka-losenord/', title: 'Starka lösenord', completedAt: '2026-09-20' },
    ];
    expect(await tracker.importCompleted(entries, NOW)).toEqual({ imported: 1, alreadyDone: 1 });
    expect(await tracker.importCompleted(entries, NOW)).toEqual({ imported: 0, alreadyDone: 2 });
    expect((await store.progressOf('digiteket.se/kurs/starka-losenord/'))?.completedAt).toBe('2026-09-20T12:00:00Z');
    expect((await store.progressOf(PODD))?.completedAt).toBe(NOW.toISOString());
  });
});

function response(body: string, init: ResponseInit & { headers?: Record<string, string> } = {}) {
  return new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' }, ...init });
}

describe('PlanService and plan URLs', () => {
  it('keeps the previous plan when a file is refused', async () => {
    const { plans, store } = await setup();
    await plans.loadText(planText, { kind: 'file', name: 'a.json' }, NOW);
    const result = await plans.loadText('{"kind":"kurskompis/plan","version":7}', { kind: 'file' }, NOW);
    expect(result).toEqual({ ok: false, error: 'planHasProblems', problems: [{ path: 'version', reason: 'newerVersion' }] });
    expect((await store.activePlan())?.source).toEqual({ kind: 'file', name: 'a.json' });
  });

  it('remembers what a new version of the same plan changed, until dismissed', async () => {
    const { plans, store, handler, onChange } = await setup();
    await plans.loadText(planText, { kind: 'file' }, NOW);
    expect(await store.planChanges()).toBeUndefined();
    const next = JSON.parse(planText);
    next.updatedAt = '2026-11-22T09:00:00Z';
    next.periods[1].items.push({ url: 'https://digiteket.se/kurs/skriv-for-webben/', title: 'Skriv för webben', kind: 'course' });
    await plans.loadText(JSON.stringify(next), { kind: 'file' }, NOW);
    expect((await store.planChanges())?.changes).toEqual([{ kind: 'itemsAdded', period: 'November: Skapa innehåll', count: 1 }]);
    onChange.mockClear();
    await handler.handle({ type: 'dismissPlanChanges' }, { fromExtensionPage: true });
    expect(await store.planChanges()).toBeUndefined();
    // Pages are told: the popup's next opening does not draw the notice from what it drew last.
    expect(onChange).toHaveBeenCalled();
  });

  it('fetches with the ETag of the copy it has and keeps it on 304', async () => {
    const fetchImpl = vi
      .fn<typeof fetch>()
      .mockResolvedValueOnce(response(planText, { headers: { 'Content-Type': 'application/json', ETag: '"v1"' } }))
      .mockResolvedValueOnce(new Response(null, { status: 304 }));
    const { plans, store } = await setup(fetchImpl);
    expect(await plans.fetchUrl('https://plan.example.se/plan.json', 'url', NOW)).toEqual({ ok: true, changed: true });
    expect(await plans.fetchUrl('https://plan.example.se/plan.json', 'url', NOW)).toEqual({ ok: true, changed: false });
    const second = fetchImpl.mock.calls[1]?.[1] as RequestInit;
    expect((second.headers as Record<string, string>)['If-None-Match']).toBe('"v1"');
    expect((await store.planFetch())?.etag).toBe('"v1"');
    expect((await store.activePlan())?.plan.team.name).toBe('Östersunds bibliotek');
  });

  it.each([
    ['a login page answered as HTML', () => response('<!DOCTYPE html><form>Logga in</form>', { headers: { 'Content-Type': 'text/html' } }), 'urlHtml'],
    ['HTML sent as JSON', () => response('<html><body>Logga in</body></html>'), 'urlHtml'],
    ['404', () => response('Not found', { status: 404 }), 'urlNotFound'],
    ['403', () => response('Nej', { status: 403 }), 'urlDenied'],
    ['500', () => response('Oj', { status: 500 }), 'urlHttp'],
  ])('reports %s and keeps the plan in force', async (_label, make, error) => {
    const fetchImpl = vi.fn<typeof fetch>().mockResolvedValue(make());
    const { plans, store } = await setup(fetchImpl);
    await plans.loadText(planText, { kind: 'file' }, NOW);
    expect(await plans.fetchUrl('https://plan.example.se/plan.json', 'url', NOW)).toEqual({ ok: false, error });
    expect((await store.activePlan())?.source).toEqual({ kind: 'file' });
    expect((await store.planFetch())?.error).toBe(error);
  });

  it('gives up on a server that does not answer', async () => {
    const fetchImpl = vi.fn<typeof fetch>((_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
    );
    const { plans } = await setup(fetchImpl);
    expect(await plans.fetchUrl('https://plan.example.se/plan.json', 'url', NOW)).toEqual({ ok: false, error: 'urlTimeout' });
  });

  it('refuses a plan URL that is not https', async () => {
    const fetchImpl = vi.fn<typeof fetch>();
    const { plans } = await setup(fetchImpl);
    expect(await plans.fetchUrl('http://plan.example.se/plan.json')).toEqual({ ok: false, error: 'urlNotHttps' });
    expect(await plans.fetchUrl('javascript:alert(1)')).toEqual({ ok: false, error: 'urlNotHttps' });
    expect(fetchImpl).not.toHaveBeenCalled();
  });
});

describe('the worker', () => {
  const page = { fromExtensionPage: false };
  const extension = { fromExtensionPage: true };

  it('ignores malformed messages', async () => {
    const { handler } = await setup();
    expect(await handler.handle({ type: 'setDone', key: 'https://evil.example/', done: true }, page)).toEqual({ ok: false, error: 'messageRefused' });
    expect(await handler.handle({ type: 'nope' }, page)).toEqual({ ok: false, error: 'messageRefused' });
    expect(await handler.handle('pageContext', page)).toEqual({ ok: false, error: 'messageRefused' });
  });

  it('keeps notes away from content scripts', async () => {
    const { handler } = await setup();
    const create = { type: 'noteCreate', key: 'digiteket.se/kurs/skapa-en-podd/', title: 'Skapa en podd', text: 'privat' };
    expect(await handler.handle(create, page)).toEqual({ ok: false, error: 'messageRefused' });
    expect(await handler.handle({ type: 'notesOf', key: 'digiteket.se/kurs/skapa-en-podd/' }, page)).toEqual({ ok: false, error: 'messageRefused' });
    expect(await handler.handle(create, extension)).toMatchObject({ ok: true, note: { text: 'privat', shared: false } });
    const listed = await handler.handle({ type: 'notesOf', key: 'digiteket.se/kurs/skapa-en-podd/' }, extension);
    expect(listed.ok && 'notes' in listed ? listed.notes : []).toHaveLength(1);
    expect(await handler.handle({ type: 'noteUpdate', id: 'no-such-note', patch: { text: 'x' } }, extension)).toEqual({ ok: false, error: 'noteMissing' });
  });

  it('makes one note of a create sent twice with the same id (a slow or lost first answer)', async () => {
    const { handler, store } = await setup();
    const create = { type: 'noteCreate', id: 'panel-made-1', key: PODD, title: 'Skapa en podd', text: 'Första' };
    const first = await handler.handle(create, extension, NOW);
    const again = await handler.handle(create, extension, new Date(NOW.getTime() + 5000));
    expect(first).toMatchObject({ ok: true, note: { id: 'panel-made-1', text: 'Första' } });
    expect(again).toEqual(first);
    // Sent again with more text: not a second note, but the first one answered as a conflict.
    expect(await handler.handle({ ...create, text: 'Första och mer' }, extension, NOW)).toMatchObject({
      ok: false,
      error: 'noteConflict',
      note: { id: 'panel-made-1', text: 'Första' },
    });
    expect(await store.notesOf(PODD)).toHaveLength(1);
  });

  it('refuses a text typed on a revision that is no longer the newest, and says what is stored', async () => {
    const { handler, store } = await setup();
    const created = await handler.handle({ type: 'noteCreate', id: 'n1', key: PODD, title: 'Skapa en podd', text: 'Bas' }, extension, NOW);
    const base = created.ok && 'note' in created ? created.note.updatedAt : '';
    // Two tabs typed on the same revision, in the same millisecond.
    const tabA = await handler.handle({ type: 'noteUpdate', id: 'n1', patch: { text: 'Bas och A' }, base }, extension, NOW);
    const tabB = await handler.handle({ type: 'noteUpdate', id: 'n1', patch: { text: 'Bas och B' }, base }, extension, NOW);
    expect(tabA).toMatchObject({ ok: true, note: { text: 'Bas och A' } });
    expect(tabB).toMatchObject({ ok: false, error: 'noteConflict', note: { text: 'Bas och A' } });
    expect((await store.note('n1'))?.text).toBe('Bas och A');
    const newer = tabA.ok && 'note' in tabA ? tabA.note.updatedAt : '';
    expect(newer > base).toBe(true);
    expect(await handler.handle({ type: 'noteUpdate', id: 'n1', patch: { text: 'Bas och B' }, base: newer }, extension, NOW)).toMatchObject({
      ok: true,
      note: { text: 'Bas och B' },
    });
  });

  it('tells only the note pages of a note, and the team folder only of a shared one', async () => {
    const { handler, onChange, notesChanged, scheduleSync, joinTeam } = await setup();
    joinTeam({ shareNotes: true });
    const created = await handler.handle({ type: 'noteCreate', id: 'n1', key: PODD, title: 'Skapa en podd', text: 'Privat' }, extension, NOW);
    const revisionOf = (answer: typeof created) => (answer.ok && 'note' in answer ? answer.note.updatedAt : '');
    let base = revisionOf(created);
    const update = async (patch: { text?: string; shared?: boolean }) => {
      const answer = await handler.handle({ type: 'noteUpdate', id: 'n1', patch, base }, extension, NOW);
      expect(answer.ok).toBe(true);
      base = revisionOf(answer);
    };
    await update({ text: 'Privat, längre' });
    // Written as someone types: the toolbar and Digiteket tabs are not redrawn, nothing is synced.
    expect(notesChanged).toHaveBeenCalledTimes(2);
    expect(onChange).not.toHaveBeenCalled();
    expect(scheduleSync).not.toHaveBeenCalled();
    await update({ shared: true });
    expect(scheduleSync).toHaveBeenCalledTimes(1);
    await update({ text: 'Delad text' });
    expect(scheduleSync).toHaveBeenCalledTimes(2);
    // Made private again: its tombstone goes to the folder; after that, its edits stay here.
    await update({ shared: false });
    expect(scheduleSync).toHaveBeenCalledTimes(3);
    await update({ text: 'Privat igen' });
    await handler.handle({ type: 'noteRemove', id: 'n1' }, extension, NOW);
    expect(scheduleSync).toHaveBeenCalledTimes(3);
    expect(notesChanged).toHaveBeenCalledTimes(7);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('syncs no shared note for a member who chose not to share notes with the team, nor for one in no team', async () => {
    const { handler, notesChanged, scheduleSync, joinTeam } = await setup();
    const writeShared = async (id: string) => {
      const created = await handler.handle({ type: 'noteCreate', id, key: PODD, title: 'Skapa en podd', text: 'Delad' }, extension, NOW);
      const base = created.ok && 'note' in created ? created.note.updatedAt : '';
      expect((await handler.handle({ type: 'noteUpdate', id, patch: { shared: true }, base }, extension, NOW)).ok).toBe(true);
    };
    await writeShared('n1');
    expect(scheduleSync).not.toHaveBeenCalled();
    joinTeam({ shareNotes: false });
    await writeShared('n2');
    expect(scheduleSync).not.toHaveBeenCalled();
    expect(notesChanged).toHaveBeenCalledTimes(4);
    joinTeam({ shareNotes: true });
    await writeShared('n3');
    expect(scheduleSync).toHaveBeenCalledTimes(1);
  });

  it('keeps a shared note and schedules its sync when the team settings cannot be read', async () => {
    const { handler, scheduleSync, joinTeam, breakTeamFolder, store } = await setup();
    joinTeam({ shareNotes: true });
    const created = await handler.handle({ type: 'noteCreate', id: 'n1', key: PODD, title: 'Skapa en podd', text: 'Delad' }, extension, NOW);
    const base = created.ok && 'note' in created ? created.note.updatedAt : '';
    breakTeamFolder();
    expect((await handler.handle({ type: 'noteUpdate', id: 'n1', patch: { shared: true }, base }, extension, NOW)).ok).toBe(true);
    expect((await store.note('n1'))?.shared).toBe(true);
    expect(scheduleSync).toHaveBeenCalledTimes(1);
  });

  it('lets only extension pages change the plan', async () => {
    const { handler, store } = await setup();
    expect(await handler.handle({ type: 'importPlan', text: planText }, page)).toEqual({ ok: false, error: 'messageRefused' });
    expect(await store.activePlan()).toBeUndefined();
    expect(await handler.handle({ type: 'importPlan', text: planText, name: 'p.json' }, extension, NOW)).toEqual({ ok: true, changed: true });
  });

  it('tells a page which courses belong to the running period and which are done', async () => {
    const { handler, tracker } = await setup();
    await handler.handle({ type: 'importPlan', text: JSON.stringify(fixturePlan()) }, extension, NOW);
    await tracker.markDone('digiteket.se/kurs/starka-losenord/', 'Starka lösenord', 'manual', NOW);
    const answer = await handler.handle({ type: 'pageContext' }, page, NOW);
    const context = answer.ok && 'context' in answer ? answer.context : undefined;
    expect(context).toMatchObject({
      period: { title: 'November: Skapa innehåll', deadline: '2026-11-30' },
      done: ['digiteket.se/kurs/starka-losenord/'],
      labels: { period: 'Månadens kurs', optional: 'Valfri', done: 'Klar ✓' },
    });
    const items = (context as { period: { items: Array<{ key: string; optional: boolean }> } }).period.items;
    expect(items).toHaveLength(6);
    expect(items.filter((i) => i.optional).map((i) => i.key)).toEqual([
      'digiteket.se/kurs/redigera-wikipedia/',
      'digiteket.se/inspirationsartikel/ostersundsmodellen/',
    ]);
  });

  it('builds the example plan around today', async () => {
    const { handler, store, planUrl } = await setup();
    await handler.handle({ type: 'useDemoPlan' }, extension, new Date('2027-03-15T12:00:00Z'));
    const stored = await store.activePlan();
    expect(stored?.source).toEqual({ kind: 'demo' });
    expect(stored?.plan.team.name).toBe('Exempelplan');
    expect(stored?.plan.periods.map((p) => [p.starts, p.deadline])).toEqual([
      ['2027-02-01', '2027-02-28'],
      ['2027-03-01', '2027-03-31'],
      ['2027-04-01', '2027-04-30'],
    ]);
    expect(stored?.plan.periods[1]?.title).toBe('Mars: Skapa innehåll');
    expect(planUrl()).toBeNull();
  });
});

describe('a plan address preset by policy', () => {
  const PRESET = 'https://intranat.example.se/kurskompis/plan.json';

  it('is loaded without a click, marked as preset, and wins over the user\'s address', async () => {
    await fakeBrowser.storage.managed.set({ planUrl: PRESET });
    const fetchImpl = vi.fn<typeof fetch>().mockResolvedValue(new Response(planText, { headers: { 'Content-Type': 'application/json' } }));
    const { handler, store } = await setup(fetchImpl);
    expect(await handler.handle({ type: 'refreshPlan' }, { fromExtensionPage: true }, NOW)).toEqual({ ok: true, changed: true });
    expect(fetchImpl.mock.calls[0]?.[0]).toBe(PRESET);
    expect((await store.activePlan())?.source).toEqual({ kind: 'managed', url: PRESET });
  });

  it('locks the plan: no file, example or other address replaces it, and nothing stored changes', async () => {
    await fakeBrowser.storage.managed.set({ planUrl: PRESET });
    const fetchImpl = vi.fn<typeof fetch>().mockResolvedValue(new Response(planText, { headers: { 'Content-Type': 'application/json' } }));
    const { handler, store, planUrl } = await setup(fetchImpl);
    await handler.handle({ type: 'refreshPlan' }, { fromExtensionPage: true }, NOW);
    const before = await store.activePlan();
    const locked = { ok: false, error: 'planSetByOrganisation' };
    expect(await handler.handle({ type: 'importPlan', text: planText, name: 'egen.json' }, { fromExtensionPage: true }, NOW)).toEqual(locked);
    expect(await handler.handle({ type: 'useDemoPlan' }, { fromExtensionPage: true }, NOW)).toEqual(locked);
    expect(await handler.handle({ type: 'setPlanUrl', url: 'https://annan.example.se/plan.json' }, { fromExtensionPage: true }, NOW)).toEqual(locked);
    expect(await store.activePlan()).toEqual(before);
    expect(planUrl()).toBeNull();
  });

  it('joins only the team folder the policy names', async () => {
    await fakeBrowser.storage.managed.set({ teamFolderUrl: 'https://moln.example.se/remote.php/dav/files/team/kurskompis/' });
    const fetchImpl = vi.fn<typeof fetch>();
    const { handler } = await setup(fetchImpl);
    const join = { type: 'joinTeam', url: 'https://annat.example.se/dav/', username: 'a', password: 'b', displayName: 'Anna', shareProgress: true, shareNotes: false } as const;
    expect(await handler.handle(join, { fromExtensionPage: true }, NOW)).toEqual({ ok: false, error: 'teamError_managed' });
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('ignores a policy value that is not an https address', async () => {
    await fakeBrowser.storage.managed.set({ planUrl: 'javascript:alert(1)' });
    expect(await planAddress(async () => 'https://plan.example.se/plan.json')).toEqual({ url: 'https://plan.example.se/plan.json', kind: 'url' });
    await fakeBrowser.storage.managed.set({ planUrl: 42 });
    expect(await planAddress(async () => null)).toBeNull();
  });
});

describe('the coordinator plan', () => {
  const page = { fromExtensionPage: false };
  const extension = { fromExtensionPage: true };
  const validPlan = () => ({ ...fixturePlan(), updatedAt: NOW.toISOString() });

  it('stores only a valid plan, and only from an extension page', async () => {
    const { handler, store } = await setup();
    expect(await handler.handle({ type: 'saveDraft', plan: validPlan() }, page)).toEqual({ ok: false, error: 'messageRefused' });
    expect(await store.draft()).toBeUndefined();
    const broken = { ...validPlan(), periods: [] };
    expect(await handler.handle({ type: 'saveDraft', plan: broken }, extension, NOW)).toEqual({
      ok: false,
      error: 'notSavedProblems',
      problems: [{ path: 'periods', reason: 'noPeriods' }],
    });
    expect(await store.draft()).toBeUndefined();
    expect(await handler.handle({ type: 'saveDraft', plan: validPlan() }, extension, NOW)).toEqual({ ok: true, savedAt: NOW.toISOString() });
    expect((await store.draft())?.plan.team.name).toBe('Östersunds bibliotek');
  });

  it('lets Digiteket pages add courses in coordinator mode only, once each', async () => {
    const { handler, store, coordinatorOn } = await setup();
    await handler.handle({ type: 'saveDraft', plan: validPlan() }, extension, NOW);
    const add = {
      type: 'addToDraft',
      periodId: '2027-01',
      items: [
        { key: 'digiteket.se/kurs/skapa-en-podd/', title: 'Skapa en podd', kind: 'course' },
        { key: 'digiteket.se/kurs/starka-losenord/', title: 'Starka lösenord', kind: 'course' },
      ],
    };
    expect(await handler.handle(add, page, NOW)).toEqual({ ok: false, error: 'collectNotCoordinator' });
    expect(await handler.handle({ type: 'pageContext' }, page, NOW)).toMatchObject({ ok: true, context: { done: [] } });
    expect(await handler.handle({ type: 'pageContext' }, page, NOW)).not.toHaveProperty('context.collect');
    coordinatorOn.value = true;
    const later = new Date('2026-11-26T08:00:00Z');
    const added = await handler.handle(add, page, later);
    const january = (await store.draft())?.plan.periods.find((p) => p.id === '2027-01');
    expect(january?.items.at(-1)).toEqual({ url: 'https://digiteket.se/kurs/skapa-en-podd/', title: 'Skapa en podd', kind: 'course' });
    // Starka lösenord was in January already.
    expect(added).toEqual({ ok: true, added: 1, alreadyThere: 1 });
    expect((await store.draft())?.plan.updatedAt).toBe(later.toISOString());
    expect(await handler.handle({ ...add, periodId: 'nope' }, page, NOW)).toEqual({ ok: false, error: 'collectNoPeriod' });
    const answer = await handler.handle({ type: 'pageContext' }, page, NOW);
    const context = answer.ok && 'context' in answer ? answer.context : undefined;
    expect(context?.collect?.periods.map((p) => p.id)).toEqual(['2026-10', '2026-11', '2026-12', '2027-01']);
    expect(context?.collect?.periods[3]?.keys).toContain('digiteket.se/kurs/skapa-en-podd/');
    // On 20 Nov the November period is the one still running; December is a pause.
    expect(context?.collect?.suggested).toBe('2026-11');
  });

  it('grants a member more time into the saved plan, checked, one grant per member and period', async () => {
    const { handler, store, coordinatorOn } = await setup();
    const memberId = 'aaaaaaaa-0000-4000-8000-000000000000';
    const november = validPlan().periods.find((p: { id: string }) => p.id === '2026-11') as { deadline: string };
    const after = (days: number) => new Date(Date.parse(`${november.deadline}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const grant = { type: 'grantExtension', memberId, periodId: '2026-11', deadline: after(14), note: 'Sjukskriven två veckor' };
    expect(await handler.handle(grant, page, NOW)).toEqual({ ok: false, error: 'messageRefused' });
    expect(await handler.handle(grant, extension, NOW)).toEqual({ ok: false, error: 'collectNotCoordinator' });
    coordinatorOn.value = true;
    expect(await handler.handle(grant, extension, NOW)).toEqual({ ok: false, error: 'noDraftSaved' });
    await handler.handle({ type: 'saveDraft', plan: validPlan() }, extension, NOW);
    for (const [patch, error] of [
      [{ deadline: november.deadline }, 'grantNotLater'],
      [{ deadline: after(91) }, 'problem_extensionTooLate'],
      [{ periodId: 'nope' }, 'problem_extensionPeriod'],
      [{ note: 'Se <a href="https://evil.example">här</a>' }, 'extensionNoteMarkup'],
    ] as const) {
      expect(await handler.handle({ ...grant, ...patch }, extension, NOW)).toEqual({ ok: false, error });
    }
    expect((await store.draft())?.plan.extensions).toBeUndefined();

    const stored = { memberId, periodId: '2026-11', deadline: after(14), note: 'Sjukskriven två veckor' };
    expect(await handler.handle(grant, extension, NOW)).toEqual({ ok: true, extensions: [stored] });
    expect((await store.draft())?.plan.extensions).toEqual([stored]);
    // A new grant for the same member and period replaces the old one; another member's stays.
    const other = { memberId: 'bbbbbbbb-0000-4000-8000-000000000000', periodId: '2026-11', deadline: after(3) };
    await handler.handle({ type: 'grantExtension', ...other }, extension, NOW);
    await handler.handle({ ...grant, deadline: after(20), note: '' }, extension, NOW);
    expect((await store.draft())?.plan.extensions).toEqual([other, { memberId, periodId: '2026-11', deadline: after(20) }]);
    expect(await handler.handle({ type: 'revokeExtension', memberId, periodId: '2026-11' }, extension, NOW)).toEqual({ ok: true, extensions: [other] });
    await handler.handle({ type: 'revokeExtension', memberId: other.memberId, periodId: '2026-11' }, extension, NOW);
    expect((await store.draft())?.plan.extensions).toBeUndefined();
  });

  it('puts the saved plan in force for the coordinator too', async () => {
    const { handler, store } = await setup();
    expect(await handler.handle({ type: 'useDraft' }, extension, NOW)).toEqual({ ok: false, error: 'noDraftSaved' });
    await handler.handle({ type: 'saveDraft', plan: validPlan() }, extension, NOW);
    expect(await handler.handle({ type: 'useDraft' }, extension, NOW)).toEqual({ ok: true, changed: true });
    expect((await store.activePlan())?.source).toEqual({ kind: 'editor' });
  });
});
