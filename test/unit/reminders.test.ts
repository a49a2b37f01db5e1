import { describe, expect, it } from 'vitest';
import { planSchema, type Plan } from '../../lib/model/plan';
import { DEFAULT_REMINDERS, dueReminder, nextReminderCheck, workdayOnOrAfter, workdayOnOrBefore } from '../../lib/time/reminders';
import { fixturePlan } from '../support/fixtures';

// The fixture plan: November 2026 ends Monday 30 Nov with four required courses; sessions
// 1–3 Dec; December is a pause; January 2027 starts on a Friday and ends on Sunday 31 Jan.
const plan: Plan = planSchema.parse(fixturePlan());
const none = new Set<string>();
const at = (iso: string) => new Date(iso);
const due = (now: string, options: { done?: Set<string>; booked?: Set<string>; last?: string } = {}) =>
  dueReminder(plan, options.done ?? none, options.booked ?? none, DEFAULT_REMINDERS, options.last, at(now));

describe('reminders', () => {
  it('reminds 7 and 2 days before a deadline while required courses remain', () => {
    expect(due('2026-11-23T08:00:00Z')).toEqual({ kind: 'deadline', periodTitle: 'November: Skapa innehåll', deadline: '2026-11-30', remaining: 4 });
    expect(due('2026-11-28T08:00:00Z')).toBeNull(); // 2 days before is a Saturday: moved to Friday
    expect(due('2026-11-27T08:00:00Z')).toMatchObject({ kind: 'deadline', remaining: 4 });
    expect(due('2026-11-24T08:00:00Z')).toBeNull();
    const allDone = new Set(plan.periods[1]!.items.map((i) => i.url.replace('https://', '')));
    expect(due('2026-11-23T08:00:00Z', { done: allDone })).toBeNull();
  });

  it('moves reminder days off the weekend', () => {
    expect(workdayOnOrBefore('2026-11-28')).toBe('2026-11-27');
    expect(workdayOnOrBefore('2026-11-29')).toBe('2026-11-27');
    expect(workdayOnOrBefore('2026-11-30')).toBe('2026-11-30');
    expect(workdayOnOrAfter('2026-11-01')).toBe('2026-11-02');
    // January's deadline is Sunday 31 Jan: seven days before is Sunday 24 → Friday 22.
    expect(due('2027-01-22T08:00:00Z')).toMatchObject({ kind: 'deadline', deadline: '2027-01-31' });
  });

  it('says when a new period starts, not for a pause', () => {
    // 1 Nov 2026 is a Sunday: the reminder comes on Monday 2 Nov.
    expect(due('2026-11-01T09:00:00Z')).toBeNull();
    expect(due('2026-11-02T09:00:00Z')).toEqual({ kind: 'newPeriod', periodTitle: 'November: Skapa innehåll', deadline: '2026-11-30', required: 4 });
    expect(due('2026-12-01T09:00:00Z')).toBeNull();
  });

  it('reminds the day before a booked session, first of all', () => {
    const booked = new Set(['2026-11-s2']);
    expect(due('2026-12-01T09:00:00Z', { booked })).toMatchObject({ kind: 'session', starts: '2026-12-02T13:00:00+01:00', place: 'Konferensrummet' });
    expect(due('2026-11-30T09:00:00Z', { booked })).toBeNull();
  });

  it('never shows more than one a day', () => {
    expect(due('2026-11-23T08:00:00Z', { last: '2026-11-23' })).toBeNull();
    expect(due('2026-11-23T08:00:00Z', { last: '2026-11-22' })).not.toBeNull();
  });

  it('looks at 09.00 Swedish time, across the change to summer time', () => {
    expect(nextReminderCheck(at('2026-11-25T06:00:00Z')).toISOString()).toBe('2026-11-25T08:00:00.000Z');
    expect(nextReminderCheck(at('2026-11-25T09:00:00Z')).toISOString()).toBe('2026-11-26T08:00:00.000Z');
    // Summer time starts on 28 Mar 2027: 09.00 is 07:00 UTC from then on.
    expect(nextReminderCheck(at('2027-03-27T10:00:00Z')).toISOString()).toBe('2027-03-28T07:00:00.000Z');
  });
});
