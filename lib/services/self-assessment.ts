import { daysBetween, todayInSweden } from '../time/dates';
import type { Plan } from '../model/plan';
import type { SaveAssessmentResult } from '../model/results';
import type { Scale } from '../model/competence-areas';
import { ASSESSMENT_AREAS, selfAssessmentRecordSchema, type Phase, type SelfAssessmentRecord } from '../model/self-assessment';
import type { Store } from '../storage/store';

// Saving a self-assessment result, from Digiteket's result page or typed in by hand.


/**
 * Start or end: with both dates in the plan, the nearer one; otherwise the first result saved
 * is the start and a later one the end.
 */
export function phaseFor(windows: Plan['selfAssessment'], takenAt: string, savedStart: SelfAssessmentRecord | undefined): Phase {
  if (windows?.start && windows.end) {
    return Math.abs(daysBetween(windows.start, takenAt)) <= Math.abs(daysBetween(windows.end, takenAt)) ? 'start' : 'end';
  }
  if (windows?.end && takenAt >= windows.end) return 'end';
  if (windows?.start && takenAt <= windows.start) return 'start';
  return savedStart && savedStart.takenAt < takenAt ? 'end' : 'start';
}

export class SelfAssessmentService {
  constructor(
    private readonly store: Store,
    private readonly onChange: () => void | Promise<void>,
  ) {}

  async save(
    input: { takenAt?: string; scale: Scale; scores: Record<string, number>; source: 'page' | 'manual'; phase?: Phase },
    now: Date = new Date(),
  ): Promise<SaveAssessmentResult> {
    const takenAt = input.takenAt ?? todayInSweden(now);
    const [active, saved] = await Promise.all([this.store.activePlan(), this.store.assessments()]);
    const phase = input.phase ?? phaseFor(active?.plan.selfAssessment, takenAt, saved.find((r) => r.phase === 'start'));
    const scores = Object.fromEntries(ASSESSMENT_AREAS.map((a) => [a, input.scores[a]]));
    const parsed = selfAssessmentRecordSchema.safeParse({ phase, takenAt, scale: input.scale, scores, source: input.source, updatedAt: now.toISOString() });
    if (!parsed.success) return { ok: false, error: 'assessmentInvalid' };
    await this.store.putAssessment(parsed.data);
    await this.onChange();
    return { ok: true, record: parsed.data };
  }
}
