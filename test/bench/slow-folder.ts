// Team-folder figures over a network like a region's: Debian's Apache mod_dav behind a proxy
// on loopback that makes every request wait a round trip (80 ms ± 5), for a team of 40 and a
// region of 1,000 members. Over HTTPS with HTTP/2, as a library's Nextcloud or Sunet Drive is
// served, all requests share one connection; over HTTP/1.1 (a server without HTTP/2) a browser
// has six connections to the host, so six requests at a time. Also the requests and bytes one
// member's browser costs the server in a day, counted through the same proxy.
import 'fake-indexeddb/auto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { planSchema } from '../../lib/model/plan';
import { PlanService } from '../../lib/services/plan-service';
import { openDatabase, Store } from '../../lib/storage/store';
import { SyncService } from '../../lib/sync/sync-service';
import { PlanPublisher } from '../../lib/sync/publish';
import type { TeamSettings } from '../../lib/folder/team-settings';
import { MemberReader, type MemberFileCache } from '../../lib/sync/member-reader';
import { nextRoutineSync } from '../../lib/time/sync-schedule';
import { swedishInstant, todayInSweden, addDays } from '../../lib/time/dates';
import { Tracker } from '../../lib/services/tracker';
import { fixturePlanAt } from '../e2e/harness';
import { startApacheFolder, type ApacheFolder } from '../support/apache-folder';
import { seedTeamFolder } from './seed-folder';
import { startSlowProxy, type ProxyStats, type SlowProxy } from '../support/slow-proxy';
import { h2Fetch, type H2Fetch } from '../support/h2-fetch';

const SEAL_KEY = 'q8mZ3x0b7Yw2Lr5Tn1Vc4Kd6Hs9Gf0Ja2Pe7Ui3Ox5R';
let dbCount = 0;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

async function folderOf(members: number, planAt = new Date()): Promise<{ apache: ApacheFolder; planText: string }> {
  const apache = await startApacheFolder();
  const planText = fixturePlanAt(planAt);
  seedTeamFolder(apache.root, members, planText, { evaluations: true });
  writeFileSync(join(apache.root, '.keep'), '');
  apache.adopt();
  return { apache, planText };
}

function settingsFor(url: string, memberId: string): TeamSettings {
  return { url, username: '', password: '', memberId, sealKey: SEAL_KEY, displayName: 'Jag', shareProgress: true, shareNotes: true };
}

const keptIn = (store: Store): MemberFileCache => ({
  load: (base) => store.cachedMemberFiles(base),
  save: (base, changed, gone) => store.putCachedMemberFiles(base, changed, gone),
});

async function member(url: string, memberId: string, fetchImpl: typeof fetch = fetch) {
  const store = new Store(await openDatabase(`bench-slow-${++dbCount}`));
  const settings = settingsFor(url, memberId);
  const plans = new PlanService({ store, fetch: fetchImpl, onChange: () => undefined });
  // A new reader each time, over the files kept in the database: the worker is stopped between syncs hours apart.
  const reader = () => new MemberReader(async () => settings, fetchImpl, undefined, keptIn(store));
  const sync = new SyncService({ store, plans, fetch: fetchImpl, settings: async () => settings, onChange: () => undefined, readMembers: () => reader().read() });
  return { store, sync, settings, tracker: new Tracker(store, () => undefined), reader, fetch: fetchImpl };
}

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await work();
  return [performance.now() - start, result];
}

