import {
  EVALUATION_COMMENT_MAX,
  EVALUATION_MAX_MINUTES,
  USEFULNESS_MAX,
  USEFULNESS_MIN,
  evaluationSchema,
  type EvaluationError,
  type SaveEvaluationResult,
} from '../model/evaluation';
import { z } from 'zod';
import { periodKeys } from '../time/evaluable';
import type { Store } from '../storage/store';

// Saving a member's evaluation of one course of one period. The page sends what was typed;
// each rule refuses with its own sentence, and a refused answer leaves what was saved as it was.

export interface EvaluationInput {
  periodId: string;
  courseKey: string;
  usefulness: number;
  minutes?: number | undefined;
  comment?: string | undefined;
  showName?: boolean | undefined;
}

/** Each rule with the sentence that names it, checked in the order a form shows the fields. */
const RULES: Array<[EvaluationError, z.ZodType]> = [
  ['evaluationUsefulness', z.number().int().min(USEFULNESS_MIN).max(USEFULNESS_MAX)],
  ['evaluationMinutes', z.number().int().min(1).max(EVALUATION_MAX_MINUTES).optional()],
  ['evaluationComment', z.string().trim().max(EVALUATION_COMMENT_MAX).optional()],
];

export class EvaluationService {
  constructor(
    private readonly store: Store,
    private readonly onChange: () => void | Promise<void>,
  ) {}

  async save(input: EvaluationInput, now: Date = new Date()): Promise<SaveEvaluationResult> {
    const active = await this.store.activePlan();
    const period = active?.plan.periods.find((p) => p.id === input.periodId);
    if (!period) return { ok: false, error: 'evaluationNoPeriod' };
    if (!periodKeys(period).includes(input.courseKey)) return { ok: false, error: 'evaluationNoCourse' };
    const values = [input.usefulness, input.minutes, input.comment];
    for (const [i, [error, rule]] of RULES.entries()) {
      if (!rule.safeParse(values[i]).success) return { ok: false, error };
    }
    const comment = input.comment?.trim();
    const parsed = evaluationSchema.safeParse({
      courseKey: input.courseKey,
      periodId: input.periodId,
      usefulness: input.usefulness,
      ...(input.minutes !== undefined ? { minutes: input.minutes } : {}),
      // An emptied comment is no comment: the coordinator's list shows none for it.
      ...(comment ? { comment } : {}),
      ...(input.showName ? { showName: true } : {}),
      updatedAt: now.toISOString(),
    });
    // The rules above are the schema's; a record that still fails is refused, not stored.
    if (!parsed.success) return { ok: false, error: 'evaluationUsefulness' };
    await this.store.putEvaluations([parsed.data]);
    await this.onChange();
    return { ok: true, evaluation: parsed.data };
  }
}
