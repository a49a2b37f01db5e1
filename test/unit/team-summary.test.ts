import { describe, expect, it } from 'vitest';
import type { MemberFile } from '../../lib/model/member';
import type { Period, Plan } from '../../lib/model/plan';
import { managementSummary, sharePercent, summaryCsv, type SummaryCsvWords } from '../../lib/team/summary';

const PODD = 'digiteket.se/kurs/skapa-en-podd/';
const FILMA = 'digiteket.se/kurs/filma-med-mobilen/';
const WIKI = 'digiteket.se/kurs/redigera-wikipedia/';
const KALLA = 'digiteket.se/kurs/kallkritik-pa-natet/';

const course = (key: string, title: string, optional?: boolean) => ({ url: `https://${key}`, title, kind: 'course' as const, ...(optional ? { optional } : {}) });

const october: Period = {
  id: 'okt',
  title: 'Oktober: Information',
  starts: '2026-10-01',
  deadline: '2026-10-30',
  items: [course(KALLA, 'Källkritik på nätet')],
  sessions: [{ id: 'okt-1', starts: '2026-11-02T09:00:00+01:00', ends: '2026-11-02T10:30:00+01:00', place: 'Rum 1' }],
};
const november: Period = {
  id: 'nov',
  title: 'November: Skapa innehåll',
  starts: '2026-11-01',
  deadline: '2026-11-30',
  items: [course(PODD, 'Skapa en podd'), course(FILMA, 'Filma med mobilen'), course(WIKI, 'Redigera Wikipedia', true)],
  sessions: [
    { id: 'nov-1', starts: '2026-11-25T13:00:00+01:00', ends: '2026-11-25T14:00:00+01:00', place: 'Rum 1' },
    { id: 'nov-2', starts: '2026-12-03T13:00:00+01:00', ends: '2026-12-03T14:00:00+01:00', place: 'Rum 1' },
  ],
};
const pause: Period = { id: 'dec', title: 'December: paus', starts: '2026-11-28', deadline: '2026-12-31', paused: true, items: [], sessions: [] };
const january: Period = { id: 'jan', title: 'Januari: Säkerhet', starts: '2027-01-01', deadline: '2027-01-31', items: [course(KALLA, 'Källkritik på nätet')], sessions: [] };

// Plan order differs from time order on purpose.
const plan: Plan = {
  kind: 'kurskompis/plan',
  version: 1,
  team: { id: 'team', name: 'Östersunds bibliotek' },
  updatedAt: '2026-11-01T10:00:00Z',
  periods: [january, november, pause, october],
};

const at = '2026-11-20T10:00:00Z';
const done = (courseKey: string) => ({ courseKey, status: 'done' as const, updatedAt: at });
const rate = (courseKey: string, usefulness: number, periodId = 'nov') => ({ courseKey, periodId, usefulness, comment: 'Hemlig kommentar', showName: true, updatedAt: at });

function member(name: string, extra: Partial<MemberFile> = {}): MemberFile {
  return { kind: 'kurskompis/member', version: 1, memberId: `member-${name}`, displayName: name, updatedAt: at, progress: [], sharedNotes: [], signups: [], selfAssessments: [], ...extra };
}

const members = [
  member('Ada', { progress: [done(PODD), done(FILMA), done(KALLA)], signups: [{ sessionId: 'nov-1', updatedAt: at }, { sessionId: 'okt-1', updatedAt: at }], evaluations: [rate(PODD, 5), rate(FILMA, 2)] }),
  member('Bo', { progress: [done(PODD)], signups: [{ sessionId: 'nov-2', updatedAt: at, cancelled: true }], evaluations: [rate(PODD, 4), rate(FILMA, 3)] }),
  member('Cy', { progress: [done(PODD), done(FILMA)], signups: [{ sessionId: 'nov-2', updatedAt: at }] }),
];

// 1 December, 08.30 Swedish time: November's first session is over, its second is not.
const now = new Date('2026-12-01T08:30:00+01:00');