async function latencyFigures(members: number, runs: number, protocol: 'http2' | 'http1'): Promise<string[]> {
  const { apache } = await folderOf(members);
  const proxy = await startSlowProxy(apache.url, { http2: protocol === 'http2' });
  // Each browser has its own connection, opened at its first request.
  const connections: H2Fetch[] = [];
  const browser = (): typeof fetch => {
    if (protocol === 'http1') return fetch;
    const connection = h2Fetch(proxy.url, proxy.ca ? { ca: proxy.ca } : {});
    connections.push(connection);
    return connection.fetch;
  };
  try {
    const cold: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < Math.min(runs, members > 100 ? 3 : 7); i += 1) {
      const coordinator = await member(proxy.url, 'bench-coordinator-0000-4000', browser());
      const [first, read] = await timed(() => coordinator.reader().read());
      if (!read.ok || read.members.length !== members) throw new Error('the overview did not read every member file');
      cold.push(first);
      // Opened again later, by a worker started anew: the files kept in the database are used.
      const [again, reread] = await timed(() => coordinator.reader().read());
      if (!reread.ok || reread.members.length !== members) throw new Error('the overview opened again did not read every member file');
      warm.push(again);
    }
    const joins: number[] = [];
    const syncs: number[] = [];
    for (let i = 0; i < Math.min(runs, 5); i += 1) {
      const me = await member(proxy.url, `bench-me-${i}-0000-4000-8000`, browser());
      const [join, state] = await timed(() => me.sync.sync(new Date(), { joining: true }));
      if (state?.error) throw new Error(`join failed: ${state.error}`);
      joins.push(join);
      // mod_dav's ETag of a file just written is weak for a second; a member's next change comes later than that.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      await me.tracker.markDone(`digiteket.se/kurs/bench-${i}/`, `Kurs ${i}`, 'manual');
      const [push, after] = await timed(() => me.sync.sync());
      if (after?.error) throw new Error(`sync failed: ${after.error}`);
      syncs.push(push);
    }
    const coordinator = await member(proxy.url, 'bench-coordinator-0000-4000', browser());
    const publishes: number[] = [];
    const plan = planSchema.parse(JSON.parse(fixturePlanAt()));
    const publisher = new PlanPublisher(coordinator.store, async () => coordinator.settings, coordinator.fetch, () => undefined);
    for (let i = 0; i < Math.min(runs, 5); i += 1) {
      const draft = await coordinator.store.draft();
      await coordinator.store.setDraft({ plan: { ...plan, updatedAt: new Date(Date.now() + i * 1000).toISOString() }, savedAt: new Date().toISOString(), ...(draft?.folderEtag ? { folderEtag: draft.folderEtag } : {}) });
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const [time, result] = await timed(() => publisher.publish(draft?.folderEtag ? undefined : '*'));
      if (!result.ok && result.error !== 'publishConflict') throw new Error(`publish failed: ${result.error}`);
      if (result.ok) publishes.push(time);
    }
    const fmt = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(1)} s` : `${n.toFixed(0)} ms`);
    const targets = members > 100 ? { cold: '≤ 8 s', warm: '≤ 1 s' } : { cold: '≤ 1 s', warm: '—' };
    const over = protocol === 'http2' ? 'over HTTP/2 (one connection, 80 ms round trip)' : 'over HTTP/1.1, six connections (a server without HTTP/2)';
    return [
      `  ${members} member files ${over}: coordinator's overview first opening ever ${fmt(median(cold))} (target ${targets.cold}), opened again with nothing changed ${fmt(median(warm))} (target ${targets.warm}), one member's sync after a change ${fmt(median(syncs))} (target ≤ 1 s)`,
      `  ${members} member files ${over}: joining ${fmt(median(joins))}, publishing the plan ${publishes.length ? fmt(median(publishes)) : '–'}`,
    ];
  } finally {
    await Promise.all(connections.map((connection) => connection.close()));
    await proxy.close();
    await apache.close();
  }
}

/** A member's day from 07.30 (the browser starts) to 07.30 the next day, through the counting proxy. */
async function dayOf(
  proxy: SlowProxy,
  who: 'quiet' | 'looks' | 'finishes' | 'coordinator',
  memberId: string,
): Promise<ProxyStats & { looks: number }> {
  const me = await member(proxy.url, memberId);
  const today = todayInSweden();
  const start = new Date(swedishInstant(today, '07:30') as string);
  const end = new Date(swedishInstant(addDays(today, 1), '07:30') as string);
  // Joined the day before: the first sync is not part of the day.
  await me.sync.sync(new Date(start.getTime() - 86_400_000), { joining: true });
  await new Promise((resolve) => setTimeout(resolve, 1100));
  await me.sync.sync(new Date(start.getTime() - 86_000_000));
  // What the day before left in this browser: the member looked at the places, the coordinator
  // at the overview, so today's readings fetch only the member files changed since.
  if (who === 'looks') await me.sync.lookAtSignups(new Date(start.getTime() - 80_000_000));
  if (who === 'coordinator') await me.reader().read();
  proxy.reset();
  let looks = 0;
  let now = start;
  const events: Array<{ at: Date; what: 'change' | 'overview' | 'popup' }> = [];
  if (who === 'looks') for (const hours of [1.5, 5, 7.5]) events.push({ at: new Date(start.getTime() + hours * 3_600_000), what: 'popup' });
  if (who === 'finishes') events.push({ at: new Date(start.getTime() + 2.5 * 3_600_000), what: 'change' });
  if (who === 'coordinator') for (const hours of [1, 4, 7]) events.push({ at: new Date(start.getTime() + hours * 3_600_000), what: 'overview' });
  // Syncs in a real day are minutes apart; mod_dav's ETag of a file just written is weak for a second.
  const sync = async (at: Date) => {
    await new Promise((resolve) => setTimeout(resolve, 1100));
    return me.sync.sync(at);
  };
  let state = await sync(now);
  looks += 1;
  while (now < end) {
    const next = nextRoutineSync(state?.quietSyncs ?? 0, now);
    const event = events[0];
    if (event && event.at <= next) {
      events.shift();
      now = event.at;
      if (event.what === 'change') {
        await me.tracker.markDone('digiteket.se/kurs/skapa-en-podd/', 'Skapa en podd', 'manual', now);
        now = new Date(now.getTime() + 5_000);
        state = await sync(now);
        looks += 1;
      } else if (event.what === 'popup') {
        // The popup shows the places left: they are counted if over an hour old.
        await new Promise((resolve) => setTimeout(resolve, 1100));
        const looked = await me.sync.lookAtSignups(now);
        if (looked) {
          state = looked;
          looks += 1;
        }
      } else {
        // Each opening of the overview is a new worker, with the files kept in the database.
        await me.reader().read();
      }
      continue;
    }
    if (next >= end) break;
    now = next;
    state = await sync(now);
    looks += 1;
  }
  return { ...proxy.stats(), looks };
}

async function dayFigures(members: number, beforeDiscussion: boolean): Promise<string[]> {
  // Before a discussion: the plan as it stands ten days later than today, its discussions (with
  // places) five days off. Otherwise today's, whose discussions are over two weeks off.
  const { apache } = await folderOf(members, beforeDiscussion ? new Date(Date.now() - 10 * 86_400_000) : new Date());
  const proxy = await startSlowProxy(apache.url, { delayMs: 0, jitterMs: 0 });
  try {
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(bytes < 10_240 ? 1 : 0)} KB`;
    const lines: string[] = [];
    for (const who of beforeDiscussion ? (['quiet', 'looks', 'finishes', 'coordinator'] as const) : (['quiet'] as const)) {
      const day = await dayOf(proxy, who, `bench-day-${who}-0000-4000`);
      const kinds = Object.entries(day.byKind)
        .sort(([, a], [, b]) => b - a)
        .map(([kind, n]) => `${n} ${kind}`)
        .join(', ');
      lines.push(`  ${members} members${beforeDiscussion ? '' : ', no discussion within two weeks'}, ${who === 'quiet' ? 'a member who changes nothing' : who === 'looks' ? 'a member who changes nothing and opens the popup 3 times' : who === 'finishes' ? 'a member who finishes a course' : 'the coordinator (overview opened 3 times)'}: ${day.requests} requests, ${kb(day.bytesDown)} down, ${kb(day.bytesUp)} up (${day.looks} syncs: ${kinds})`);
    }
    return lines;
  } finally {
    await proxy.close();
    await apache.close();
  }
}

export async function benchSlowFolder(runs: number): Promise<string[]> {
  if (process.env.BENCH_ONLY === 'day') return dayLines();
  return [
    'Team folder behind 80 ms per request (± 5 ms), Apache mod_dav; over HTTP/2 the server takes up to 100 streams at a time, the overview keeps 16 in flight:',
    ...(await latencyFigures(40, runs, 'http2')),
    ...(await latencyFigures(1000, runs, 'http2')),
    ...(await latencyFigures(40, runs, 'http1')),
    ...(await latencyFigures(1000, runs, 'http1')),
    ...(await dayLines()),
  ];
}

async function dayLines(): Promise<string[]> {
  return [
    'Requests to the team folder in one day (07.30 to 07.30), in the week before a discussion with places (its sign-ups are counted when a member opens the popup, at most hourly):',
    ...(await dayFigures(40, true)),
    ...(await dayFigures(1000, true)),
    ...(await dayFigures(1000, false)),
  ];
}

if (process.argv[1]?.endsWith('slow-folder.ts')) {
  for (const line of await benchSlowFolder(Number(process.env.BENCH_RUNS ?? 5))) console.log(line);
}
