import { z } from 'zod';
import { courseKeySchema } from './course-key';
import { instant, text } from './fields';

// A member's evaluation of one course in one period ("utvärdera kontinuerligt och skruva på
// metoderna"): how useful, how long it really took, a short comment. Optional and changeable;
// the newest per course and period counts.

export const USEFULNESS_MIN = 1;
export const USEFULNESS_MAX = 5;
export const EVALUATION_MAX_MINUTES = 6000;
export const EVALUATION_COMMENT_MAX = 1000;

export const evaluationSchema = z.object({
  courseKey: courseKeySchema,
  periodId: text(100),
  usefulness: z.number().int().min(USEFULNESS_MIN).max(USEFULNESS_MAX),
  minutes: z.number().int().min(1).max(EVALUATION_MAX_MINUTES).optional(),
  comment: z.string().trim().max(EVALUATION_COMMENT_MAX).optional(),
  /** The member lets the coordinator see their name beside the comment. */
  showName: z.boolean().optional(),
  updatedAt: instant,
});
export type Evaluation = z.infer<typeof evaluationSchema>;

/** One evaluation per course and period: its identity for merging. */
export function evaluationId(evaluation: Pick<Evaluation, 'courseKey' | 'periodId'>): string {
  return `${evaluation.periodId}\n${evaluation.courseKey}`;
}

/** Why an evaluation was not saved; each is the key of the sentence that says so. */
export const EVALUATION_ERRORS = ['evaluationNoPeriod', 'evaluationNoCourse', 'evaluationUsefulness', 'evaluationMinutes', 'evaluationComment'] as const;
export type EvaluationError = (typeof EVALUATION_ERRORS)[number];

export type SaveEvaluationResult = { ok: true; evaluation: Evaluation } | { ok: false; error: EvaluationError };