describe('managementSummary', () => {
  it('shows the periods started by now in time order, a paused one marked and not counted, one not yet started not at all', () => {
    const summary = managementSummary(plan, members, now);
    expect(summary.team).toBe('Östersunds bibliotek');
    expect(summary.today).toBe('2026-12-01');
    expect(summary.periods.map((p) => p.id)).toEqual(['okt', 'nov', 'dec']);
    expect(summary.periods[2]).toEqual({ id: 'dec', title: 'December: paus', starts: '2026-11-28', deadline: '2026-12-31' });
  });

  it('counts who finished every required course, the discussions held by now and who signed up', () => {
    const nov = managementSummary(plan, members, now).periods.find((p) => p.id === 'nov')?.figures;
    expect(nov).toMatchObject({ members: 3, requiredTotal: 2, finished: 2, finishedPercent: 67, sessions: 2, held: 1, signedUp: 2 });
    const okt = managementSummary(plan, members, now).periods.find((p) => p.id === 'okt')?.figures;
    expect(okt).toMatchObject({ finished: 1, finishedPercent: 33, held: 1, signedUp: 1 });
  });

  it('takes the clock it is given: a period that starts tomorrow is left out, in any time zone', () => {
    const evening = new Date('2026-10-31T22:30:00Z'); // 31 Oct 23.30 in Sweden
    expect(managementSummary(plan, members, evening).periods.map((p) => p.id)).toEqual(['okt']);
    expect(managementSummary(plan, members, new Date('2026-10-31T23:30:00Z')).periods.map((p) => p.id)).toEqual(['okt', 'nov']);
  });

  it('names the most and least useful courses by mean usefulness, and never a member or a comment', () => {
    const summary = managementSummary(plan, members, now);
    const nov = summary.periods.find((p) => p.id === 'nov')?.figures;
    expect(nov?.evaluation).toEqual({
      kind: 'ranked',
      answers: 4,
      top: [{ title: 'Skapa en podd', usefulness: 4.5, answers: 2 }],
      bottom: [{ title: 'Filma med mobilen', usefulness: 2.5, answers: 2 }],
    });
    const text = JSON.stringify(summary);
    for (const secret of ['Ada', 'Bo"', 'Cy', 'member-', 'Hemlig']) expect(text).not.toContain(secret);
  });

  it('says when too few courses had answers, and when all had the same mean', () => {
    const one = [member('Ada', { evaluations: [rate(PODD, 5)] })];
    expect(managementSummary(plan, one, now).periods.find((p) => p.id === 'nov')?.figures?.evaluation).toEqual({ kind: 'tooFew', answers: 1 });
    expect(managementSummary(plan, one, now).periods.find((p) => p.id === 'okt')?.figures?.evaluation).toEqual({ kind: 'tooFew', answers: 0 });
    const even = [member('Ada', { evaluations: [rate(PODD, 4), rate(FILMA, 4)] })];
    expect(managementSummary(plan, even, now).periods.find((p) => p.id === 'nov')?.figures?.evaluation).toEqual({ kind: 'even', answers: 2, usefulness: 4 });
  });

  it('lets tied courses share the top or the bottom, in plan order', () => {
    const tiedPeriod: Period = { ...november, items: [...november.items, course('digiteket.se/kurs/ljud/', 'Ljud')] };
    const tiedPlan: Plan = { ...plan, periods: [tiedPeriod] };
    const raters = [member('Ada', { evaluations: [rate(PODD, 5), rate(FILMA, 2), rate(WIKI, 5), rate('digiteket.se/kurs/ljud/', 2)] })];
    const evaluation = managementSummary(tiedPlan, raters, now).periods[0]?.figures?.evaluation;
    expect(evaluation).toMatchObject({ kind: 'ranked' });
    if (evaluation?.kind !== 'ranked') return;
    expect(evaluation.top.map((c) => c.title)).toEqual(['Skapa en podd', 'Redigera Wikipedia']);
    expect(evaluation.bottom.map((c) => c.title)).toEqual(['Filma med mobilen', 'Ljud']);
  });

  it('averages the self-assessment start against end for the whole plan, per scale', () => {
    const scores = (v: number) => ({ information: v, communication: v, content: v, safety: v, problemSolving: v });
    const assessed = [
      member('Ada', { selfAssessments: [{ phase: 'start', takenAt: '2026-09-01', scale: 7, scores: scores(3) }, { phase: 'end', takenAt: '2026-11-30', scale: 7, scores: scores(5) }] }),
      member('Bo', { selfAssessments: [{ phase: 'start', takenAt: '2026-09-01', scale: 7, scores: scores(4) }] }),
      member('Cy', { selfAssessments: [{ phase: 'start', takenAt: '2026-09-01', scale: 5, scores: scores(2) }] }),
    ];
    const { assessment } = managementSummary(plan, assessed, now);
    expect(assessment.scales.map((s) => [s.scale, s.start['content'], s.end['content'], s.startCount, s.endCount])).toEqual([
      [7, 3.5, 5, 2, 1],
      [5, 2, undefined, 1, 0],
    ]);
  });

  it('has no share for a period without members or without required courses', () => {
    expect(managementSummary(plan, [], now).periods.find((p) => p.id === 'nov')?.figures?.finishedPercent).toBeNull();
    const optionalOnly: Plan = { ...plan, periods: [{ ...november, items: [course(WIKI, 'Redigera Wikipedia', true)] }] };
    expect(managementSummary(optionalOnly, members, now).periods[0]?.figures).toMatchObject({ requiredTotal: 0, finished: 0, finishedPercent: null });
  });
});

