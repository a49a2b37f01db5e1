// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memberSchema, type MemberFile } from '../../../lib/model/member';
import { planSchema } from '../../../lib/model/plan';
import { openDatabase, Store } from '../../../lib/storage/store';
import type { CachedMemberFile } from '../../../lib/model/stored';
import { MemberReader } from '../../../lib/sync/member-reader';
import { overviewCsv, sameRowShown, teamAssessment, teamOverview, type OverviewRow } from '../../../lib/team/overview';
import { fixturePlan } from '../../support/fixtures';
import { startTeamFolder, type TeamFolderServer } from '../../support/team-folder-server';

const plan = planSchema.parse(fixturePlan());
const november = plan.periods[1]!;
const at = '2026-11-20T10:00:00Z';

function member(id: string, name: string, patch: Partial<MemberFile> = {}): MemberFile {
  return memberSchema.parse({
    kind: 'kurskompis/member',
    version: 1,
    memberId: `${id}-0000-4000-8000-000000000000`,
    displayName: name,
    updatedAt: at,
    ...patch,
  });
}

const done = (slug: string) => ({ courseKey: `digiteket.se/kurs/${slug}/`, status: 'done' as const, updatedAt: at });
const requiredSlugs = ['skapa-en-podd', 'bildredigering-i-webblasaren', 'filma-med-mobilen', 'upphovsratt-och-creative-commons'];

const team = [
  member('aaaaaaaa', 'Kim', {
    progress: requiredSlugs.map(done),
    sharedNotes: [{ id: 'n1', courseKey: 'digiteket.se/kurs/skapa-en-podd/', text: 'Bokpoddar; "skolklasser"?', updatedAt: at }],
    signups: [{ sessionId: '2026-11-s1', updatedAt: at }],
  }),
  member('bbbbbbbb', 'Alex', { progress: [{ ...done('skapa-en-podd'), status: 'started' }], signups: [{ sessionId: '2026-11-s1', updatedAt: at, cancelled: true }] }),
  member('cccccccc', 'Bo'),
];

