import { describe, expect, it } from 'vitest';
import { nextMorning, nextRoutineSync } from '../../lib/time/sync-schedule';

// The quiet member's day: the waits double, the morning look always comes. Run in the time
// zones the suite runs in; the morning is Swedish whatever the browser's zone.

const at = (iso: string) => new Date(iso);
const minutesAfter = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 60_000;

describe('the routine look at the team folder', () => {
  it('doubles the wait after each quiet look, from 15 minutes to 8 hours', () => {
    const noon = at('2026-11-18T12:00:00+01:00');
    expect([0, 1, 2, 3, 4].map((quiet) => minutesAfter(noon, nextRoutineSync(quiet, noon)))).toEqual([15, 30, 60, 120, 240]);
    // 8 hours from noon would pass the morning only from 22.30 on.
    const morningLook = at('2026-11-18T09:00:00+01:00');
    expect(minutesAfter(morningLook, nextRoutineSync(5, morningLook))).toBe(480);
    expect(minutesAfter(morningLook, nextRoutineSync(50, morningLook))).toBe(480);
  });

  it('never waits past the next morning at 06.30 Swedish time', () => {
    const evening = at('2026-11-18T23:00:00+01:00');
    expect(nextRoutineSync(6, evening).toISOString()).toBe('2026-11-19T05:30:00.000Z');
    // Summer time: 06.30 is 04.30 UTC.
    expect(nextRoutineSync(6, at('2026-06-10T23:00:00+02:00')).toISOString()).toBe('2026-06-11T04:30:00.000Z');
    // In the small hours the morning is the same day's.
    expect(nextMorning(at('2026-11-19T03:00:00+01:00')).toISOString()).toBe('2026-11-19T05:30:00.000Z');
    expect(nextMorning(at('2026-11-19T06:30:00+01:00')).toISOString()).toBe('2026-11-20T05:30:00.000Z');
  });

  it('keeps a quiet member to a handful of looks a day', () => {
    let now = at('2026-11-18T08:00:00+01:00');
    const end = at('2026-11-19T08:00:00+01:00');
    let looks = 0;
    for (let quiet = 0; now < end; quiet += 1) {
      now = nextRoutineSync(quiet, now);
      looks += 1;
    }
    expect(looks).toBeLessThanOrEqual(8);
  });
});
