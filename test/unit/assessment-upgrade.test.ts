import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, openDatabase, Store } from '../../lib/storage/store';
import { buildReport } from '../../lib/domain/report';
import { parseMemberText } from '../../lib/model/member';
import { teamAssessment } from '../../lib/team/overview';

// Results saved before areas had ids and results had a scale: keyed by the old names, on 1–5,
// without a `scale`. They must keep their meaning when read by this version.

const OLD_START = {
  phase: 'start',
  takenAt: '2026-09-02',
  scores: { Informationskompetens: 3.2, Kommunikation: 3.8, 'Skapa innehåll': 2.4, Säkerhet: 3, Problemlösning: 2.9 },
  source: 'page',
  updatedAt: '2026-09-02T10:00:00.000Z',
};

let count = 0;

describe('results saved before the scale was stored', () => {
  it('are read from a database of the earlier layout as 1–5 results keyed by area ids', async () => {
    const name = `upgrade-${++count}`;
    // Today's layout, written the way the earlier version wrote its records: straight through idb.
    (await openDatabase(name)).close();
    const raw = await openDB(name, DB_VERSION);
    await raw.put('assessments', OLD_START);
    raw.close();

    const store = new Store(await openDatabase(name));
    const [start] = await store.assessments();
    expect(start).toEqual({ ...OLD_START, scale: 5, scores: { information: 3.2, communication: 3.8, content: 2.4, safety: 3, problemSolving: 2.9 } });
  });

  it('are compared with a seven-point end only by saying the scales differ', async () => {
    const name = `upgrade-${++count}`;
    (await openDatabase(name)).close();
    const raw = await openDB(name, DB_VERSION);
    await raw.put('assessments', OLD_START);
    raw.close();
    const store = new Store(await openDatabase(name));
    await store.putAssessment({
      phase: 'end',
      takenAt: '2027-05-18',
      scale: 7,
      scores: { information: 4.6, communication: 5.2, content: 3.5, safety: 6.1, problemSolving: 4 },
      source: 'page',
      updatedAt: '2027-05-18T10:00:00.000Z',
    });
    const report = buildReport(undefined, [], await store.assessments(), [], new Set());
    expect(report.start?.scale).toBe(5);
    expect(report.end?.scale).toBe(7);
    expect(report.scalesDiffer).toBe(true);
  });

  it('leave a stored record that is no result at all out, instead of failing the whole list', async () => {
    const name = `upgrade-${++count}`;
    (await openDatabase(name)).close();
    const raw = await openDB(name, DB_VERSION);
    await raw.put('assessments', { ...OLD_START, scores: { Informationskompetens: 9 } });
    raw.close();
    expect(await new Store(await openDatabase(name)).assessments()).toEqual([]);
  });

  it('are read from a member file written before as 1–5 and averaged with the team’s other 1–5 results only', () => {
    const file = (memberId: string, selfAssessments: unknown[]) =>
      JSON.stringify({ kind: 'kurskompis/member', version: 1, memberId, displayName: memberId, updatedAt: '2026-11-20T10:00:00.000Z', selfAssessments });
    const old = parseMemberText(file('member-old-1', [{ phase: 'start', takenAt: '2026-09-02', scores: { Informationskompetens: 3, Kommunikation: 4 } }]));
    const now = parseMemberText(file('member-new-1', [{ phase: 'start', takenAt: '2026-09-03', scale: 7, scores: { information: 6, communication: 7 } }]));
    expect(old.ok && now.ok).toBe(true);
    if (!old.ok || !now.ok) return;
    expect(old.member.selfAssessments[0]).toEqual({ phase: 'start', takenAt: '2026-09-02', scale: 5, scores: { information: 3, communication: 4 } });
    expect(teamAssessment([old.member, now.member]).scales).toEqual([
      { scale: 7, start: { information: 6, communication: 7 }, end: {}, startCount: 1, endCount: 0 },
      { scale: 5, start: { information: 3, communication: 4 }, end: {}, startCount: 1, endCount: 0 },
    ]);
  });
});