describe('the team overview', () => {
  it('shows who has done what, who has not started and who is finished', () => {
    const overview = teamOverview(november, team);
    expect(overview.rows.map((r) => [r.displayName, r.requiredDone, r.status])).toEqual([
      ['Alex', 0, 'started'],
      ['Bo', 0, 'notStarted'],
      ['Kim', 4, 'done'],
    ]);
    expect(overview.requiredTotal).toBe(4);
    expect(overview.notStarted).toEqual(['Bo']);
    expect(overview.finished).toEqual(['Kim']);
    expect(overview.items.find((i) => i.key === 'digiteket.se/kurs/skapa-en-podd/')?.doneCount).toBe(1);
    expect(overview.sessions.map((s) => [s.session.id, s.names, s.placesLeft, s.overbooked])).toEqual([
      ['2026-11-s1', ['Kim'], 7, false],
      ['2026-11-s2', [], 8, false],
      ['2026-11-s3', [], 10, false],
    ]);
    expect(overview.notes).toEqual([{ key: 'digiteket.se/kurs/skapa-en-podd/', title: 'Skapa en podd', notes: [{ author: 'Kim', text: 'Bokpoddar; "skolklasser"?', updatedAt: at }] }]);
  });

  it('flags a session with more sign-ups than places', () => {
    const many = Array.from({ length: 11 }, (_, i) => member(`${i}`.padStart(8, 'd'), `Person ${i}`, { signups: [{ sessionId: '2026-11-s3', updatedAt: at }] }));
    const s3 = teamOverview(november, many).sessions[2]!;
    expect([s3.names.length, s3.placesLeft, s3.overbooked]).toEqual([11, -1, true]);
  });

  it('shows each member the deadline that holds for them: the period\'s, their own shared one, or one granted', () => {
    const later = (days: number) => new Date(Date.parse(`${november.deadline}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const withOwn = member('dddddddd', 'Dana', { extensions: [{ periodId: november.id, deadline: later(10), reason: 'sick', updatedAt: at }] });
    const removed = member('eeeeeeee', 'Eli', { extensions: [{ periodId: november.id, deadline: november.starts, reason: 'other', updatedAt: at }] });
    const bo = team[2]!;
    const grant = { memberId: bo.memberId, periodId: november.id, deadline: later(14), note: 'Föräldraledig' };
    const elsewhere = { memberId: withOwn.memberId, periodId: plan.periods[0]!.id, deadline: later(30) };
    const rows = teamOverview(november, [...team, withOwn, removed], [grant, elsewhere]).rows;
    const of = (name: string) => rows.find((r) => r.displayName === name)!;
    expect(of('Dana').deadline).toEqual({ source: 'own', deadline: later(10), reason: 'sick' });
    expect(of('Eli').deadline).toEqual({ source: 'none', deadline: november.deadline });
    expect(of('Bo').deadline).toEqual({ source: 'granted', deadline: later(14), note: 'Föräldraledig' });
    expect(of('Bo').grant).toEqual(grant);
    expect(of('Kim').deadline.source).toBe('none');
    expect(of('Dana').grant).toBeUndefined();
    const csv = overviewCsv(teamOverview(november, [bo], [grant]), { name: 'Namn', requiredDone: 'Klara', done: 'klar', started: 'påbörjad', deadline: 'Personlig sista dag' });
    expect(csv.slice(1).split('\r\n')[1]).toBe(`Bo;;;;;;;0/4;${later(14)}`);
  });

  it('sorts names the Swedish way (Å, Ä, Ö last) and tells a row that shows the same from one that changed', () => {
    const names = ['Örjan', 'Åsa', 'Adam', 'Ärla', 'Östen', 'Zoë'].map((name, i) => member(`${i}`.padStart(8, 'f'), name));
    expect(teamOverview(november, names).rows.map((r) => r.displayName)).toEqual(['Adam', 'Zoë', 'Åsa', 'Ärla', 'Örjan', 'Östen']);
    const first = teamOverview(november, team).rows;
    const again = teamOverview(november, [...team].reverse()).rows;
    expect(first.every((row, i) => row !== again[i] && sameRowShown(row, again[i]!))).toBe(true);
    const [alex, bo, kim] = first as [OverviewRow, OverviewRow, OverviewRow];
    expect(sameRowShown(alex, bo)).toBe(false);
    const moreDone = teamOverview(november, [member('bbbbbbbb', 'Alex', { progress: [done('skapa-en-podd')] })]).rows[0]!;
    expect(sameRowShown(alex, moreDone)).toBe(false);
    const renamed = teamOverview(november, [member('aaaaaaaa', 'Kim S', { progress: requiredSlugs.map(done) })]).rows[0]!;
    expect(sameRowShown(kim, renamed)).toBe(false);
    const later = new Date(Date.parse(`${november.deadline}T12:00:00Z`) + 5 * 86_400_000).toISOString().slice(0, 10);
    const granted = teamOverview(november, [team[2]!], [{ memberId: bo.memberId, periodId: november.id, deadline: later }]).rows[0]!;
    expect(sameRowShown(bo, granted)).toBe(false);
    const sick = (reason: 'sick' | 'other') => teamOverview(november, [member('cccccccc', 'Bo', { extensions: [{ periodId: november.id, deadline: later, reason, updatedAt: at }] })]).rows[0]!;
    expect(sameRowShown(sick('sick'), sick('sick'))).toBe(true);
    expect(sameRowShown(sick('sick'), sick('other'))).toBe(false);
  });

  it('writes CSV that Swedish Excel opens: BOM, semicolons, quotes where needed', () => {
    const csv = overviewCsv(teamOverview(november, team), { name: 'Namn', requiredDone: 'Klara (obligatoriska)', done: 'klar', started: 'påbörjad', deadline: 'Personlig sista dag' });
    expect(csv.startsWith('\uFEFFNamn;Skapa en podd;')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe('Alex;påbörjad;;;;;;0/4;');
    expect(lines[3]).toBe('Kim;klar;klar;klar;klar;;;4/4;');
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});

describe('reading the member files of a team folder', () => {
  let root: string;
  let server: TeamFolderServer;
  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'kurskompis-overview-'));
    mkdirSync(join(root, 'members'));
    server = await startTeamFolder({ root });
  });
  afterEach(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('skips and names broken or misnamed files, and fetches only what changed', async () => {
    for (const m of team) writeFileSync(join(root, 'members', `${m.memberId}.json`), JSON.stringify(m));
    writeFileSync(join(root, 'members', '11111111-0000-4000-8000-000000000000.json'), '{"kind": "kurskompis/mem');
    writeFileSync(join(root, 'members', '22222222-0000-4000-8000-000000000000.json'), JSON.stringify(team[0]));
    const settings = { url: server.url, username: '', password: '', memberId: 'x'.repeat(8), displayName: 'S', shareProgress: true, shareNotes: true };
    const reader = new MemberReader(async () => settings, fetch);
    const first = await reader.read();
    expect(first.ok && first.members.map((m) => m.displayName).sort()).toEqual(['Alex', 'Bo', 'Kim']);
    expect(first.ok && first.skipped).toEqual([
      { name: '11111111-0000-4000-8000-000000000000.json', reason: 'notJson' },
      { name: '22222222-0000-4000-8000-000000000000.json', reason: 'wrongMember' },
    ]);
    const gets = () => server.requests.filter((r) => r.method === 'GET').length;
    const before = gets();
    writeFileSync(join(root, 'members', `${team[2]!.memberId}.json`), JSON.stringify({ ...team[2], displayName: 'Bo B' }));
    const second = await reader.read();
    expect(gets() - before).toBe(1);
    expect(second.ok && second.members.map((m) => m.displayName).sort()).toEqual(['Alex', 'Bo B', 'Kim']);
  });

  it('tells how far it has come, answers a second asking with the same reading, and can be stopped', async () => {
    for (let i = 0; i < 50; i += 1) {
      const m = member(String(10_000_000 + i), `Medarbetare ${i}`);
      writeFileSync(join(root, 'members', `${m.memberId}.json`), JSON.stringify(m));
    }
    const settings = { url: server.url, username: '', password: '', memberId: 'x'.repeat(8), displayName: 'S', shareProgress: true, shareNotes: true };
    const told: Array<{ done: number; total: number } | null> = [];
    const reader = new MemberReader(async () => settings, fetch, undefined, undefined, (p) => told.push(p));
    const gets = () => server.requests.filter((r) => r.method === 'GET').length;
    const [a, b] = await Promise.all([reader.read(), reader.read()]);
    expect(a).toBe(b);
    expect(gets()).toBe(50);
    expect(told[0]).toEqual({ done: 0, total: 50 });
    expect(told.at(-2)).toEqual({ done: 50, total: 50 });
    expect(told.at(-1)).toBeNull();
    expect(told.filter((p) => p && p.done > 0 && p.done < 50).length).toBeGreaterThan(0);

    // Stopped once 20 are read: the answer has what was read and says how many were not, and
    // the next reading fetches only the rest.
    let stopAt20 = true;
    const fresh = new MemberReader(async () => settings, fetch, undefined, undefined, (p) => {
      if (stopAt20 && p && p.done >= 20) fresh.cancel();
    });
    const before = gets();
    const stopped = await fresh.read();
    const readFirst = gets() - before;
    expect(readFirst).toBeLessThan(50);
    expect(stopped.ok && stopped.members.length).toBeGreaterThanOrEqual(20);
    expect(stopped.ok && stopped.members.length + (stopped.unread ?? 0)).toBe(50);
    expect(stopped.ok && stopped.members.every((m) => m.displayName.startsWith('Medarbetare'))).toBe(true);
    stopAt20 = false;
    const again = await fresh.read();
    expect(again.ok && again.members).toHaveLength(50);
    expect(gets() - before).toBe(50);
  });

  it('gives what it has read so far while it reads, each file once over many askings', async () => {
    for (let i = 0; i < 50; i += 1) {
      const m = member(String(10_000_000 + i), `Medarbetare ${i}`);
      writeFileSync(join(root, 'members', `${m.memberId}.json`), JSON.stringify(m));
    }
    writeFileSync(join(root, 'members', '11111111-0000-4000-8000-000000000000.json'), 'inte json');
    const settings = { url: server.url, username: '', password: '', memberId: 'x'.repeat(8), displayName: 'S', shareProgress: true, shareNotes: true };
    const seen: string[] = [];
    const skipped: string[] = [];
    const shownAt: number[] = [];
    let after = 0;
    let of: number | undefined;
    const froms: number[] = [];
    let again = false;
    let answer: ReturnType<MemberReader['soFar']> = null;
    const reader: MemberReader = new MemberReader(async () => settings, fetch, undefined, undefined, (progress) => {
      if (again) {
        answer ??= progress && progress.done > 0 ? reader.soFar(after, of) : null;
        return;
      }
      const soFar = progress && reader.soFar(after, of);
      if (!soFar) return;
      expect(soFar.total).toBe(51);
      froms.push(soFar.from);
      of = soFar.reading;
      seen.push(...soFar.members.map((m) => m.memberId));
      skipped.push(...soFar.skipped.map((f) => f.name));
      after = soFar.next;
      shownAt.push(seen.length);
    });
    expect(reader.soFar(0)).toBeNull();
    const done = await reader.read();
    expect(reader.soFar(0)).toBeNull();
    // Every member came once, and the overview had some of them before the reading ended.
    expect([...seen].sort()).toEqual((done.ok ? done.members.map((m) => m.memberId) : []).sort());
    expect(new Set(seen).size).toBe(50);
    expect(skipped).toEqual(['11111111-0000-4000-8000-000000000000.json']);
    expect(shownAt.some((n) => n > 0 && n < 50)).toBe(true);
    expect(froms[0]).toBe(0);
    expect(froms).toEqual([...froms].sort((a, b) => a - b));

    // A page still counting in that reading, asking about the next one, gets it from its start.
    again = true;
    await reader.read();
    expect(answer).not.toBeNull();
    expect(answer!.from).toBe(0);
    expect(answer!.members.length + answer!.skipped.length).toBe(answer!.next);
  });

  it('keeps what it read between workers: a new reader over the same kept files fetches only what changed', async () => {
    for (const m of team) writeFileSync(join(root, 'members', `${m.memberId}.json`), JSON.stringify(m));
    const settings = { url: server.url, username: '', password: '', memberId: 'x'.repeat(8), displayName: 'S', shareProgress: true, shareNotes: true };
    const store = new Store(await openDatabase(`kept-${Math.random()}`));
    const kept = { load: (base: string) => store.cachedMemberFiles(base), save: (base: string, changed: readonly CachedMemberFile[], gone: readonly string[]) => store.putCachedMemberFiles(base, changed, gone) };
    expect((await new MemberReader(async () => settings, fetch, undefined, kept).read()).ok).toBe(true);
    const gets = () => server.requests.filter((r) => r.method === 'GET').length;
    const before = gets();
    writeFileSync(join(root, 'members', `${team[0]!.memberId}.json`), JSON.stringify({ ...team[0], displayName: 'Kim K' }));
    rmSync(join(root, 'members', `${team[1]!.memberId}.json`));
    // The worker was stopped and started: a new reader, the kept files from the database.
    const again = await new MemberReader(async () => settings, fetch, undefined, kept).read();
    expect(gets() - before).toBe(1);
    expect(again.ok && again.members.map((m) => m.displayName).sort()).toEqual(['Bo', 'Kim K']);
    expect((await store.cachedMemberFiles(`v1 ${new URL(server.url).href}`)).map((f) => f.name).sort()).toHaveLength(2);
  });
});

describe('the team’s self-assessment', () => {
  const result = (phase: 'start' | 'end', takenAt: string, value: number, scale: 5 | 7 = 7) => ({
    phase,
    takenAt,
    scale,
    scores: { information: value, communication: value, content: value, safety: value, problemSolving: value },
  });
  it('averages each member’s latest start and end result per area', () => {
    const members = [
      member('aaaaaaaa', 'Kim', { selfAssessments: [result('start', '2026-09-01', 2), result('start', '2026-09-10', 3), result('end', '2027-06-01', 4)] }),
      member('bbbbbbbb', 'Alex', { selfAssessments: [result('start', '2026-09-02', 2)] }),
      member('cccccccc', 'Bo'),
    ];
    const team = teamAssessment(members);
    expect(team.scales).toHaveLength(1);
    const [seven] = team.scales;
    expect([seven?.scale, seven?.startCount, seven?.endCount]).toEqual([7, 2, 1]);
    expect(seven?.start['communication']).toBe(2.5);
    expect(seven?.end['content']).toBe(4);
  });

  it('never averages a 1–5 result with a 1–7 one: each scale is averaged apart', () => {
    const members = [
      member('aaaaaaaa', 'Kim', { selfAssessments: [result('start', '2026-09-01', 4, 5), result('end', '2027-06-01', 6, 7)] }),
      member('bbbbbbbb', 'Alex', { selfAssessments: [result('start', '2026-09-02', 2, 7), result('end', '2027-06-02', 7, 7)] }),
    ];
    const team = teamAssessment(members);
    expect(team.scales.map((s) => [s.scale, s.startCount, s.endCount, s.start['safety'], s.end['safety']])).toEqual([
      [7, 1, 2, 2, 6.5],
      [5, 1, 0, 4, undefined],
    ]);
  });
});
