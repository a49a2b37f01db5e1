// @vitest-environment node
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Request, Response } from 'express';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PlanService } from '../../lib/services/plan-service';
import { openDatabase, Store } from '../../lib/storage/store';
import { SyncService } from '../../lib/sync/sync-service';
import { TeamService } from '../../lib/sync/team-service';
import { MemberReader } from '../../lib/sync/member-reader';
import { parseTeamSettings, type TeamSettings } from '../../lib/folder/team-settings';
import { Tracker } from '../../lib/services/tracker';
import type { SyncState } from '../../lib/model/results';
import { fixturePlan } from '../support/fixtures';
import { startTeamFolder, type TeamFolderServer } from '../support/team-folder-server';

// A folder that answers at once with its headers and then gives the body a byte at a time,
// never finishing; and one that cuts a body off. Every such failure must end in a recorded
// state with its reason and a planned retry, and joining such a folder must keep nothing.
// The services get a short timeout so that the tests take well under a second each; the
// bytes come faster than the timeout, so only a timeout over the whole body stops them.

const MEMBER = '6f1c2a0e-9a5b-4c39-8d0e-2b7f4f1d9e11';
const PODD = 'digiteket.se/kurs/skapa-en-podd/';
const TIMEOUT_MS = 400;
const BYTE_EVERY_MS = 50;
let dbCount = 0;
let root: string;
let server: TeamFolderServer;
/** Which requests misbehave, and how: set per test. */
let misbehave: ((req: Request) => 'trickle' | 'cut' | null) | null = null;
let trickling = 0;

function trickle(req: Request, res: Response): void {
  trickling += 1;
  // A listing answers 207 Multi-Status, a file 200: the status is right, only the body is slow.
  res.writeHead(req.method === 'PROPFIND' ? 207 : 200, { 'Content-Type': 'application/json', ETag: '"trickle"' });
  res.flushHeaders();
  res.write('{');
  const timer = setInterval(() => res.write(' '), BYTE_EVERY_MS);
  res.on('close', () => clearInterval(timer));
}

function cutOff(res: Response): void {
  // Promises a whole file, sends the start of it, then drops the connection.
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '5000', ETag: '"cut"' });
  res.write('{"kind": "kurskompis/plan", "version": 1, "team"');
  setTimeout(() => res.socket?.destroy(), 20);
}

