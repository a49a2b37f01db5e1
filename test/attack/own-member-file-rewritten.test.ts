// @vitest-environment node
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NotesService } from '../../lib/services/notes-service';
import { PlanService } from '../../lib/services/plan-service';
import { SignupService } from '../../lib/services/signups';
import { Tracker } from '../../lib/services/tracker';
import { openDatabase, Store } from '../../lib/storage/store';
import { SyncService } from '../../lib/sync/sync-service';
import { newSealKey, sealMember } from '../../lib/sync/member-seal';
import { syncStateText } from '../../lib/text/format';
import type { TeamSettings } from '../../lib/folder/team-settings';
import type { MemberFile } from '../../lib/model/member';
import { startTeamFolder, type TeamFolderServer } from '../support/team-folder-server';

// Anyone who can write the folder can rewrite this member's own file: mark courses done,
// share a note in the member's name, sign them up. Kurskompis must notice that the file is not
// the one it wrote, take nothing from it, put its own back, and say so.

const MEMBER = '6f1c2a0e-9a5b-4c39-8d0e-2b7f4f1d9e11';
const PODD = 'digiteket.se/kurs/skapa-en-podd/';
const FILM = 'digiteket.se/kurs/filma-med-mobilen/';
const DAY = 24 * 60 * 60 * 1000;
let dbCount = 0;
let root: string;
let server: TeamFolderServer;

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'kurskompis-rewritten-'));
  server = await startTeamFolder({ root });
});
afterEach(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

const file = () => join(root, 'members', `${MEMBER}.json`);
const readFile = (): MemberFile => JSON.parse(readFileSync(file(), 'utf8'));
const writeFile = (member: unknown) => writeFileSync(file(), JSON.stringify(member));

async function kim(sealKey: string | undefined = newSealKey()) {
  const store = new Store(await openDatabase(`rewritten-${++dbCount}`));
  const settings: TeamSettings = {
    url: server.url,
    username: '',
    password: '',
    memberId: MEMBER,
    displayName: 'Kim',
    shareProgress: true,
    shareNotes: true,
    ...(sealKey ? { sealKey } : {}),
  };
  const plans = new PlanService({ store, fetch, onChange: vi.fn() });
  const sync = new SyncService({ store, plans, fetch, settings: async () => settings, onChange: vi.fn(), pause: async () => undefined, random: () => 0.5 });
  return { store, sync, settings, tracker: new Tracker(store, vi.fn()), notes: new NotesService(store, vi.fn()), signups: new SignupService(store, vi.fn()) };
}

/** What someone with write access does to Kim's file: a finished course, a note and a sign-up in Kim's name. */
function forged(original: MemberFile, at: string): MemberFile {
  return {
    ...original,
    updatedAt: at,
    progress: [...original.progress, { courseKey: FILM, status: 'done', completedAt: at, updatedAt: at }],
    sharedNotes: [...original.sharedNotes, { id: 'forged-note', courseKey: PODD, text: 'Jag tycker kursen är dålig', updatedAt: at }],
    signups: [{ sessionId: '2026-11-s2', updatedAt: at }],
  };
}

const T0 = new Date('2026-11-25T10:00:00Z');
const T1 = new Date('2026-11-25T10:15:00Z');

describe("this member's own file rewritten by someone else", () => {
  it('takes nothing from a rewritten file, writes its own back, and says so in the sync line', async () => {
    const k = await kim();
    await k.tracker.markDone(PODD, 'Skapa en podd', 'manual', T0);
    await k.sync.sync(T0);
    const mine = readFile();
    expect(mine.seal).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The forger keeps the old seal: it no longer fits the content.
    writeFile(forged(mine, '2026-11-25T10:10:00.000Z'));
    const state = await k.sync.sync(T1);
    expect(state).toMatchObject({ memberChangedAt: T1.toISOString(), lastOkAt: T1.toISOString() });
    expect(state?.error).toBeUndefined();
    expect((await k.store.progress()).has(FILM)).toBe(false);
    expect(await k.store.note('forged-note')).toBeUndefined();
    expect(await k.store.signups()).toEqual([]);
    const after = readFile();
    expect(after.progress.map((p) => p.courseKey)).toEqual([PODD]);
    expect(after.sharedNotes).toEqual([]);
    expect(after.signups).toEqual([]);
    expect(after.seal).not.toBe(mine.seal);
    expect(syncStateText(state ?? undefined)).toBe(
      'Synkat 11.15. Din fil i teamets mapp ändrades av någon annan (25 nov 11.15). Kurskompis tog inget från den och skrev tillbaka det du delar härifrån. Säg till samordnaren.',
    );
  });

  it('keeps the warning for a day after it was last seen, then lets it go once the file is intact', async () => {
    const k = await kim();
    await k.sync.sync(T0);
    writeFile(forged(readFile(), T0.toISOString()));
    await k.sync.sync(T1);
    const soon = await k.sync.sync(new Date(T1.getTime() + DAY - 60_000));
    expect(soon?.memberChangedAt).toBe(T1.toISOString());
    const later = await k.sync.sync(new Date(T1.getTime() + DAY + 60_000));
    expect(later?.memberChangedAt).toBeUndefined();
  });

  it('a seal made with another key (another member’s file copied over this one) is not this member’s', async () => {
    const k = await kim();
    await k.sync.sync(T0);
    const other = await sealMember(forged(readFile(), T0.toISOString()), newSealKey());
    writeFile(other);
    const state = await k.sync.sync(T1);
    expect(state?.memberChangedAt).toBe(T1.toISOString());
    expect((await k.store.progress()).has(FILM)).toBe(false);
  });

  it('a file stripped of its seal, once this browser has sealed one, is someone else’s', async () => {
    const k = await kim();
    await k.sync.sync(T0);
    const { seal: _seal, ...unsealed } = forged(readFile(), T0.toISOString());
    writeFile(unsealed);
    const state = await k.sync.sync(T1);
    expect(state?.memberChangedAt).toBe(T1.toISOString());
    expect(await k.store.signups()).toEqual([]);
  });

  it('a file from before files were sealed is replaced without a warning, and nothing is taken from it', async () => {
    mkdirSync(join(root, 'members'));
    const at = '2026-11-20T10:00:00.000Z';
    writeFile({
      kind: 'kurskompis/member',
      version: 1,
      memberId: MEMBER,
      displayName: 'Kim',
      updatedAt: at,
      progress: [{ courseKey: FILM, status: 'done', updatedAt: at }],
      sharedNotes: [],
      signups: [],
      selfAssessments: [],
    });
    const k = await kim();
    await k.tracker.markDone(PODD, 'Skapa en podd', 'manual', T0);
    const state = await k.sync.sync(T1);
    expect(state?.memberChangedAt).toBeUndefined();
    expect((await k.store.progress()).has(FILM)).toBe(false);
    expect(readFile().progress.map((p) => p.courseKey)).toEqual([PODD]);
    expect(readFile().seal).toBeDefined();
  });

  it('its own sealed file, written again from another browser of the same membership, is still taken', async () => {
    const key = newSealKey();
    const home = await kim(key);
    const work = await kim(key);
    await work.tracker.markDone(FILM, 'Filma med mobilen', 'manual', T0);
    await work.sync.sync(T0);
    const state = await home.sync.sync(T1);
    expect(state?.memberChangedAt).toBeUndefined();
    expect((await home.store.progress()).get(FILM)?.status).toBe('done');
  });
});
