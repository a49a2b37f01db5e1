import { AREA_IDS, areaNamed, type AreaId } from '../model/competence-areas';
import type { Plan } from '../model/plan';
import type { ProgressRecord } from '../model/progress';
import { courseKey, type CourseKey } from '../site/course-key';
import { isCourseKey } from '../site/digiteket';
import { todayInSweden } from '../time/dates';

// "Mitt år": the courses a member finished this calendar year (Swedish time), per competence
// area, against the courses the plan holds for this year in that area.

export interface MyYearRow {
  /** Null: courses whose area neither the plan nor the course page named. */
  area: AreaId | null;
  /** The plan's courses of this year in the area. */
  planned: number;
  /** Of those, finished this year. */
  donePlanned: number;
  /** Finished this year in the area, outside the plan. */
  doneOther: number;
}

export interface MyYear {
  year: string;
  rows: MyYearRow[];
}

export function myYear(plan: Plan | undefined, progress: readonly ProgressRecord[], now: Date = new Date()): MyYear {
  const year = todayInSweden(now).slice(0, 4);
  // The periods that run some time in the year: one from December to January is in both.
  const plannedArea = new Map<CourseKey, AreaId | null>();
  for (const period of plan?.periods ?? []) {
    if (period.starts.slice(0, 4) > year || period.deadline.slice(0, 4) < year) continue;
    const area = (period.competenceArea && areaNamed(period.competenceArea)) || null;
    for (const item of period.items) {
      const key = courseKey(item.url);
      if (key && isCourseKey(key) && !plannedArea.has(key)) plannedArea.set(key, area);
    }
  }
  const rows = new Map<AreaId | null, MyYearRow>();
  const row = (area: AreaId | null) => {
    let found = rows.get(area);
    if (!found) rows.set(area, (found = { area, planned: 0, donePlanned: 0, doneOther: 0 }));
    return found;
  };
  for (const area of plannedArea.values()) row(area).planned += 1;
  for (const record of progress) {
    if (record.status !== 'done' || !record.completedAt || !isCourseKey(record.courseKey)) continue;
    if (todayInSweden(new Date(record.completedAt)).slice(0, 4) !== year) continue;
    if (plannedArea.has(record.courseKey)) {
      row(plannedArea.get(record.courseKey) ?? null).donePlanned += 1;
    } else {
      const area = (record.competenceArea && areaNamed(record.competenceArea)) || null;
      row(area).doneOther += 1;
    }
  }
  const order = (area: AreaId | null) => (area === null ? AREA_IDS.length : AREA_IDS.indexOf(area));
  return { year, rows: [...rows.values()].sort((a, b) => order(a.area) - order(b.area)) };
}
