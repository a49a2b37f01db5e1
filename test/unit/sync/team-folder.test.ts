// @vitest-environment node
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NotesService } from '../../../lib/services/notes-service';
import { SelfAssessmentService } from '../../../lib/services/self-assessment';
import { PlanService } from '../../../lib/services/plan-service';
import { openDatabase, Store } from '../../../lib/storage/store';
import { SyncService } from '../../../lib/sync/sync-service';
import { retryDelayMs } from '../../../lib/sync/retry';
import { parseTeamSettings, type TeamSettings } from '../../../lib/folder/team-settings';
import { TeamService } from '../../../lib/sync/team-service';
import { folderAddress, isSafeFolder } from '../../../lib/folder/address';
import { parseListing } from '../../../lib/sync/webdav';
import { Tracker } from '../../../lib/services/tracker';
import { fixturePlan } from '../../support/fixtures';
import { startTeamFolder, type TeamFolderServer } from '../../support/team-folder-server';

// The sync against a real WebDAV server (Nephele, started here on 127.0.0.1).

const MEMBER = '6f1c2a0e-9a5b-4c39-8d0e-2b7f4f1d9e11';
const SEAL_KEY = 'q8mZ3x0b7Yw2Lr5Tn1Vc4Kd6Hs9Gf0Ja2Pe7Ui3Ox5R';
const PODD = 'digiteket.se/kurs/skapa-en-podd/';
const FILM = 'digiteket.se/kurs/filma-med-mobilen/';
let dbCount = 0;
let root: string;
let server: TeamFolderServer;

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'kurskompis-folder-'));
  server = await startTeamFolder({ root, account: { username: 'kim', password: 'hemligt' } });
});
afterEach(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

async function browserProfile(overrides: Partial<TeamSettings> = {}, timeoutMs = 2000) {
  const store = new Store(await openDatabase(`sync-${++dbCount}`));
  const onChange = vi.fn();
  const plans = new PlanService({ store, fetch, onChange });
  const settings: TeamSettings = {
    url: server.url,
    username: 'kim',
    password: 'hemligt',
    memberId: MEMBER,
    // Two browsers of one member share the membership's settings, its sealing key included.
    sealKey: SEAL_KEY,
    displayName: 'Kim',
    shareProgress: true,
    shareNotes: true,
    ...overrides,
  };
  const sync = new SyncService({ store, plans, fetch, settings: async () => settings, onChange, pause: async () => undefined, timeoutMs, random: () => 0.5 });
  return { store, sync, settings, tracker: new Tracker(store, onChange), notes: new NotesService(store, onChange) };
}

const memberFile = () => JSON.parse(readFileSync(join(root, 'members', `${MEMBER}.json`), 'utf8'));

describe('syncing with a team folder', () => {
  it('creates the member file with progress and shared notes only, never a private note', async () => {
    const kim = await browserProfile();
    await kim.tracker.markDone(PODD, 'Skapa en podd', 'manual', new Date('2026-11-12T10:20:00Z'));
    const shared = await kim.notes.create(PODD, 'Skapa en podd', 'Bokpoddar med skolklasser?', new Date('2026-11-12T10:25:00Z'));
    await kim.notes.update(shared.id, { shared: true }, new Date('2026-11-12T10:26:00Z'));
    await kim.notes.create(PODD, 'Skapa en podd', 'Min hemliga tanke', new Date('2026-11-12T10:27:00Z'));
    const state = await kim.sync.sync(new Date('2026-11-25T10:00:00Z'));
    expect(state).toMatchObject({ lastOkAt: '2026-11-25T10:00:00.000Z', failures: 0 });
    expect(state?.error).toBeUndefined();
    const file = memberFile();
    expect(file).toMatchObject({ kind: 'kurskompis/member', memberId: MEMBER, displayName: 'Kim' });
    expect(file.progress).toEqual([{ courseKey: PODD, status: 'done', completedAt: '2026-11-12T10:20:00.000Z', updatedAt: '2026-11-12T10:20:00.000Z' }]);
    expect(file.sharedNotes.map((n: { text: string }) => n.text)).toEqual(['Bokpoddar med skolklasser?']);
    expect(readFileSync(join(root, 'members', `${MEMBER}.json`), 'utf8')).not.toContain('hemliga');
    // The folder had no members/ yet: it was made, and the file created with If-None-Match.
    expect(server.requests.some((r) => r.method === 'MKCOL')).toBe(true);
  });

  it('takes the plan from the folder and asks again with its ETag', async () => {
    writeFileSync(join(root, 'plan.json'), JSON.stringify(fixturePlan()));
    const kim = await browserProfile();
    await kim.sync.sync(new Date('2026-11-25T10:00:00Z'));
    const active = await kim.store.activePlan();
    expect(active?.source).toEqual({ kind: 'folder', url: server.url });
    expect(active?.plan.team.name).toBe('Östersunds bibliotek');
    const loadedAt = active?.loadedAt;
    await kim.sync.sync(new Date('2026-11-25T10:15:00Z'));
    const asked = server.requests.filter((r) => r.path === '/plan.json');
    expect(asked[1]?.ifNoneMatch).toMatch(/^"/);
    // Nephele answers 200 again; the unchanged ETag means nothing is read or stored anew.
    expect((await kim.store.activePlan())?.loadedAt).toBe(loadedAt);
  });

  it('counts the team’s sign-ups while a session with places is ahead, only when the member looks (hourly at most), asks or signs up', async () => {
    writeFileSync(join(root, 'plan.json'), JSON.stringify(fixturePlan()));
    const kim = await browserProfile();
    const readMembers = vi.fn(async () => ({ ok: true as const, members: [], skipped: [] }));
    const sync = new SyncService({ store: kim.store, plans: new PlanService({ store: kim.store, fetch, onChange: () => undefined }), fetch, settings: async () => kim.settings, onChange: () => undefined, pause: async () => undefined, readMembers });
    // Before the sessions of 1–3 December, a routine sync in the background counts nothing.
    await sync.sync(new Date('2026-11-01T10:00:00Z'));
    await sync.sync(new Date('2026-11-25T10:00:00Z'));
    await sync.sync(new Date('2026-11-25T16:00:00Z'));
    expect(readMembers).toHaveBeenCalledTimes(0);
    // The member opens the popup: counted, then not again within the hour.
    expect(await sync.lookAtSignups(new Date('2026-11-25T16:05:00Z'))).toMatchObject({ signupCountsAt: '2026-11-25T16:05:00.000Z' });
    expect(readMembers).toHaveBeenCalledTimes(1);
    expect(await sync.lookAtSignups(new Date('2026-11-25T16:50:00Z'))).toBeNull();
    expect(readMembers).toHaveBeenCalledTimes(1);
    await sync.lookAtSignups(new Date('2026-11-25T17:06:00Z'));
    expect(readMembers).toHaveBeenCalledTimes(2);
    await sync.sync(new Date('2026-11-25T17:10:00Z'), { asked: true });
    expect(readMembers).toHaveBeenCalledTimes(3);
    // A finished course changes no sign-up; the member's own sign-up does.
    await kim.tracker.markDone(PODD, 'Skapa en podd', 'manual', new Date('2026-11-25T17:11:00Z'));
    await sync.sync(new Date('2026-11-25T17:12:00Z'));
    expect(readMembers).toHaveBeenCalledTimes(3);
    await kim.store.putSignups([{ sessionId: '2026-11-s1', updatedAt: '2026-11-25T17:13:00.000Z' }]);
    await sync.sync(new Date('2026-11-25T17:14:00Z'));
    expect(readMembers).toHaveBeenCalledTimes(4);
    // Every session of the plan is over: nothing to count places for.
    expect(await sync.lookAtSignups(new Date('2027-06-01T10:00:00Z'))).toBeNull();
    expect(readMembers).toHaveBeenCalledTimes(4);
  });

  it('takes no count of places from a reading the coordinator stopped half-way', async () => {
    writeFileSync(join(root, 'plan.json'), JSON.stringify(fixturePlan()));
    const kim = await browserProfile();
    const readMembers = vi.fn(async () => ({ ok: true as const, members: [], skipped: [], unread: 30 }));
    const sync = new SyncService({ store: kim.store, plans: new PlanService({ store: kim.store, fetch, onChange: () => undefined }), fetch, settings: async () => kim.settings, onChange: () => undefined, pause: async () => undefined, readMembers });
    const state = await sync.sync(new Date('2026-11-25T10:00:00Z'), { asked: true });
    expect(readMembers).toHaveBeenCalledTimes(1);
    expect(state?.signupCounts).toBeUndefined();
  });

  it('takes the member’s own file out of the folder for one who leaves for good', async () => {
    const kim = await browserProfile();
    await kim.tracker.markDone(PODD, 'Skapa en podd', 'manual', new Date('2026-11-12T10:20:00Z'));
    await kim.sync.sync(new Date('2026-11-25T10:00:00Z'));
    expect(memberFile().displayName).toBe('Kim');
    expect(await kim.sync.removeMember()).toEqual({ ok: true });
    expect(() => memberFile()).toThrow();
    // Nothing there any more is no failure either.
    expect(await kim.sync.removeMember()).toEqual({ ok: true });
    // Here, everything stays.
    expect((await kim.store.progress()).get(PODD)?.status).toBe('done');
  });

  it('keeps the plan in force when the folder holds a broken plan', async () => {
    writeFileSync(join(root, 'plan.json'), JSON.stringify(fixturePlan()));
    const kim = await browserProfile();
    await kim.sync.sync(new Date('2026-11-25T10:00:00Z'));
    writeFileSync(join(root, 'plan.json'), '{"kind": "kurskompis/plan", "versi');
    const state = await kim.sync.sync(new Date('2026-11-25T10:15:00Z'));
    expect(state?.planProblem).toBe(true);
    expect((await kim.store.activePlan())?.plan.team.name).toBe('Östersunds bibliotek');
  });

  it('lets two browsers of one member write at once: both edits survive', async () => {
    const home = await browserProfile();
    const work = await browserProfile();
    await home.tracker.markDone(PODD, 'Skapa en podd', 'manual', new Date('2026-11-20T18:00:00Z'));
    await work.tracker.markDone(FILM, 'Filma med mobilen', 'manual', new Date('2026-11-21T09:00:00Z'));
    await home.sync.sync(new Date('2026-11-22T08:00:00Z'));
    // Both read the same file before either writes: one PUT must meet 412 and start again.
    let held = 0;
    let writing: Promise<void> = Promise.resolve();
    let release: () => void = () => undefined;
    const bothRead = new Promise<void>((resolve) => (release = resolve));
    await server.close();
    server = await startTeamFolder({
      root,
      port: Number(new URL(home.settings.url).port),
      account: { username: 'kim', password: 'hemligt' },
      before: async (req, res, next) => {
        if (req.method === 'GET' && req.path.startsWith('/members/') && held < 2) {
          held += 1;
          if (held === 2) release();
          await bothRead;
        }
        if (req.method === 'PUT') {
          // One write at a time, as a file server does; the second then meets the first's ETag.
          const before = writing;
          let done: () => void = () => undefined;
          writing = new Promise<void>((resolve) => (done = resolve));
          res.on('finish', () => done());
          await before;
        }
        next();
      },
    });
    await home.tracker.undoDone(PODD, new Date('2026-11-23T08:00:00Z'));
    await Promise.all([home.sync.sync(new Date('2026-11-23T09:00:00Z')), work.sync.sync(new Date('2026-11-23T09:00:00Z'))]);
    expect(server.requests.filter((r) => r.method === 'PUT').map((r) => r.status)).toContain(412);
    const file = memberFile();
    expect(file.progress.map((p: { courseKey: string; status: string }) => `${p.courseKey} ${p.status}`)).toEqual([
      `${FILM} done`,
      `${PODD} started`,
    ]);
    // And each browser learns the other's records on its next sync.
    await home.sync.sync(new Date('2026-11-23T10:00:00Z'));
    expect((await home.store.progress()).get(FILM)?.status).toBe('done');
    await work.sync.sync(new Date('2026-11-23T10:00:00Z'));
    expect((await work.store.progress()).get(PODD)?.status).toBe('started');
    expect((await work.store.progress()).get(FILM)?.status).toBe('done');
  });

  it('stays local while the server is down, then catches up', async () => {
    const kim = await browserProfile();
    await kim.tracker.markDone(PODD, 'Skapa en podd', 'manual', new Date('2026-11-20T18:00:00Z'));
    server.fault = 503;
    const down = await kim.sync.sync(new Date('2026-11-25T10:00:00Z'));
    expect(down).toMatchObject({ error: 'server', failures: 1, nextTryAt: '2026-11-25T10:01:00.000Z' });
    const again = await kim.sync.sync(new Date('2026-11-25T10:01:00Z'));
    expect(again).toMatchObject({ failures: 2, nextTryAt: '2026-11-25T10:03:00.000Z' });
    expect((await kim.store.progress()).get(PODD)?.status).toBe('done');
    server.fault = null;
    const back = await kim.sync.sync(new Date('2026-11-25T10:03:00Z'));
    expect(back).toMatchObject({ failures: 0, lastOkAt: '2026-11-25T10:03:00.000Z' });
    expect(memberFile().progress).toHaveLength(1);
  });

  it.each([
    ['a wrong password', { password: 'fel' }, null, 'auth'],
    ['a sign-in page answered as HTML', {}, 'html', 'notFolder'],
    ['a full disk', {}, 507, 'full'],
    ['a folder that is not there', { url: '' }, null, 'notFound'],
    ['a server that does not answer', {}, 'hang', 'timeout'],
  ] as const)('names %s and changes nothing here', async (_name, overrides, fault, reason) => {
    const settings: Partial<TeamSettings> = 'url' in overrides ? { url: `${server.url}finns-inte/` } : overrides;
    const kim = await browserProfile(settings, 300);
    await kim.tracker.markDone(PODD, 'Skapa en podd', 'manual', new Date('2026-11-20T18:00:00Z'));
    server.fault = fault;
    const state = await kim.sync.sync(new Date('2026-11-25T10:00:00Z'));
    expect(state?.error).toBe(reason);
    expect((await kim.store.progress()).get(PODD)?.status).toBe('done');
  });

  it('replaces a truncated copy of its own file and takes nothing from it', async () => {
    mkdirSync(join(root, 'members'));
    writeFileSync(join(root, 'members', `${MEMBER}.json`), '{"kind": "kurskompis/member", "progr');
    const kim = await browserProfile();
    await kim.tracker.markDone(PODD, 'Skapa en podd', 'manual', new Date('2026-11-20T18:00:00Z'));
    const state = await kim.sync.sync(new Date('2026-11-25T10:00:00Z'));
    expect(state?.error).toBeUndefined();
    expect(memberFile().progress).toHaveLength(1);
  });

  it('takes a note out of the folder when it is made private, leaving no text behind', async () => {
    const kim = await browserProfile();
    const note = await kim.notes.create(PODD, 'Skapa en podd', 'Delad tanke', new Date('2026-11-12T10:25:00Z'));
    await kim.notes.update(note.id, { shared: true }, new Date('2026-11-12T10:26:00Z'));
    await kim.sync.sync(new Date('2026-11-25T10:00:00Z'));
    await kim.notes.update(note.id, { shared: false }, new Date('2026-11-25T11:00:00Z'));
    await kim.sync.sync(new Date('2026-11-25T11:01:00Z'));
    expect(memberFile().sharedNotes).toEqual([{ id: note.id, courseKey: PODD, text: '', updatedAt: '2026-11-25T11:00:00.000Z', deleted: true }]);
    expect((await kim.store.note(note.id))?.text).toBe('Delad tanke');
  });

  it('shares no progress or self-assessment when progress sharing is off, and removes what was shared before', async () => {
    const kim = await browserProfile();
    await kim.tracker.markDone(PODD, 'Skapa en podd', 'manual', new Date('2026-11-20T18:00:00Z'));
    const scores = { information: 3.2, communication: 3.8, content: 2.4, safety: 3, problemSolving: 6.9 };
    await new SelfAssessmentService(kim.store, vi.fn()).save({ takenAt: '2026-09-02', scale: 7, scores, source: 'page' });
    await kim.sync.sync(new Date('2026-11-25T10:00:00Z'));
    expect(memberFile().selfAssessments).toEqual([{ phase: 'start', takenAt: '2026-09-02', scale: 7, scores }]);
    kim.settings.shareProgress = false;
    await kim.sync.sync(new Date('2026-11-25T10:05:00Z'));
    expect(memberFile().progress).toEqual([]);
    expect(memberFile().selfAssessments).toEqual([]);
  });
});

describe('turning the sharing of notes off', () => {
  /** A browser whose sharing is changed as the settings page changes it, through the team service. */
  async function withSharing() {
    const kim = await browserProfile();
    let saved: unknown = { ...kim.settings };
    const sync = new SyncService({ store: kim.store, plans: new PlanService({ store: kim.store, fetch, onChange: vi.fn() }), fetch, settings: async () => parseTeamSettings(saved), onChange: vi.fn(), pause: async () => undefined });
    const team = new TeamService({
      read: async () => saved,
      write: async (value) => void (saved = value),
      sync,
      clearState: () => kim.store.setSyncState(null),
    });
    const share = (shareNotes: boolean, at: string) => team.setSharing({ shareProgress: true, shareNotes, displayName: 'Kim' }, new Date(at));
    return { ...kim, sync, share };
  }
  const sharedTexts = () => memberFile().sharedNotes.filter((n: { deleted?: boolean }) => !n.deleted).map((n: { text: string }) => n.text);

  it('takes the notes out of the folder even when a sync was running as sharing was turned off', async () => {
    const kim = await withSharing();
    const note = await kim.notes.create(PODD, 'Skapa en podd', 'Bokpoddar med skolklasser?', new Date('2026-11-12T10:25:00Z'));
    await kim.notes.update(note.id, { shared: true }, new Date('2026-11-12T10:26:00Z'));
    // A routine sync starts, with sharing on; the member turns it off before it ends.
    const routine = kim.sync.sync(new Date('2026-11-25T10:00:00Z'));
    const turnedOff = kim.share(false, '2026-11-25T10:00:01Z');
    await routine;
    await turnedOff;
    expect(sharedTexts()).toEqual([]);
    expect(readFileSync(join(root, 'members', `${MEMBER}.json`), 'utf8')).not.toContain('Bokpoddar');
  });
});

describe('joining a team folder', () => {
  async function joining() {
    const store = new Store(await openDatabase(`join-${++dbCount}`));
    let saved: unknown = null;
    const plans = new PlanService({ store, fetch, onChange: vi.fn() });
    const sync = new SyncService({ store, plans, fetch, settings: async () => parseTeamSettings(saved), onChange: vi.fn(), timeoutMs: 1000 });
    let ids = 0;
    const team = new TeamService({
      read: async () => saved,
      write: async (value) => void (saved = value),
      sync,
      clearState: () => store.setSyncState(null),
      newId: () => `member-${++ids}-0000`,
    });
    return { team, store, saved: () => parseTeamSettings(saved) };
  }
  const join = { username: 'kim', password: 'hemligt', displayName: 'Kim', shareProgress: true, shareNotes: false };

  it('joins only once the folder answers, and keeps the member id when joining again', async () => {
    const { team, saved, store } = await joining();
    expect(await team.join({ ...join, url: server.url, password: 'fel' })).toEqual({ ok: false, error: 'syncError_auth' });
    expect(saved()).toBeNull();
    expect(await store.syncState()).toBeUndefined();
    expect(await team.join({ ...join, url: 'javascript:alert(1)' })).toEqual({ ok: false, error: 'teamError_badAddress' });
    expect(await team.join({ ...join, url: 'http://example.com/dav/' })).toEqual({ ok: false, error: 'teamError_insecure' });
    const joined = await team.join({ ...join, url: server.url }, new Date('2026-11-25T10:00:00Z'));
    expect(joined).toMatchObject({ ok: true, state: { lastOkAt: '2026-11-25T10:00:00.000Z' } });
    expect(saved()?.memberId).toBe('member-2-0000');
    await team.join({ ...join, url: server.url, displayName: 'Kim L' });
    expect(saved()).toMatchObject({ memberId: 'member-2-0000', displayName: 'Kim L' });
    await team.leave();
    expect(saved()).toBeNull();
  });
});

describe('team folder addresses', () => {
  it('maps a Nextcloud or Sunet Drive share link to its WebDAV endpoint', () => {
    expect(folderAddress('https://sunet.drive.example.se/s/AbC123xyz')).toEqual({
      base: 'https://sunet.drive.example.se/public.php/webdav/',
      credentials: { username: 'AbC123xyz', password: '' },
    });
    expect(folderAddress('https://moln.example.se/nextcloud/index.php/s/Q9w8', { username: '', password: 'delad' })).toEqual({
      base: 'https://moln.example.se/nextcloud/public.php/webdav/',
      credentials: { username: 'Q9w8', password: 'delad' },
    });
    expect(folderAddress('https://dav.example.se/team?x=1#y')).toEqual({ base: 'https://dav.example.se/team/' });
    expect(folderAddress('ftp://example.se/')).toBeNull();
    expect(isSafeFolder('http://127.0.0.1:8080/')).toBe(true);
    expect(isSafeFolder('http://dav.example.se/')).toBe(false);
  });

  it('reads the files of a PROPFIND answer, whatever the namespace prefix', () => {
    const xml = `<?xml version="1.0"?><D:multistatus xmlns:D="DAV:">
      <D:response><D:href>/team/members/</D:href><D:propstat><D:prop><D:resourcetype><D:collection/></D:resourcetype></D:prop></D:propstat></D:response>
      <D:response><D:href>/team/members/abc-123.json</D:href><D:propstat><D:prop><D:getetag>"e1"</D:getetag><D:resourcetype/></D:prop></D:propstat></D:response>
      <D:response><D:href>http://127.0.0.1/team/members/%C3%A5%20b.json</D:href><D:propstat><D:prop><D:getetag>W/&quot;e2&quot;</D:getetag></D:prop></D:propstat></D:response>
    </D:multistatus>`;
    expect(parseListing(xml, '/team/members/')).toEqual([
      { name: 'abc-123.json', etag: '"e1"' },
      { name: 'å b.json', etag: 'W/"e2"' },
    ]);
  });

  it('spreads retries: 1, 2, 4 … minutes up to an hour, ±25 %', () => {
    expect(retryDelayMs(1, () => 0.5)).toBe(60_000);
    expect(retryDelayMs(3, () => 0.5)).toBe(240_000);
    expect(retryDelayMs(30, () => 0.5)).toBe(3_600_000);
    expect(retryDelayMs(1, () => 0)).toBe(45_000);
    expect(retryDelayMs(1, () => 0.999999)).toBeLessThanOrEqual(75_000);
  });
});
