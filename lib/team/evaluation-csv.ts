import { excelCsv } from '../domain/csv';
import type { CourseEvaluation } from './evaluations';

// The evaluation table as CSV for Excel: one row per course, its comments in one cell (a
// name only where the member chose to show it), as on the overview.

export interface EvaluationCsvLabels {
  course: string;
  answers: string;
  usefulness: string;
  minutes: string;
  stated: string;
  comments: string;
}

export function evaluationCsv(courses: readonly CourseEvaluation[], labels: EvaluationCsvLabels): string {
  const header = [labels.course, labels.answers, labels.usefulness, labels.minutes, labels.stated, labels.comments];
  const lines = courses.map((c) => [
    c.title,
    c.answers,
    // Swedish Excel reads a decimal comma as a number; a point would make it a date or text.
    c.usefulness === null ? '' : String(c.usefulness).replace('.', ','),
    c.minutes ?? '',
    c.statedMinutes ?? '',
    c.comments.map((comment) => (comment.name ? `${comment.text} (${comment.name})` : comment.text)).join('\n'),
  ]);
  return excelCsv([header, ...lines]);
}
