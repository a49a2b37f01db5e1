import type { ProgressRecord } from '../model/progress';
import { isCourseKey as isDigiteketKey } from '../site/course-key';
import { isCourseKey } from '../site/digiteket';
import { addMonths, todayInSweden } from '../time/dates';

// Courses finished per calendar month (Swedish time) for the report's timeline: the twelve
// months up to and including this one, empty months too, so a quiet spell shows as a gap
// rather than disappearing. Pure: the clock comes in as `now`.

export interface MonthCount {
  /** YYYY-MM */
  month: string;
  count: number;
}

export interface DoneByMonth {
  months: MonthCount[];
  /** The largest month's count: the height the chart scales to. */
  most: number;
  /** Finished within the months shown. */
  total: number;
}

export const TIMELINE_MONTHS = 12;

export function doneByMonth(progress: Iterable<ProgressRecord>, now: Date = new Date(), months: number = TIMELINE_MONTHS): DoneByMonth {
  const thisMonth = todayInSweden(now).slice(0, 7);
  const first = addMonths(`${thisMonth}-01`, -(months - 1)).slice(0, 7);
  const counts = new Map<string, number>();
  for (let i = 0; i < months; i += 1) counts.set(addMonths(`${first}-01`, i).slice(0, 7), 0);
  for (const record of progress) {
    if (record.status !== 'done' || !record.completedAt || !isDigiteketKey(record.courseKey) || !isCourseKey(record.courseKey)) continue;
    const at = new Date(record.completedAt);
    if (Number.isNaN(at.getTime())) continue;
    const month = todayInSweden(at).slice(0, 7);
    const count = counts.get(month);
    if (count !== undefined) counts.set(month, count + 1);
  }
  const list = [...counts].map(([month, count]) => ({ month, count }));
  return { months: list, most: Math.max(0, ...list.map((m) => m.count)), total: list.reduce((sum, m) => sum + m.count, 0) };
}
