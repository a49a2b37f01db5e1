import { excelCsv } from '../domain/csv';
import type { MemberFile } from '../model/member';
import type { Period, Plan } from '../model/plan';
import { ASSESSMENT_AREAS } from '../model/self-assessment';
import { todayInSweden, type CalendarDate } from '../time/dates';
import { courseEvaluations, discussionTurnout } from './evaluations';
import { teamAssessment, teamOverview, type TeamAssessment } from './overview';

// What management asks of the training, on one page: per period how many finished, how many
// discussions were held and how many came, which courses the team found most and least
// useful, and the self-assessment start against end. Figures only: no member is named.

export interface CourseScore {
  title: string;
  usefulness: number;
  answers: number;
}

export type EvaluationSummary =
  /** Fewer than two courses had an answer: no top or bottom to tell. */
  | { kind: 'tooFew'; answers: number }
  /** Every course with answers has the same mean. */
  | { kind: 'even'; answers: number; usefulness: number }
  /** Ties share their place: every course with the highest, and with the lowest, mean. */
  | { kind: 'ranked'; answers: number; top: CourseScore[]; bottom: CourseScore[] };

export interface PeriodFigures {
  members: number;
  requiredTotal: number;
  finished: number;
  /** Whole percent; never 100 while someone is left, never 0 once someone finished; null without members or required courses. */
  finishedPercent: number | null;
  sessions: number;
  held: number;
  signedUp: number;
  evaluation: EvaluationSummary;
}

export interface PeriodSummary {
  id: string;
  title: string;
  starts: CalendarDate;
  deadline: CalendarDate;
  /** Absent for a paused period: nothing of it is counted. */
  figures?: PeriodFigures;
}

export interface ManagementSummary {
  team: string;
  today: CalendarDate;
  members: number;
  periods: PeriodSummary[];
  assessment: TeamAssessment;
}

export function sharePercent(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  const rounded = Math.round((part / whole) * 100);
  if (part > 0 && part < whole) return Math.min(Math.max(rounded, 1), 99);
  return rounded;
}

function evaluationSummary(period: Period, members: readonly MemberFile[]): EvaluationSummary {
  const rated = courseEvaluations(period, members).flatMap((c) =>
    c.usefulness === null ? [] : [{ title: c.title, usefulness: c.usefulness, answers: c.answers }],
  );
  const answers = rated.reduce((sum, c) => sum + c.answers, 0);
  if (rated.length < 2) return { kind: 'tooFew', answers };
  const means = rated.map((c) => c.usefulness);
  const high = Math.max(...means);
  const low = Math.min(...means);
  if (high === low) return { kind: 'even', answers, usefulness: high };
  return { kind: 'ranked', answers, top: rated.filter((c) => c.usefulness === high), bottom: rated.filter((c) => c.usefulness === low) };
}

function periodFigures(period: Period, members: readonly MemberFile[], now: Date): PeriodFigures {
  const overview = teamOverview(period, members);
  const turnout = discussionTurnout(period, members, now);
  const finished = overview.requiredTotal > 0 ? overview.rows.filter((r) => r.status === 'done').length : 0;
  return {
    members: members.length,
    requiredTotal: overview.requiredTotal,
    finished,
    finishedPercent: overview.requiredTotal > 0 ? sharePercent(finished, members.length) : null,
    sessions: turnout.sessions,
    held: turnout.held,
    signedUp: turnout.took,
    evaluation: evaluationSummary(period, members),
  };
}

export function managementSummary(plan: Plan, members: readonly MemberFile[], now: Date = new Date()): ManagementSummary {
  const today = todayInSweden(now);
  const periods = plan.periods
    .filter((p) => p.starts <= today)
    .sort((a, b) => a.starts.localeCompare(b.starts) || a.deadline.localeCompare(b.deadline))
    .map((period) => ({
      id: period.id,
      title: period.title,
      starts: period.starts,
      deadline: period.deadline,
      ...(period.paused ? {} : { figures: periodFigures(period, members, now) }),
    }));
  return { team: plan.team.name, today, members: members.length, periods, assessment: teamAssessment(members) };
}

export interface SummaryCsvWords {
  period: string;
  starts: string;
  deadline: string;
  paused: string;
  members: string;
  finished: string;
  finishedPercent: string;
  held: string;
  sessions: string;
  signedUp: string;
  top: string;
  bottom: string;
  tooFew: string;
  even: string;
  area: string;
  scale: string;
  start: string;
  end: string;
  areaName: (id: (typeof ASSESSMENT_AREAS)[number]) => string;
  decimal: (value: number) => string;
}

/** The summary as CSV for Swedish Excel: one line per period, then the self-assessment per area and scale. */
export function summaryCsv(summary: ManagementSummary, words: SummaryCsvWords): string {
  const courses = (list: CourseScore[]) => list.map((c) => `${c.title} (${words.decimal(c.usefulness)})`).join(' / ');
  const periodRows = summary.periods.map((p): Array<string | number> => {
    const f = p.figures;
    if (!f) return [p.title, p.starts, p.deadline, words.paused];
    const [top, bottom] =
      f.evaluation.kind === 'ranked'
        ? [courses(f.evaluation.top), courses(f.evaluation.bottom)]
        : f.evaluation.kind === 'even'
          ? [words.even, words.even]
          : [words.tooFew, words.tooFew];
    return [p.title, p.starts, p.deadline, '', f.members, f.finished, f.finishedPercent ?? '', f.held, f.sessions, f.signedUp, top, bottom];
  });
  const assessmentRows = summary.assessment.scales.flatMap((group) =>
    ASSESSMENT_AREAS.map((area): Array<string | number> => [
      words.areaName(area),
      `1–${group.scale}`,
      group.start[area] === undefined ? '' : words.decimal(group.start[area]),
      group.end[area] === undefined ? '' : words.decimal(group.end[area]),
    ]),
  );
  return excelCsv([
    [words.period, words.starts, words.deadline, words.paused, words.members, words.finished, words.finishedPercent, words.held, words.sessions, words.signedUp, words.top, words.bottom],
    ...periodRows,
    ...(assessmentRows.length ? [[], [words.area, words.scale, words.start, words.end], ...assessmentRows] : []),
  ]);
}
