import { afterEach, describe, expect, it } from 'vitest';
import { doneByMonth } from '../../lib/domain/done-by-month';
import type { ProgressRecord } from '../../lib/model/progress';
import { formatMonthYear, formatShortMonth } from '../../lib/time/dates';

const done = (slug: string, completedAt: string): ProgressRecord => ({ courseKey: `digiteket.se/kurs/${slug}/`, status: 'done', completedAt, updatedAt: completedAt });
const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe.each(['Europe/Stockholm', 'UTC', 'America/Los_Angeles'])('courses done per month in time zone %s', (zone) => {
  it('gives the twelve months up to this one, empty months included', () => {
    process.env.TZ = zone;
    const result = doneByMonth(
      [done('a', '2026-11-03T09:00:00Z'), done('b', '2026-11-20T09:00:00Z'), done('c', '2026-02-14T09:00:00Z'), done('d', '2025-12-01T09:00:00Z')],
      new Date('2026-11-25T10:00:00Z'),
    );
    expect(result.months.map((m) => m.month)).toEqual([
      '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11',
    ]);
    expect(result.months.map((m) => m.count)).toEqual([1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 2]);
    expect(result.most).toBe(2);
    expect(result.total).toBe(4);
  });

  it('counts a course in the month it was finished in Sweden, and this month from Swedish time', () => {
    process.env.TZ = zone;
    // 23:30 UTC on 31 Oct is 1 Nov in Sweden.
    const result = doneByMonth([done('a', '2026-10-31T23:30:00Z'), done('b', '2026-10-31T22:30:00Z')], new Date('2026-11-30T23:30:00Z'));
    // …and 30 Nov 23:30 UTC is already December there: the window runs January to December 2026.
    expect(result.months[0]?.month).toBe('2026-01');
    expect(result.months.at(-1)?.month).toBe('2026-12');
    expect(result.months.find((m) => m.month === '2026-11')?.count).toBe(1);
    expect(result.months.find((m) => m.month === '2026-10')?.count).toBe(1);
  });
});

describe('what the timeline leaves out', () => {
  it('counts only finished Digiteket courses within the window', () => {
    const now = new Date('2026-11-25T10:00:00Z');
    const result = doneByMonth(
      [
        done('old', '2025-11-20T09:00:00Z'), // thirteen months ago
        { ...done('y', '2026-11-02T09:00:00Z'), courseKey: 'digiteket.se/inspirationsartikel/ostersundsmodellen/' }, // an article, not a course
        { courseKey: 'digiteket.se/kurs/started/', status: 'started', updatedAt: '2026-11-02T09:00:00Z' },
        { courseKey: 'digiteket.se/kurs/undated/', status: 'done', updatedAt: '2026-11-02T09:00:00Z' },
        { ...done('x', '2026-11-02T09:00:00Z'), courseKey: 'digiteket.se.example.com/kurs/x/' },
      ],
      now,
    );
    expect(result.total).toBe(0);
    expect(result.most).toBe(0);
    expect(result.months).toHaveLength(12);
  });
});

describe('month names', () => {
  it('writes months the Swedish way, and the English way in English', () => {
    expect(formatShortMonth('2026-11', 'sv-SE')).toBe('nov');
    expect(formatShortMonth('2026-05', 'sv-SE')).toBe('maj');
    expect(formatMonthYear('2026-11', 'sv-SE')).toBe('november 2026');
    expect(formatShortMonth('2026-11', 'en-GB')).toBe('Nov');
    expect(formatMonthYear('2026-11', 'en-GB')).toBe('November 2026');
  });
});