describe('sharePercent', () => {
  it('rounds to whole percent, but never to 100 while someone is left or to 0 once someone finished', () => {
    expect(sharePercent(1, 3)).toBe(33);
    expect(sharePercent(2, 3)).toBe(67);
    expect(sharePercent(1, 8)).toBe(13);
    expect(sharePercent(199, 200)).toBe(99);
    expect(sharePercent(1, 400)).toBe(1);
    expect(sharePercent(0, 40)).toBe(0);
    expect(sharePercent(40, 40)).toBe(100);
    expect(sharePercent(0, 0)).toBeNull();
  });
});

describe('summaryCsv', () => {
  const words: SummaryCsvWords = {
    period: 'Period', starts: 'Start', deadline: 'Klart senast', paused: 'Paus', members: 'Medlemmar', finished: 'Klara', finishedPercent: 'Klara (%)',
    held: 'Hållna', sessions: 'Tillfällen', signedUp: 'Anmälda', top: 'Mest användbar', bottom: 'Minst användbar', tooFew: 'För få svar', even: 'Lika',
    area: 'Område', scale: 'Skala', start: 'Början', end: 'Slutet', areaName: (id) => id, decimal: (v) => v.toFixed(1).replace('.', ','),
  };

  it('gives Excel one line per period, the paused one marked, then the self-assessment, without names', () => {
    const assessed = [...members, member('Di', { selfAssessments: [{ phase: 'start', takenAt: '2026-09-01', scale: 7, scores: { information: 3, communication: 3, content: 3, safety: 3, problemSolving: 3 } }] })];
    const csv = summaryCsv(managementSummary(plan, assessed, now), words);
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('Period;Start;Klart senast;Paus;Medlemmar;Klara;Klara (%);Hållna;Tillfällen;Anmälda;Mest användbar;Minst användbar');
    expect(lines[2]).toBe('November: Skapa innehåll;2026-11-01;2026-11-30;;4;2;50;1;2;2;Skapa en podd (4,5);Filma med mobilen (2,5)');
    expect(lines[3]).toBe('December: paus;2026-11-28;2026-12-31;Paus');
    expect(lines).toContain('information;1–7;3,0;');
    expect(csv).not.toMatch(/Ada|Cy|Di;|Hemlig/);
  });
});
