import { courseKey, type CourseKey } from '../site/course-key';
import { todayInSweden } from './dates';
import type { Period, Plan } from '../model/plan';

// Which period a course is evaluated in. A course is rated once its period's deadline has
// passed, or earlier once it is done; the answer belongs to the period that gave the course.

const byStart = (a: Period, b: Period) => a.starts.localeCompare(b.starts) || a.deadline.localeCompare(b.deadline);

/** The period whose deadline passed most recently and that had courses. */
export function lastEndedPeriod(plan: Plan, now: Date = new Date()): Period | undefined {
  const today = todayInSweden(now);
  return [...plan.periods]
    .filter((p) => p.deadline < today && p.items.length > 0)
    .sort(byStart)
    .at(-1);
}

/** The course keys of a period's items, in plan order. */
export function periodKeys(period: Period): CourseKey[] {
  return period.items.flatMap((item) => {
    const key = courseKey(item.url);
    return key ? [key] : [];
  });
}

/** The latest period begun by `now` that has the course: where its evaluation belongs. */
export function periodOfCourse(plan: Plan, key: string, now: Date = new Date()): Period | undefined {
  const today = todayInSweden(now);
  return [...plan.periods]
    .filter((p) => p.starts <= today && periodKeys(p).includes(key))
    .sort(byStart)
    .at(-1);
}