beforeEach(async () => {
  misbehave = null;
  trickling = 0;
  root = mkdtempSync(join(tmpdir(), 'kurskompis-trickle-'));
  server = await startTeamFolder({
    root,
    before: (req, res, next) => {
      const how = misbehave?.(req) ?? null;
      if (how === 'trickle') return trickle(req, res);
      if (how === 'cut') return cutOff(res);
      next();
    },
  });
});
afterEach(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

async function profile(storeOverride?: (store: Store) => Store) {
  const opened = new Store(await openDatabase(`trickle-${++dbCount}`));
  const store = storeOverride ? storeOverride(opened) : opened;
  const plans = new PlanService({ store, fetch, onChange: vi.fn() });
  const settings: TeamSettings = {
    url: server.url,
    username: '',
    password: '',
    memberId: MEMBER,
    displayName: 'Kim',
    shareProgress: true,
    shareNotes: true,
  };
  const afterSync = vi.fn<(state: SyncState | null) => void>();
  const sync = new SyncService({
    store,
    plans,
    fetch,
    settings: async () => settings,
    onChange: vi.fn(),
    afterSync,
    pause: async () => undefined,
    timeoutMs: TIMEOUT_MS,
    random: () => 0.5,
  });
  return { store: opened, sync, settings, afterSync, tracker: new Tracker(store, vi.fn()) };
}

const FIRST = new Date('2026-11-25T10:00:00Z');
const LATER = new Date('2026-11-25T10:15:00Z');

describe('a team folder that trickles or cuts off its answers', () => {
  it('a plan.json that trickles forever: the sync says timeout and plans a retry, instead of "Synkat"', async () => {
    writeFileSync(join(root, 'plan.json'), JSON.stringify(fixturePlan()));
    const kim = await profile();
    expect(await kim.sync.sync(FIRST)).toMatchObject({ lastOkAt: FIRST.toISOString(), failures: 0 });
    misbehave = (req) => (req.method === 'GET' && req.path === '/plan.json' ? 'trickle' : null);
    const state = await kim.sync.sync(LATER);
    expect(trickling).toBe(1);
    expect(state).toMatchObject({ error: 'timeout', failures: 1, lastOkAt: FIRST.toISOString(), nextTryAt: '2026-11-25T10:16:00.000Z' });
    expect(await kim.store.syncState()).toEqual(state);
    // The worker plans its retry alarm from what it is handed.
    expect(kim.afterSync).toHaveBeenLastCalledWith(state);
    expect((await kim.store.activePlan())?.plan.team.name).toBe('Östersunds bibliotek');
  });

  it('its own member file trickling: timeout, retry, and the progress stays here', async () => {
    const kim = await profile();
    await kim.tracker.markDone(PODD, 'Skapa en podd', 'manual', FIRST);
    misbehave = (req) => (req.method === 'GET' && req.path.startsWith('/members/') ? 'trickle' : null);
    const state = await kim.sync.sync(LATER);
    expect(state).toMatchObject({ error: 'timeout', failures: 1, nextTryAt: '2026-11-25T10:16:00.000Z' });
    expect(state?.lastOkAt).toBeUndefined();
    expect((await kim.store.progress()).get(PODD)?.status).toBe('done');
  });

  it('a body cut off before its end: the sync says so and plans a retry', async () => {
    const kim = await profile();
    misbehave = (req) => (req.method === 'GET' && req.path === '/plan.json' ? 'cut' : null);
    const state = await kim.sync.sync(LATER);
    expect(state).toMatchObject({ error: 'interrupted', failures: 1, nextTryAt: '2026-11-25T10:16:00.000Z' });
  });

  it('a listing that trickles: the overview answers a timeout instead of hanging or throwing', async () => {
    const settings = { url: server.url, username: '', password: '', memberId: MEMBER, displayName: 'S', shareProgress: true, shareNotes: true };
    misbehave = (req) => (req.method === 'PROPFIND' ? 'trickle' : null);
    const reader = new MemberReader(async () => settings, fetch, TIMEOUT_MS);
    expect(await reader.read()).toEqual({ ok: false, error: 'syncError_timeout' });
  });

  it('an exception inside a sync step (the database refusing a write) is recorded with a retry', async () => {
    writeFileSync(join(root, 'plan.json'), JSON.stringify(fixturePlan()));
    const kim = await profile((store) => {
      store.setActivePlan = () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
      return store;
    });
    const state = await kim.sync.sync(LATER);
    expect(state).toMatchObject({ error: 'failed', failures: 1, nextTryAt: '2026-11-25T10:16:00.000Z' });
    expect(await kim.store.syncState()).toEqual(state);
  });

  it('a sync state that cannot be stored still hands its retry to the worker', async () => {
    misbehave = (req) => (req.method === 'GET' && req.path === '/plan.json' ? 'trickle' : null);
    const kim = await profile((store) => {
      store.setSyncState = () => Promise.reject(new Error('disk full'));
      return store;
    });
    const state = await kim.sync.sync(LATER);
    expect(state).toMatchObject({ error: 'timeout', nextTryAt: '2026-11-25T10:16:00.000Z' });
    expect(kim.afterSync).toHaveBeenLastCalledWith(state);
  });
});

describe('joining a folder that fails', () => {
  async function joining(storeOverride?: (store: Store) => Store) {
    const opened = new Store(await openDatabase(`trickle-join-${++dbCount}`));
    const store = storeOverride ? storeOverride(opened) : opened;
    let saved: unknown = null;
    const plans = new PlanService({ store, fetch, onChange: vi.fn() });
    const sync = new SyncService({ store, plans, fetch, settings: async () => parseTeamSettings(saved), onChange: vi.fn(), timeoutMs: TIMEOUT_MS });
    const team = new TeamService({
      read: async () => saved,
      write: async (value) => void (saved = value),
      sync,
      clearState: () => opened.setSyncState(null),
      newId: () => MEMBER,
    });
    return { team, store: opened, saved: () => parseTeamSettings(saved) };
  }
  const request = { username: '', password: '', displayName: 'Kim', shareProgress: true, shareNotes: false };
  const memberFiles = () => (existsSync(join(root, 'members')) ? readdirSync(join(root, 'members')) : []);

  it('a folder whose plan trickles: the join answers a timeout and keeps nothing', async () => {
    writeFileSync(join(root, 'plan.json'), JSON.stringify(fixturePlan()));
    misbehave = (req) => (req.method === 'GET' && req.path === '/plan.json' ? 'trickle' : null);
    const { team, store, saved } = await joining();
    expect(await team.join({ ...request, url: server.url }, FIRST)).toEqual({ ok: false, error: 'syncError_timeout' });
    expect(saved()).toBeNull();
    expect(await store.syncState()).toBeUndefined();
    expect(memberFiles()).toEqual([]);
    expect(await store.activePlan()).toBeUndefined();
  });

  it('a join that fails after the member file was written takes the file out again', async () => {
    writeFileSync(join(root, 'plan.json'), JSON.stringify(fixturePlan()));
    const { team, store, saved } = await joining((s) => {
      s.setActivePlan = () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
      return s;
    });
    expect(await team.join({ ...request, url: server.url }, FIRST)).toEqual({ ok: false, error: 'syncError_failed' });
    expect(saved()).toBeNull();
    expect(await store.syncState()).toBeUndefined();
    expect(memberFiles()).toEqual([]);
  });

  it('a folder answering 503 at join: not joined either, and said so', async () => {
    const { team, saved } = await joining();
    server.fault = 503;
    expect(await team.join({ ...request, url: server.url }, FIRST)).toEqual({ ok: false, error: 'syncError_server' });
    expect(saved()).toBeNull();
  });
});
