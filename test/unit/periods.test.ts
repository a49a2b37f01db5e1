import { afterEach, describe, expect, it } from 'vitest';
import { daysBetween, formatDayMonth, isoWeek, lastWeekdayOfMonth, todayInSweden } from '../../lib/time/dates';
import { planSchema, type Plan } from '../../lib/model/plan';
import { currentPeriod, daysLeft, discussionPeriod, nextSession, openSessionGroups, paceNeeded, planMoment, requiredLeft } from '../../lib/time/periods';
import { fixturePlan } from '../support/fixtures';

const plan: Plan = planSchema.parse(fixturePlan());
const ZONES = ['Europe/Stockholm', 'UTC', 'America/Los_Angeles', 'Pacific/Kiritimati'];
const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe.each(ZONES)('in time zone %s', (zone) => {
  it('takes today from Swedish time', () => {
    process.env.TZ = zone;
    // 23:30 UTC on 30 Nov is already 1 Dec in Sweden.
    expect(todayInSweden(new Date('2026-11-30T23:30:00Z'))).toBe('2026-12-01');
    expect(todayInSweden(new Date('2026-11-30T22:59:59Z'))).toBe('2026-11-30');
  });

  it('runs a period from the start of its first day to the end of its deadline', () => {
    process.env.TZ = zone;
    expect(planMoment(plan, new Date('2026-10-31T22:59:00Z'))).toMatchObject({ kind: 'between' });
    expect(planMoment(plan, new Date('2026-10-31T23:00:00Z'))).toMatchObject({ kind: 'active', period: { id: '2026-11' } });
    expect(planMoment(plan, new Date('2026-11-30T22:59:00Z'))).toMatchObject({ kind: 'active', period: { id: '2026-11' } });
    expect(planMoment(plan, new Date('2026-11-30T23:00:00Z'))).toMatchObject({ kind: 'paused', period: { id: '2026-12' }, next: { id: '2027-01' } });
  });

  it('counts days across the change to winter time', () => {
    process.env.TZ = zone;
    // Summer time ends in Sweden at 03:00 on 25 Oct 2026; the October deadline is 30 Oct.
    const beforeChange = new Date('2026-10-24T22:30:00Z'); // 25 Oct 00:30 CEST
    const afterChange = new Date('2026-10-25T23:30:00Z'); // 26 Oct 00:30 CET
    expect(daysLeft('2026-10-30', beforeChange)).toBe(5);
    expect(daysLeft('2026-10-30', afterChange)).toBe(4);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
  });
});

describe('between periods and at the ends of a plan', () => {
  it('says when the next period starts in the gap between two periods', () => {
    expect(planMoment(plan, new Date('2026-10-31T10:00:00Z'))).toMatchObject({
      kind: 'between',
      previous: { id: '2026-10' },
      next: { id: '2026-11' },
    });
  });
  it('is before the plan, then after it', () => {
    expect(planMoment(plan, new Date('2026-09-15T10:00:00Z'))).toMatchObject({ kind: 'before', next: { id: '2026-10' } });
    expect(planMoment(plan, new Date('2027-02-02T10:00:00Z'))).toMatchObject({ kind: 'after', previous: { id: '2027-01' } });
  });
  it('has no required courses left in a pause', () => {
    expect(requiredLeft(plan, new Map(), new Date('2026-12-10T10:00:00Z'))).toBe(0);
    expect(requiredLeft(plan, new Map(), new Date('2026-11-10T10:00:00Z'))).toBe(4);
  });
});

describe('pace', () => {
  const at = (iso: string) => new Date(iso);
  it('asks for about a course a week with four weeks and four courses left', () => {
    expect(paceNeeded(4, '2026-11-30', at('2026-11-03T09:00:00Z'))).toEqual({ kind: 'perWeek', count: 1 });
  });
  it('rounds up: five courses in three weeks is about two a week', () => {
    expect(paceNeeded(5, '2026-11-30', at('2026-11-10T09:00:00Z'))).toEqual({ kind: 'perWeek', count: 2 });
  });
  it('counts in days in the last week, and today on the last day', () => {
    expect(paceNeeded(3, '2026-11-30', at('2026-11-26T09:00:00Z'))).toEqual({ kind: 'inDays', remaining: 3, days: 5 });
    expect(paceNeeded(2, '2026-11-30', at('2026-11-30T20:00:00Z'))).toEqual({ kind: 'inDays', remaining: 2, days: 1 });
  });
  it('is done with nothing left and overdue after the deadline', () => {
    expect(paceNeeded(0, '2026-11-30', at('2026-11-10T09:00:00Z'))).toEqual({ kind: 'done' });
    expect(paceNeeded(2, '2026-11-30', at('2026-12-01T09:00:00Z'))).toEqual({ kind: 'overdue', remaining: 2 });
  });
});

