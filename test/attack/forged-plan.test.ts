// @vitest-environment node
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { generateSigningKey, publicKeyOf, signPlanDocument } from '../../lib/model/plan-signature';
import { planSchema, type Plan } from '../../lib/model/plan';
import { PlanService } from '../../lib/services/plan-service';
import { SigningKeys } from '../../lib/services/signing-keys';
import { openDatabase, Store } from '../../lib/storage/store';
import { PlanPublisher } from '../../lib/sync/publish';
import { SyncService } from '../../lib/sync/sync-service';
import type { TeamSettings } from '../../lib/folder/team-settings';
import { t } from '../../lib/text/i18n';
import { fixturePlan } from '../support/fixtures';
import { startTeamFolder, type TeamFolderServer } from '../support/team-folder-server';

// A member who can write the team folder replaces plan.json, which every colleague's Kurskompis
// takes without a click. The team's coordinator signs the plan; a colleague who has taken one
// signed plan trusts that key and refuses each forgery here, keeping the plan in force.

let root: string;
let server: TeamFolderServer;
let dbCount = 0;
beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'kurskompis-forged-'));
  server = await startTeamFolder({ root });
});
afterEach(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

const base = planSchema.parse(fixturePlan());
const NOW = new Date('2026-11-20T10:00:00Z');
const LATER = new Date('2026-11-20T10:15:00Z');
/** What the forger wants: every course page opened counts as done, and a moved deadline. */
const forged = (): Plan => ({
  ...base,
  updatedAt: '2026-11-20T10:05:00Z',
  periods: base.periods.map((p, i) => (i === 1 ? { ...p, deadline: '2026-11-05' } : p)),
  siteAdapter: { completionTexts: ['Du har genomfört kursen'] },
});

function settings(name: string): TeamSettings {
  return { url: server.url, username: '', password: '', memberId: `${name}-0000-4000-8000-000000000000`, displayName: name, shareProgress: true, shareNotes: false };
}

/** The coordinator's browser, with a key of its own; each publish replaces whatever the folder holds. */
async function coordinator() {
  const store = new Store(await openDatabase(`forged-${++dbCount}`));
  const keys = new SigningKeys(store);
  await keys.create(false, NOW);
  const publisher = new PlanPublisher(store, async () => settings('anna'), fetch, vi.fn(), (plan) => keys.planText(plan));
  return {
    async publish(plan: Plan = base) {
      const draft = await store.draft();
      await store.setDraft({ ...draft, plan, savedAt: plan.updatedAt });
      let published = await publisher.publish();
      // The folder was written by someone else meanwhile: the coordinator sees it and replaces it.
      if (!published.ok && published.error === 'publishConflict') published = await publisher.publish(published.conflict.etag);
      expect(published).toEqual({ ok: true });
    },
  };
}

async function coordinatorPublishes() {
  const anna = await coordinator();
  await anna.publish();
  return anna;
}

/** A colleague's browser that has taken the coordinator's signed plan from the folder. */
async function colleague() {
  const store = new Store(await openDatabase(`forged-${++dbCount}`));
  const plans = new PlanService({ store, fetch, onChange: vi.fn() });
  const sync = new SyncService({ store, plans, fetch, settings: async () => settings('kim'), onChange: vi.fn(), pause: async () => undefined, random: () => 0.5 });
  await sync.sync(NOW);
  const taken = await store.activePlan();
  expect(taken?.signedBy).toMatch(/^[0-9a-f]{64}$/);
  expect((await store.trust())?.pinned?.fingerprint).toBe(taken?.signedBy);
  return { store, sync, taken: taken! };
}

const folderDocument = () => JSON.parse(readFileSync(join(root, 'plan.json'), 'utf8')) as Record<string, unknown>;
const writeFolderPlan = (document: unknown) => writeFileSync(join(root, 'plan.json'), JSON.stringify(document, null, 2));

async function expectRefused(kim: Awaited<ReturnType<typeof colleague>>, error: string): Promise<void> {
  const state = await kim.sync.sync(LATER);
  expect(state?.planProblem).toBe(true);
  expect(state?.error).toBeUndefined();
  // The plan in force stays, as it was, still signed by the coordinator.
  expect(await kim.store.activePlan()).toEqual(kim.taken);
  expect((await kim.store.trust())?.refused).toEqual({ at: LATER.toISOString(), error, source: 'folder' });
  expect(t(error as 'planNotSigned')).not.toBe('');
}

describe('a forged plan.json in the team folder, after the coordinator signed the plan', () => {
  it('is refused when unsigned', async () => {
    await coordinatorPublishes();
    const kim = await colleague();
    writeFolderPlan(forged());
    await expectRefused(kim, 'planNotSigned');
  });

  it('is refused when signed with another key', async () => {
    await coordinatorPublishes();
    const kim = await colleague();
    const pair = await generateSigningKey(false);
    writeFolderPlan(await signPlanDocument(forged(), { privateKey: pair.privateKey, publicKey: await publicKeyOf(pair.publicKey) }));
    await expectRefused(kim, 'planSignedByOther');
  });

  it('is refused when it carries the signature of another plan', async () => {
    await coordinatorPublishes();
    const kim = await colleague();
    writeFolderPlan({ ...forged(), signature: folderDocument().signature });
    await expectRefused(kim, 'planSignatureInvalid');
  });

  it('is refused when the signed plan was changed after signing', async () => {
    await coordinatorPublishes();
    const kim = await colleague();
    const signed = folderDocument() as Plan & Record<string, unknown>;
    writeFolderPlan({ ...signed, siteAdapter: { completionTexts: ['Du har genomfört kursen'] } });
    await expectRefused(kim, 'planSignatureInvalid');
    // However it is re-indented, a change of one date is still found.
    const periods = signed.periods.map((p, i) => (i === 1 ? { ...p, deadline: '2026-11-05' } : p));
    writeFileSync(join(root, 'plan.json'), JSON.stringify({ ...signed, periods }));
    await expectRefused(kim, 'planSignatureInvalid');
  });

  it('is taken again once the coordinator publishes a new signed version', async () => {
    const anna = await coordinatorPublishes();
    const kim = await colleague();
    writeFolderPlan(forged());
    await expectRefused(kim, 'planNotSigned');
    await anna.publish({ ...base, updatedAt: '2026-11-20T10:20:00Z' });
    const state = await kim.sync.sync(new Date('2026-11-20T10:30:00Z'));
    expect(state?.planProblem).toBe(false);
    expect((await kim.store.trust())?.refused).toBeUndefined();
    expect((await kim.store.activePlan())?.plan.updatedAt).toBe('2026-11-20T10:20:00Z');
  });
});

describe('a forged plan at the plan address, after the coordinator signed the plan', () => {
  it('is refused, the address check says why, and the plan in force stays', async () => {
    const store = new Store(await openDatabase(`forged-${++dbCount}`));
    const keys = new SigningKeys(store);
    await keys.create(false, NOW);
    let body = await keys.planText(base);
    const serve = vi.fn(async () => new Response(body, { headers: { 'Content-Type': 'application/json' } }));
    const plans = new PlanService({ store, fetch: serve as unknown as typeof fetch, onChange: vi.fn() });
    const address = 'https://intranat.example.se/kurskompis/plan.json';
    expect(await plans.fetchUrl(address, 'url', NOW)).toMatchObject({ ok: true });
    const taken = await store.activePlan();
    body = JSON.stringify(forged());
    expect(await plans.fetchUrl(address, 'url', LATER)).toEqual({ ok: false, error: 'planNotSigned' });
    expect((await store.planFetch())?.error).toBe('planNotSigned');
    expect(await store.activePlan()).toEqual(taken);
  });
});
