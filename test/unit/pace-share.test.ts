import { afterEach, describe, expect, it } from 'vitest';
import { expectedDone, paceShare, paceStanding } from '../../lib/time/periods';

// November 2026: 1–30 Nov, 30 days. Instants are given in UTC; Swedish time is UTC+1.
const november = { starts: '2026-11-01', deadline: '2026-11-30' };
const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe.each(['Europe/Stockholm', 'UTC', 'America/Los_Angeles', 'Pacific/Kiritimati'])('pace share in time zone %s', (zone) => {
  it('is nothing before the start and everything from the deadline on', () => {
    process.env.TZ = zone;
    expect(paceShare(november, new Date('2026-10-20T12:00:00Z'))).toBe(0);
    // 31 Oct 23:30 Swedish time is still before the start.
    expect(paceShare(november, new Date('2026-10-31T22:30:00Z'))).toBe(0);
    expect(paceShare(november, new Date('2026-11-30T08:00:00Z'))).toBe(1);
    expect(paceShare(november, new Date('2026-12-15T08:00:00Z'))).toBe(1);
  });

  it('grows a day at a time, counting today as a day to work', () => {
    process.env.TZ = zone;
    expect(paceShare(november, new Date('2026-10-31T23:30:00Z'))).toBeCloseTo(1 / 30); // 1 Nov 00:30 in Sweden
    expect(paceShare(november, new Date('2026-11-15T12:00:00Z'))).toBeCloseTo(15 / 30);
    expect(paceShare(november, new Date('2026-11-29T22:59:00Z'))).toBeCloseTo(29 / 30); // 29 Nov 23:59
  });

  it('stretches to a personal deadline: not yet all due on the period’s own last day', () => {
    process.env.TZ = zone;
    // Deadline moved to 14 Dec: 44 days from 1 Nov.
    expect(paceShare(november, new Date('2026-11-30T12:00:00Z'), '2026-12-14')).toBeCloseTo(30 / 44);
    expect(paceShare(november, new Date('2026-12-10T12:00:00Z'), '2026-12-14')).toBeCloseTo(40 / 44);
    expect(paceShare(november, new Date('2026-12-14T12:00:00Z'), '2026-12-14')).toBe(1);
    expect(paceShare(november, new Date('2026-12-20T12:00:00Z'), '2026-12-14')).toBe(1);
  });
});

describe('expected courses done', () => {
  it('counts whole courses, never more than there are', () => {
    expect(expectedDone(4, 0)).toBe(0);
    expect(expectedDone(4, 15 / 30)).toBe(2);
    expect(expectedDone(4, 29 / 30)).toBe(3);
    expect(expectedDone(3, 1 / 3)).toBe(1);
    expect(expectedDone(4, 1)).toBe(4);
    expect(expectedDone(0, 0.5)).toBe(0);
  });

  it('compares what is done with the even pace', () => {
    expect(paceStanding({ done: 1, total: 4 }, 2)).toBe('behind');
    expect(paceStanding({ done: 2, total: 4 }, 2)).toBe('onPace');
    expect(paceStanding({ done: 3, total: 4 }, 2)).toBe('ahead');
    expect(paceStanding({ done: 4, total: 4 }, 4)).toBe('done');
    expect(paceStanding({ done: 0, total: 4 }, 0)).toBe('onPace');
  });
});
