import { courseKey } from '../site/course-key';
import type { Note } from '../model/note';
import type { Period, Plan } from '../model/plan';
import { newestFirst } from './notes';

// Notes arranged for the month's discussion, and the same as plain text for an e-mail.

export interface CourseNotes {
  key: string;
  title: string;
  notes: Note[];
}

export function notesForPeriod(period: Period, notes: readonly Note[], onlyShared: boolean): CourseNotes[] {
  const live = notes.filter((n) => !n.deleted && (!onlyShared || n.shared));
  return period.items.flatMap((item) => {
    const key = courseKey(item.url);
    if (!key) return [];
    return [{ key, title: item.title, notes: live.filter((n) => n.courseKey === key).sort(newestFirst) }];
  });
}

export function discussionText(
  heading: string,
  subheading: string,
  courses: readonly CourseNotes[],
  noNotes: string,
  dateOf: (instant: string) => string,
): string {
  const lines = [heading, subheading, ''];
  for (const course of courses) {
    lines.push(course.title);
    if (course.notes.length === 0) lines.push(`  ${noNotes}`);
    for (const note of course.notes) {
      const [first = '', ...rest] = note.text.split('\n');
      lines.push(`- ${first} (${dateOf(note.createdAt)})`, ...rest.map((line) => `  ${line}`));
    }
    lines.push('');
  }
  return lines.join('\n').trimEnd() + '\n';
}

export interface NoteGroup {
  /** Period id, or null for courses outside the plan. */
  periodId: string | null;
  periodTitle: string | null;
  courses: CourseNotes[];
}

/** Notes grouped by the plan's periods (in plan order), then by course; the rest last. */
export function groupByPeriod(notes: readonly Note[], plan: Plan | undefined): NoteGroup[] {
  const periodOfKey = new Map<string, Period>();
  for (const period of plan?.periods ?? []) {
    for (const item of period.items) {
      const key = courseKey(item.url);
      if (key && !periodOfKey.has(key)) periodOfKey.set(key, period);
    }
  }
  const groups = new Map<string | null, NoteGroup>();
  for (const period of plan?.periods ?? []) groups.set(period.id, { periodId: period.id, periodTitle: period.title, courses: [] });
  groups.set(null, { periodId: null, periodTitle: null, courses: [] });
  const courseIndex = new Map<string, CourseNotes>();
  for (const note of [...notes].sort(newestFirst)) {
    let course = courseIndex.get(note.courseKey);
    if (!course) {
      course = { key: note.courseKey, title: note.courseTitle || note.courseKey, notes: [] };
      courseIndex.set(note.courseKey, course);
      groups.get(periodOfKey.get(note.courseKey)?.id ?? null)?.courses.push(course);
    }
    course.notes.push(note);
  }
  return [...groups.values()].filter((g) => g.courses.length > 0);
}

/** The first `count` notes as the groups show them, top to bottom, in the same groups. */
export function firstShown(groups: readonly NoteGroup[], count: number): NoteGroup[] {
  const kept: NoteGroup[] = [];
  let left = count;
  for (const group of groups) {
    if (left <= 0) break;
    const courses: CourseNotes[] = [];
    for (const course of group.courses) {
      if (left <= 0) break;
      const notes = course.notes.slice(0, left);
      left -= notes.length;
      courses.push(notes.length === course.notes.length ? course : { ...course, notes });
    }
    kept.push(courses.length === group.courses.length && courses.every((c, i) => c === group.courses[i]) ? group : { ...group, courses });
  }
  return kept;
}
