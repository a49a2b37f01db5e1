// @vitest-environment node
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PlanPublisher } from '../../../lib/sync/publish';
import { planSchema, type Plan } from '../../../lib/model/plan';
import { openDatabase, Store } from '../../../lib/storage/store';
import type { TeamSettings } from '../../../lib/folder/team-settings';
import { fixturePlan } from '../../support/fixtures';
import { startTeamFolder, type TeamFolderServer } from '../../support/team-folder-server';

// Two coordinators publish to one folder: neither overwrites the other unseen.

let root: string;
let server: TeamFolderServer;
let dbCount = 0;
beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'kurskompis-publish-'));
  server = await startTeamFolder({ root });
});
afterEach(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

const base = planSchema.parse(fixturePlan());
const version = (title: string, updatedAt: string): Plan => ({ ...base, updatedAt, periods: base.periods.map((p, i) => (i === 1 ? { ...p, title } : p)) });

async function coordinator(name: string) {
  const store = new Store(await openDatabase(`publish-${++dbCount}`));
  const settings: TeamSettings = { url: server.url, username: '', password: '', memberId: `${name}-member-id`, displayName: name, shareProgress: true, shareNotes: false };
  const publisher = new PlanPublisher(store, async () => settings, fetch, vi.fn());
  return { store, publisher };
}

const folderPlan = () => JSON.parse(readFileSync(join(root, 'plan.json'), 'utf8')) as Plan;

describe('publishing the plan to the team folder', () => {
  it('creates plan.json, then updates it on the copy it last wrote', async () => {
    const anna = await coordinator('anna');
    await anna.store.setDraft({ plan: version('November A', '2026-11-20T09:00:00Z'), savedAt: '2026-11-20T09:00:00Z' });
    expect(await anna.publisher.publish()).toEqual({ ok: true });
    expect(folderPlan().periods[1]?.title).toBe('November A');
    const draft = await anna.store.draft();
    expect(draft?.folderEtag).toBeTruthy();
    await anna.store.setDraft({ ...draft!, plan: version('November A2', '2026-11-21T09:00:00Z') });
    expect(await anna.publisher.publish()).toEqual({ ok: true });
    expect(folderPlan().periods[1]?.title).toBe('November A2');
  });

  it('never overwrites a co-coordinator’s plan unseen: both are shown, the coordinator chooses', async () => {
    const anna = await coordinator('anna');
    const bo = await coordinator('bo');
    await anna.store.setDraft({ plan: version('Annas november', '2026-11-20T09:00:00Z'), savedAt: '2026-11-20T09:00:00Z' });
    await anna.publisher.publish();
    // Bo built his plan on his own, never having seen Anna's.
    await bo.store.setDraft({ plan: version('Bos november', '2026-11-22T09:00:00Z'), savedAt: '2026-11-22T09:00:00Z' });
    const refused = await bo.publisher.publish();
    expect(refused).toMatchObject({ ok: false, error: 'publishConflict', conflict: { remote: { periods: expect.arrayContaining([expect.objectContaining({ title: 'Annas november' })]) } } });
    expect(folderPlan().periods[1]?.title).toBe('Annas november');
    // Bo takes Anna's version into his editor …
    const etag = (refused as { conflict: { etag: string } }).conflict.etag;
    expect(await bo.publisher.takeRemote(etag)).toBe(true);
    expect((await bo.store.draft())?.plan.periods[1]?.title).toBe('Annas november');
    // … while Anna, who published again meanwhile, now meets Bo's choice to overwrite.
    await bo.store.setDraft({ ...(await bo.store.draft())!, plan: version('Bos november', '2026-11-22T10:00:00Z') });
    await anna.store.setDraft({ ...(await anna.store.draft())!, plan: version('Annas november 2', '2026-11-22T09:30:00Z') });
    expect(await anna.publisher.publish()).toEqual({ ok: true });
    const second = await bo.publisher.publish();
    expect('conflict' in second).toBe(true);
    const overwrite = (second as { conflict: { etag: string } }).conflict.etag;
    expect(await bo.publisher.publish(overwrite)).toEqual({ ok: true });
    expect(folderPlan().periods[1]?.title).toBe('Bos november');
  });
});
