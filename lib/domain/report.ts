import { courseKey, type CourseKey } from '../site/course-key';
import { excelCsv } from './csv';
import { todayInSweden } from '../time/dates';
import type { Note } from '../model/note';
import type { Plan } from '../model/plan';
import type { ProgressRecord } from '../model/progress';
import { areaNamed, siteName } from '../model/competence-areas';
import { latestOfPhase, type SelfAssessmentRecord } from '../model/self-assessment';

// The development-talk report: finished courses per period and competence area with dates and
// their stated time, the self-assessment at start and end, and the notes the user picks. Pure.

export interface ReportCourse {
  key: CourseKey;
  title: string;
  completedOn: string;
  minutes?: number;
}

export interface ReportGroup {
  title: string;
  competenceArea?: string;
  courses: ReportCourse[];
}

export interface Report {
  groups: ReportGroup[];
  courses: number;
  minutes: number;
  withoutTime: number;
  start?: SelfAssessmentRecord;
  end?: SelfAssessmentRecord;
  /**
   * Start and end were taken on different scales (1–5 before, 1–7 now): they are shown apart,
   * each on its own scale, and nothing is converted.
   */
  scalesDiffer: boolean;
  notes: Note[];
}

export function buildReport(
  plan: Plan | undefined,
  progress: Iterable<ProgressRecord>,
  assessments: readonly SelfAssessmentRecord[],
  notes: readonly Note[],
  includeNotes: ReadonlySet<string>,
): Report {
  const done = [...progress].filter((r) => r.status === 'done' && r.completedAt);
  const byKey = new Map(done.map((r) => [r.courseKey, r]));
  const placed = new Set<CourseKey>();
  const course = (record: ProgressRecord, title?: string): ReportCourse => ({
    key: record.courseKey,
    title: title ?? record.title ?? record.courseKey,
    completedOn: todayInSweden(new Date(record.completedAt as string)),
    ...(record.minutes !== undefined ? { minutes: record.minutes } : {}),
  });
  const groups: ReportGroup[] = [];
  for (const period of plan?.periods ?? []) {
    const courses = period.items.flatMap((item) => {
      const key = courseKey(item.url);
      const record = key ? byKey.get(key) : undefined;
      if (!key || !record || placed.has(key)) return [];
      placed.add(key);
      return [course(record, item.title)];
    });
    if (courses.length) groups.push({ title: period.title, ...(period.competenceArea ? { competenceArea: period.competenceArea } : {}), courses });
  }
  // Courses done outside the plan, grouped by the competence area their page gave: one group
  // per known area whichever of its names the page used, under the site's name; an area
  // Kurskompis does not know stays as written.
  const others = new Map<string, ReportCourse[]>();
  for (const record of done) {
    if (placed.has(record.courseKey)) continue;
    const written = record.competenceArea ?? '';
    const known = written ? areaNamed(written) : undefined;
    const area = known ? siteName(known) : written;
    others.set(area, [...(others.get(area) ?? []), course(record)]);
  }
  for (const [area, courses] of [...others].sort(([a], [b]) => a.localeCompare(b, 'sv'))) {
    groups.push({ title: '', ...(area ? { competenceArea: area } : {}), courses: courses.sort((a, b) => a.completedOn.localeCompare(b.completedOn)) });
  }
  const all = groups.flatMap((g) => g.courses);
  const start = latestOfPhase(assessments, 'start');
  const end = latestOfPhase(assessments, 'end');
  return {
    groups,
    courses: all.length,
    minutes: all.reduce((sum, c) => sum + (c.minutes ?? 0), 0),
    withoutTime: all.filter((c) => c.minutes === undefined).length,
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
    scalesDiffer: start !== undefined && end !== undefined && start.scale !== end.scale,
    notes: notes.filter((n) => !n.deleted && includeNotes.has(n.id)),
  };
}

/** The courses as CSV for Swedish Excel: BOM, semicolons, CRLF. */
export function reportCsv(report: Report, labels: { period: string; area: string; course: string; completed: string; minutes: string }): string {
  const rows = [
    [labels.period, labels.area, labels.course, labels.completed, labels.minutes],
    ...report.groups.flatMap((g) => g.courses.map((c) => [g.title, g.competenceArea ?? '', c.title, c.completedOn, c.minutes ?? ''])),
  ];
  return excelCsv(rows);
}