describe('calendar helpers', () => {
  it('formats dates the Swedish way', () => {
    expect(formatDayMonth('2026-12-01', 'sv-SE')).toBe('1 dec');
    expect(formatDayMonth('2026-03-05', 'sv-SE')).toBe('5 mars');
    expect(formatDayMonth('2026-12-01', 'en-GB')).toBe('1 Dec');
  });
  it('numbers weeks by ISO 8601', () => {
    expect(isoWeek('2026-12-01')).toBe(49);
    expect(isoWeek('2027-01-01')).toBe(53);
    expect(isoWeek('2026-01-01')).toBe(1);
  });
  it('finds the last weekday of a month', () => {
    expect(lastWeekdayOfMonth('2026-05-10')).toBe('2026-05-29'); // 30–31 May are a weekend
    expect(lastWeekdayOfMonth('2026-11-02')).toBe('2026-11-30');
  });
  it('picks the next discussion session that has not ended', () => {
    const november = plan.periods[1]!;
    expect(nextSession(november, new Date('2026-11-20T10:00:00Z'))?.id).toBe('2026-11-s1');
    expect(nextSession(november, new Date('2026-12-01T10:00:00Z'))?.id).toBe('2026-11-s2');
    expect(nextSession(november, new Date('2026-12-04T10:00:00Z'))).toBeUndefined();
  });
});

// In the first days of a month the previous period's discussions are still ahead while the new
// period's courses already run: staff see both, the coordinator's focus is the discussion.
describe.each(ZONES)('which period is in focus, in time zone %s', (zone) => {
  const at = (iso: string) => {
    process.env.TZ = zone;
    return new Date(iso);
  };
  const groups = (iso: string) => openSessionGroups(plan, at(iso)).map((g) => [g.period.id, g.sessions.map((s) => s.id)]);

  it('on 2 November before October’s session: October’s discussion first, then November’s', () => {
    expect(groups('2026-11-02T07:10:00Z')).toEqual([
      ['2026-10', ['2026-10-s1']],
      ['2026-11', ['2026-11-s1', '2026-11-s2', '2026-11-s3']],
    ]);
    expect(currentPeriod(plan, at('2026-11-02T07:10:00Z'))?.id).toBe('2026-11');
    expect(discussionPeriod(plan, at('2026-11-02T07:10:00Z'))?.id).toBe('2026-10');
  });

  it('once October’s session has ended, November’s discussion is in focus', () => {
    // 10.30 Swedish time on 2 November is 09.30 UTC.
    expect(discussionPeriod(plan, at('2026-11-02T09:29:00Z'))?.id).toBe('2026-10');
    expect(discussionPeriod(plan, at('2026-11-02T09:30:00Z'))?.id).toBe('2026-11');
    expect(groups('2026-11-20T10:00:00Z')).toEqual([['2026-11', ['2026-11-s1', '2026-11-s2', '2026-11-s3']]]);
  });

  it('on 1 December, in December’s pause, the coordinator prepares November’s discussion', () => {
    // 1 December 07.10 Swedish time: a minute past midnight UTC would still be 30 November.
    expect(discussionPeriod(plan, at('2026-12-01T06:10:00Z'))?.id).toBe('2026-11');
    expect(groups('2026-12-01T06:10:00Z')).toEqual([['2026-11', ['2026-11-s1', '2026-11-s2', '2026-11-s3']]]);
  });

  it('with no discussion ahead: the running period, else the latest one that had courses', () => {
    expect(discussionPeriod(plan, at('2026-12-15T10:00:00Z'))?.id).toBe('2026-11');
    expect(discussionPeriod(plan, at('2027-01-10T10:00:00Z'))?.id).toBe('2027-01');
    expect(discussionPeriod(plan, at('2026-08-10T10:00:00Z'))?.id).toBe('2026-10');
    expect(openSessionGroups(plan, at('2026-08-10T10:00:00Z'))).toEqual([]);
  });
});

