import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../lib/model/plan-parse';
import { fixturePlan } from '../support/fixtures';

const good = fixturePlan() as Record<string, unknown> & { periods: Array<Record<string, unknown>> };
const text = (value: unknown) => JSON.stringify(value);
const withPeriod = (index: number, change: Record<string, unknown>) => ({
  ...good,
  periods: good.periods.map((p, i) => (i === index ? { ...p, ...change } : p)),
});

function problemsOf(input: string) {
  const result = parsePlanText(input);
  if (result.ok) throw new Error('expected the plan to be refused');
  return result.problems;
}

describe('plan validation', () => {
  it('accepts the real-sized fixture plan', () => {
    const result = parsePlanText(text(good));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.plan.periods.map((p) => p.id)).toEqual(['2026-10', '2026-11', '2026-12', '2027-01']);
  });

  it('accepts a file with a byte-order mark', () => {
    expect(parsePlanText(`\uFEFF${text(good)}`).ok).toBe(true);
  });

  it('refuses text that is not JSON', () => {
    expect(problemsOf('{"kind": "kurskompis/plan",')).toEqual([{ path: '', reason: 'notJson' }]);
    expect(problemsOf('<!doctype html><title>Logga in</title>')).toEqual([{ path: '', reason: 'notJson' }]);
  });

  it('refuses another kind of document and a newer version', () => {
    expect(problemsOf(text({ ...good, kind: 'kurskompis/member' }))).toEqual([{ path: 'kind', reason: 'wrongKind' }]);
    expect(problemsOf(text([1, 2]))).toEqual([{ path: '', reason: 'wrongKind' }]);
    expect(problemsOf(text({ ...good, version: 2 }))).toEqual([{ path: 'version', reason: 'newerVersion' }]);
  });

  it('names impossible dates with their period', () => {
    expect(problemsOf(text(withPeriod(1, { deadline: '2026-11-31' })))).toEqual([
      { path: 'periods[1].deadline', period: { number: 2, title: 'November: Skapa innehåll' }, reason: 'date' },
    ]);
    expect(problemsOf(text(withPeriod(0, { starts: '1 okt' })))[0]).toMatchObject({ path: 'periods[0].starts', reason: 'date' });
  });

  it('refuses a deadline before the start', () => {
    expect(problemsOf(text(withPeriod(2, { starts: '2026-12-10', deadline: '2026-12-01' })))).toEqual([
      { path: 'periods[2].deadline', period: { number: 3, title: 'December: paus för förlagsdagar' }, reason: 'deadlineBeforeStart' },
    ]);
  });

  it('refuses duplicate period ids, even beside other problems', () => {
    const dup = { ...good, periods: [...good.periods, { ...good.periods[0], deadline: 'x' }] };
    const problems = problemsOf(text(dup));
    expect(problems.map((p) => [p.path, p.reason])).toEqual([
      ['periods[4].deadline', 'date'],
      ['periods[4].id', 'duplicatePeriod'],
    ]);
    const clean = { ...good, periods: [...good.periods, good.periods[0]] };
    expect(problemsOf(text(clean)).map((p) => p.reason)).toEqual(['duplicatePeriod']);
  });

  it.each([
    ['javascript:alert(1)'],
    ['http://digiteket.se/kurs/skapa-en-podd/'],
    ['data:text/html,hej'],
    ['https://example.com/kurs/skapa-en-podd/'],
    ['/kurs/skapa-en-podd/'],
  ])('refuses the item URL %s', (url) => {
    const plan = withPeriod(1, { items: [{ url, title: 'X', kind: 'course' }] });
    expect(problemsOf(text(plan))).toEqual([
      { path: 'periods[1].items[0].url', period: { number: 2, title: 'November: Skapa innehåll' }, reason: 'itemUrl' },
    ]);
  });

  it('refuses a plan over 1 MB before reading it', () => {
    expect(problemsOf(text({ ...good, note: 'x'.repeat(1_000_001) }))).toEqual([{ path: '', reason: 'tooLarge' }]);
  });

  it('refuses a session that ends before it starts and missing fields', () => {
    const sessions = [{ id: 's', starts: '2026-12-01T10:00:00+01:00', ends: '2026-12-01T09:00:00+01:00', place: 'Rum' }];
    expect(problemsOf(text(withPeriod(1, { sessions })))[0]).toMatchObject({ path: 'periods[1].sessions[0].ends', reason: 'sessionEnd' });
    const { team: _team, ...noTeam } = good;
    expect(problemsOf(text(noTeam))).toEqual([{ path: 'team', reason: 'missing' }]);
    expect(problemsOf(text(withPeriod(0, { title: 42 })))[0]).toMatchObject({ path: 'periods[0].title', reason: 'wrongType' });
    // A session without an end time, a period without a deadline: named, not guessed at.
    const open = [{ id: 's', starts: '2026-12-01T10:00:00+01:00', place: 'Rum' }];
    expect(problemsOf(text(withPeriod(1, { sessions: open })))[0]).toMatchObject({ path: 'periods[1].sessions[0].ends', reason: 'missing' });
    const { deadline: _deadline, ...noDeadline } = good.periods[1] as Record<string, unknown>;
    expect(problemsOf(text({ ...good, periods: good.periods.map((p, i) => (i === 1 ? noDeadline : p)) }))[0]).toMatchObject({
      path: 'periods[1].deadline',
      reason: 'missing',
    });
    expect(problemsOf(text({ ...good, periods: [] }))).toEqual([{ path: 'periods', reason: 'noPeriods' }]);
  });

  it('refuses the same course twice in a period, however its address is written', () => {
    const items = [
      { url: 'https://digiteket.se/kurs/skapa-en-podd/', title: 'Skapa en podd', kind: 'course' },
      { url: 'https://www.digiteket.se/kurs/Skapa-en-podd?utm_source=x', title: 'Skapa en podd igen', kind: 'course' },
    ];
    expect(problemsOf(text(withPeriod(1, { items })))).toEqual([
      { path: 'periods[1].items[1].url', period: { number: 2, title: 'November: Skapa innehåll' }, reason: 'duplicateItem' },
    ]);
  });

  it('refuses a session far from its period, and accepts one in the days after the deadline', () => {
    const session = (starts: string, ends: string) => [{ id: 's', starts, ends, place: 'Rum' }];
    expect(problemsOf(text(withPeriod(1, { sessions: session('2062-12-01T10:00:00+01:00', '2062-12-01T11:00:00+01:00') })))).toEqual([
      { path: 'periods[1].sessions[0].starts', period: { number: 2, title: 'November: Skapa innehåll' }, reason: 'sessionOutsidePeriod' },
    ]);
    // 23.30 UTC on 31 Oct is already 1 Nov in Sweden: inside the November period.
    expect(parsePlanText(text(withPeriod(1, { sessions: session('2026-10-31T23:30:00Z', '2026-11-01T01:00:00Z') }))).ok).toBe(true);
    expect(problemsOf(text(withPeriod(1, { sessions: session('2026-10-31T22:30:00Z', '2026-10-31T23:00:00Z') })))[0]).toMatchObject({
      reason: 'sessionOutsidePeriod',
    });
    expect(parsePlanText(text(withPeriod(1, { sessions: session('2027-01-14T10:00:00+01:00', '2027-01-14T11:00:00+01:00') }))).ok).toBe(true);
  });

  it('keeps titles with markup as plain strings', () => {
    const result = parsePlanText(text(withPeriod(1, { title: '<b>November</b>' })));
    expect(result.ok && result.plan.periods[1]?.title).toBe('<b>November</b>');
  });
});
