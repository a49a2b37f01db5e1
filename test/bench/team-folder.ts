// Team-folder figures for npm run bench: the coordinator's overview of 1,000 member files and
// one member's sync, against a real WebDAV server (Nephele) on loopback.
import 'fake-indexeddb/auto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planSchema } from '../../lib/model/plan';
import { PlanService } from '../../lib/services/plan-service';
import { openDatabase, Store } from '../../lib/storage/store';
import { SyncService } from '../../lib/sync/sync-service';
import type { TeamSettings } from '../../lib/folder/team-settings';
import { MemberReader } from '../../lib/sync/member-reader';
import { discussionPeriod } from '../../lib/time/periods';
import { teamOverview } from '../../lib/team/overview';
import { Tracker } from '../../lib/services/tracker';
import { fixturePlanAt } from '../e2e/harness';
import { startApacheFolder } from '../support/apache-folder';
import { startTeamFolder } from '../support/team-folder-server';
import { seedTeamFolder } from './seed-folder';

const MEMBERS = 1000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export async function benchTeamFolder(runs: number): Promise<string[]> {
  const root = mkdtempSync(join(tmpdir(), 'kurskompis-bench-folder-'));
  const planText = fixturePlanAt();
  seedTeamFolder(root, MEMBERS, planText);
  const period = discussionPeriod(planSchema.parse(JSON.parse(planText)));
  const server = await startTeamFolder({ root });
  const apache = await startApacheFolder();
  mkdirSync(join(apache.root, 'members'));
  for (const name of readdirSync(join(root, 'members'))) {
    if (name.endsWith('.json')) copyFileSync(join(root, 'members', name), join(apache.root, 'members', name));
  }
  apache.adopt();
  const settings: TeamSettings = {
    url: server.url,
    username: '',
    password: '',
    memberId: 'bench-me-0000-4000-8000',
    displayName: 'Jag',
    shareProgress: true,
    shareNotes: true,
  };
  const overview = async (url: string) => {
    const cold: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < Math.min(runs, 7); i += 1) {
      const reader = new MemberReader(async () => ({ ...settings, url }), fetch);
      let start = performance.now();
      const first = await reader.read();
      if (!first.ok || first.members.length !== MEMBERS) throw new Error('the overview did not read every member file');
      if (period) teamOverview(period, first.members);
      cold.push(performance.now() - start);
      start = performance.now();
      const again = await reader.read();
      if (again.ok && period) teamOverview(period, again.members);
      warm.push(performance.now() - start);
    }
    return { cold, warm };
  };
  const onApache = await overview(apache.url);
  const onNephele = await overview(server.url);
  await apache.close();

  const store = new Store(await openDatabase('bench-sync'));
  const plans = new PlanService({ store, fetch, onChange: () => undefined });
  const sync = new SyncService({ store, plans, fetch, settings: async () => settings, onChange: () => undefined });
  const tracker = new Tracker(store, () => undefined);
  await sync.sync();
  const pushes: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    await tracker.markDone(`digiteket.se/kurs/bench-${i}/`, `Kurs ${i}`, 'manual');
    const start = performance.now();
    const state = await sync.sync();
    if (state?.error) throw new Error(`sync failed: ${state.error}`);
    pushes.push(performance.now() - start);
  }
  await server.close();
  rmSync(root, { recursive: true, force: true });
  const fmt = (n: number) => n.toFixed(0);
  const line = (name: string, { cold, warm }: { cold: number[]; warm: number[] }) => [
    `  ${name}: coordinator's overview, cold ${fmt(median(cold))} ms median (max ${fmt(Math.max(...cold))})   (target ≤ 3000 ms)`,
    `  ${name}: coordinator's overview, nothing changed (ETags) ${fmt(median(warm))} ms median (max ${fmt(Math.max(...warm))})   (target ≤ 500 ms)`,
  ];
  return [
    `Team folder on loopback, ${MEMBERS} member files:`,
    ...line('Apache mod_dav', onApache),
    ...line('Nephele (npm)', onNephele),
    `  one member's sync after a change, Nephele (plan check + member file GET, merge, PUT): ${fmt(median(pushes))} ms median (max ${fmt(Math.max(...pushes))})   (target ≤ 200 ms)`,
  ];
}
