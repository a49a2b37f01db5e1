import { areaNamed, type AreaId } from '../model/competence-areas';
import type { CatalogueEntry } from '../model/catalogue';
import type { MemberFile } from '../model/member';
import type { Period, Plan } from '../model/plan';
import { courseKey, type CourseKey } from '../site/course-key';
import { isCourseKey } from '../site/digiteket';
import { todayInSweden } from '../time/dates';

// The year's coverage: every course Kurskompis knows (the catalogue learned from course lists,
// and the plan's own courses) against the plan of this calendar year, in Swedish time.

export interface CoverageRow {
  key: CourseKey;
  title: string;
  area?: AreaId;
  /** The periods of this year that hold the course; empty when it is not planned. */
  periods: Array<{ id: string; title: string }>;
  /** Members whose file says the course is done; null without member files. */
  doneBy: number | null;
  /** The day it was first seen, when that was after the plan last changed and the plan does not hold it. */
  newSince?: string;
}

export interface Coverage {
  rows: CoverageRow[];
  planned: number;
  total: number;
  year: string;
}

/** The periods that run some time in the year: one from December to January is in both. */
export function periodsOfYear(plan: Plan | undefined, year: string): Period[] {
  return (plan?.periods ?? []).filter((p) => p.starts.slice(0, 4) <= year && p.deadline.slice(0, 4) >= year);
}

export function coverage(
  plan: Plan | undefined,
  catalogue: readonly CatalogueEntry[],
  members: readonly MemberFile[] | null,
  now: Date = new Date(),
): Coverage {
  const year = todayInSweden(now).slice(0, 4);
  const rows = new Map<CourseKey, CoverageRow>();
  const changedAt = plan ? Date.parse(plan.updatedAt) : Number.NaN;
  for (const entry of catalogue) {
    if (!isCourseKey(entry.key)) continue;
    const area = entry.area ? areaNamed(entry.area) : undefined;
    const isNew = Number.isFinite(changedAt) && Date.parse(entry.firstSeen) > changedAt;
    rows.set(entry.key, {
      key: entry.key,
      title: entry.title,
      ...(area ? { area } : {}),
      periods: [],
      doneBy: null,
      ...(isNew ? { newSince: todayInSweden(new Date(entry.firstSeen)) } : {}),
    });
  }
  const thisYear = new Set(periodsOfYear(plan, year).map((p) => p.id));
  for (const period of plan?.periods ?? []) {
    const periodArea = period.competenceArea ? areaNamed(period.competenceArea) : undefined;
    for (const item of period.items) {
      const key = courseKey(item.url);
      if (!key || !isCourseKey(key)) continue;
      const row = rows.get(key) ?? { key, title: item.title, periods: [], doneBy: null };
      if (!row.area && periodArea) row.area = periodArea;
      // What the plan already holds is no news to the planner, whenever the lists showed it.
      delete row.newSince;
      if (thisYear.has(period.id) && !row.periods.some((p) => p.id === period.id)) row.periods.push({ id: period.id, title: period.title });
      rows.set(key, row);
    }
  }
  if (members) {
    for (const row of rows.values()) row.doneBy = 0;
    for (const member of members) {
      const done = new Set(member.progress.filter((p) => p.status === 'done').map((p) => p.courseKey));
      for (const key of done) {
        const row = rows.get(key);
        if (row) row.doneBy = (row.doneBy ?? 0) + 1;
      }
    }
  }
  const sorted = [...rows.values()].sort((a, b) => a.title.localeCompare(b.title, 'sv'));
  return { rows: sorted, planned: sorted.filter((r) => r.periods.length > 0).length, total: sorted.length, year };
}
