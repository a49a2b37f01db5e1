// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PlanService } from '../../../lib/services/plan-service';
import { openDatabase, Store } from '../../../lib/storage/store';
import { SyncService } from '../../../lib/sync/sync-service';
import type { TeamSettings } from '../../../lib/folder/team-settings';
import { Tracker } from '../../../lib/services/tracker';
import { startApacheFolder, type ApacheFolder } from '../../support/apache-folder';

// The same sync against Debian's Apache mod_dav, whose weak ETags make a PUT right after a
// write answer 412 although nothing changed: the sync pauses, reads again and gets through.

const MEMBER = 'a6d4c3b2-0000-4000-8000-000000000001';
const SEAL_KEY = 'q8mZ3x0b7Yw2Lr5Tn1Vc4Kd6Hs9Gf0Ja2Pe7Ui3Ox5R';
const PODD = 'digiteket.se/kurs/skapa-en-podd/';
const FILM = 'digiteket.se/kurs/filma-med-mobilen/';
let apache: ApacheFolder;
let dbCount = 0;

beforeAll(async () => {
  apache = await startApacheFolder();
}, 20_000);
afterAll(async () => apache?.close());

const putStatuses: number[] = [];
const requests: string[] = [];
const recordingFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  if (init?.method === 'PUT') putStatuses.push(response.status);
  const path = new URL(String(input)).pathname.replace(new URL(apache.url).pathname, '');
  requests.push(`${init?.method ?? 'GET'} ${path} ${response.status}`);
  return response;
};

async function profile(memberId = MEMBER) {
  const store = new Store(await openDatabase(`apache-${++dbCount}`));
  const onChange = vi.fn();
  const settings: TeamSettings = {
    url: apache.url,
    username: '',
    password: '',
    memberId,
    // Two browsers of one member share the membership's settings, its sealing key included.
    sealKey: SEAL_KEY,
    displayName: 'Kim',
    shareProgress: true,
    shareNotes: false,
  };
  const plans = new PlanService({ store, fetch, onChange });
  return {
    store,
    sync: new SyncService({ store, plans, fetch: recordingFetch, settings: async () => settings, onChange }),
    tracker: new Tracker(store, onChange),
  };
}

describe('syncing with Apache mod_dav', () => {
  it('gets through the weak ETag of a file written a moment ago', async () => {
    const kim = await profile();
    await kim.tracker.markDone(PODD, 'Skapa en podd', 'manual', new Date('2026-11-20T10:00:00Z'));
    expect((await kim.sync.sync(new Date('2026-11-25T10:00:00Z')))?.error).toBeUndefined();
    // At once again, with a change: the file's ETag is weak now.
    await kim.tracker.markDone(FILM, 'Filma med mobilen', 'manual', new Date('2026-11-25T10:00:01Z'));
    putStatuses.length = 0;
    const state = await kim.sync.sync(new Date('2026-11-25T10:00:02Z'));
    expect(state?.error).toBeUndefined();
    expect(putStatuses[0]).toBe(412);
    expect(putStatuses.at(-1)).toBeLessThan(300);
    const file = JSON.parse(readFileSync(join(apache.root, 'members', `${MEMBER}.json`), 'utf8'));
    expect(file.progress.map((p: { courseKey: string }) => p.courseKey)).toEqual([FILM, PODD]);
  }, 30_000);

  it('lets two browsers of one member write at once: both edits survive', async () => {
    const home = await profile();
    const work = await profile();
    await home.tracker.markDone('digiteket.se/kurs/redigera-wikipedia/', 'Redigera Wikipedia', 'manual', new Date('2026-11-26T08:00:00Z'));
    await work.tracker.markDone('digiteket.se/kurs/starka-losenord/', 'Starka lösenord', 'manual', new Date('2026-11-26T08:00:00Z'));
    const [a, b] = await Promise.all([home.sync.sync(new Date('2026-11-26T09:00:00Z')), work.sync.sync(new Date('2026-11-26T09:00:00Z'))]);
    expect([a?.error, b?.error]).toEqual([undefined, undefined]);
    const file = JSON.parse(readFileSync(join(apache.root, 'members', `${MEMBER}.json`), 'utf8'));
    expect(file.progress.map((p: { courseKey: string }) => p.courseKey)).toEqual(
      expect.arrayContaining(['digiteket.se/kurs/redigera-wikipedia/', 'digiteket.se/kurs/starka-losenord/']),
    );
  }, 30_000);

  it('costs a quiet member two conditional requests answered 304 and nothing else', async () => {
    const id = 'a6d4c3b2-0000-4000-8000-000000000002';
    const kim = await profile(id);
    await kim.tracker.markDone(PODD, 'Skapa en podd', 'manual', new Date('2026-11-20T10:00:00Z'));
    expect((await kim.sync.sync(new Date('2026-11-25T10:00:00Z')))?.error).toBeUndefined();
    // mod_dav's ETag turns strong a second after the write; its answer to a PUT has none, so
    // the next sync reads the file once and keeps its ETag.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    requests.length = 0;
    await kim.sync.sync(new Date('2026-11-25T10:15:00Z'));
    expect(requests).toEqual(['GET plan.json 404', `GET members/${id}.json 200`]);
    requests.length = 0;
    const quiet = await kim.sync.sync(new Date('2026-11-25T10:45:00Z'));
    expect(quiet?.error).toBeUndefined();
    expect(requests).toEqual(['GET plan.json 404', `GET members/${id}.json 304`]);
    expect(quiet?.quietSyncs).toBe(2);
    // A change here is written at once, with If-Match on the copy's ETag, and the streak starts again.
    await kim.tracker.markDone(FILM, 'Filma med mobilen', 'manual', new Date('2026-11-25T10:20:00Z'));
    requests.length = 0;
    const changed = await kim.sync.sync(new Date('2026-11-25T10:20:05Z'));
    expect(requests).toEqual(['GET plan.json 404', `GET members/${id}.json 304`, `PUT members/${id}.json 204`]);
    expect(changed?.quietSyncs).toBe(0);
    const file = JSON.parse(readFileSync(join(apache.root, 'members', `${id}.json`), 'utf8'));
    expect(file.progress.map((p: { courseKey: string }) => p.courseKey)).toEqual([FILM, PODD]);
  }, 30_000);
});
