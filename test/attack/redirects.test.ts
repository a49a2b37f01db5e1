// @vitest-environment node
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PlanService } from '../../lib/services/plan-service';
import { SyncService } from '../../lib/sync/sync-service';
import { NotesService } from '../../lib/services/notes-service';
import { openDatabase, Store } from '../../lib/storage/store';
import type { TeamSettings } from '../../lib/folder/team-settings';
import { fixturePlan } from '../support/fixtures';
import { startTeamFolder, type TeamFolderServer } from '../support/team-folder-server';

// Attacks by redirect: a team folder or a plan address that sends Kurskompis elsewhere.

const MEMBER = '6f1c2a0e-9a5b-4c39-8d0e-2b7f4f1d9e11';
const PODD = 'digiteket.se/kurs/skapa-en-podd/';
const NOW = new Date('2026-11-25T10:00:00Z');
const planText = JSON.stringify(fixturePlan());
let dbCount = 0;

/** A plain HTTP server on 127.0.0.1 that records everything sent to it. */
async function startCatcher(): Promise<{ url: string; seen: Array<{ method: string; url: string; body: string }>; close(): Promise<void> }> {
  const seen: Array<{ method: string; url: string; body: string }> = [];
  const http: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', body });
      res.statusCode = req.method === 'GET' ? 404 : 201;
      res.end();
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', () => resolve()));
  return {
    // "localhost": another host than the team folder's 127.0.0.1.
    url: `http://localhost:${(http.address() as AddressInfo).port}/`,
    seen,
    close: () =>
      new Promise((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}

describe('a team folder that redirects', () => {
  let root: string;
  let folder: TeamFolderServer;
  let catcher: Awaited<ReturnType<typeof startCatcher>>;
  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'kurskompis-redirect-'));
    catcher = await startCatcher();
    folder = await startTeamFolder({
      root,
      before: (req, res) => {
        res.redirect(307, new URL(req.originalUrl, catcher.url).href);
      },
    });
  });
  afterEach(async () => {
    await folder.close();
    await catcher.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('a folder that redirects to another host gets nothing of the member file', async () => {
    const store = new Store(await openDatabase(`attack-redirect-${++dbCount}`));
    const onChange = vi.fn();
    const plans = new PlanService({ store, fetch, onChange });
    const settings: TeamSettings = {
      url: folder.url,
      username: '',
      password: '',
      memberId: MEMBER,
      displayName: 'Kim',
      shareProgress: true,
      shareNotes: true,
    };
    const notes = new NotesService(store, onChange);
    const note = await notes.create(PODD, 'Skapa en podd', 'Delad tanke om poddar', new Date('2026-11-12T10:25:00Z'));
    await notes.update(note.id, { shared: true }, new Date('2026-11-12T10:26:00Z'));
    const sync = new SyncService({ store, plans, fetch, settings: async () => settings, onChange, pause: async () => undefined, timeoutMs: 2000, random: () => 0.5 });
    const state = await sync.sync(NOW);
    expect(state?.error).toBe('redirected');
    expect(catcher.seen).toEqual([]);
  });
});

/** A fetch answering as if the plan address had redirected to `finalUrl`. */
function redirectedFetch(finalUrl: string) {
  return vi.fn<typeof fetch>(async () => {
    const response = new Response(planText, { headers: { 'Content-Type': 'application/json', ETag: '"evil"' } });
    Object.defineProperty(response, 'url', { value: finalUrl });
    Object.defineProperty(response, 'redirected', { value: true });
    return response;
  });
}

async function planProfile(fetchImpl: typeof fetch) {
  const store = new Store(await openDatabase(`attack-plan-${++dbCount}`));
  const plans = new PlanService({ store, fetch: fetchImpl, onChange: vi.fn() });
  const other = JSON.parse(planText);
  other.team.name = 'Planen som gäller';
  await plans.loadText(JSON.stringify(other), { kind: 'file' }, NOW);
  return { store, plans };
}

describe('a plan address that redirects', () => {
  it.each([
    ['a plan address redirecting to http is refused and the plan in force stays', 'http://plan.example.se/plan.json'],
    ['a plan address redirecting to another https site is refused and the plan in force stays', 'https://evil.example.net/plan.json'],
  ])('%s', async (_name, finalUrl) => {
    const { store, plans } = await planProfile(redirectedFetch(finalUrl));
    expect(await plans.fetchUrl('https://plan.example.se/plan.json', 'url', NOW)).toEqual({ ok: false, error: 'urlRedirected' });
    expect((await store.activePlan())?.plan.team.name).toBe('Planen som gäller');
    expect((await store.planFetch())?.error).toBe('urlRedirected');
  });

  it('a plan address redirecting within its own https site is followed', async () => {
    const { store, plans } = await planProfile(redirectedFetch('https://plan.example.se/ny/plan.json'));
    expect(await plans.fetchUrl('https://plan.example.se/plan.json', 'url', NOW)).toEqual({ ok: true, changed: true });
    expect((await store.activePlan())?.plan.team.name).toBe('Östersunds bibliotek');
  });
});
