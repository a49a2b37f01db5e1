import { z } from 'zod';
import { COMPETENCE_AREAS, isOnScale } from './competence-areas';

// A saved self-assessment result: the five area scores (1–5) of Digiteket's test, marked as
// the start or the end by the plan's self-assessment dates. One per phase; a newer one replaces.

export const ASSESSMENT_AREAS = COMPETENCE_AREAS;

/** A score on the scale: every schema that holds one uses this. */
export const scoreSchema = z.number().refine(isOnScale, { params: { reason: 'score' } });
const score = scoreSchema;

export const scoresSchema = z.object(Object.fromEntries(ASSESSMENT_AREAS.map((a) => [a, score])) as Record<(typeof ASSESSMENT_AREAS)[number], typeof score>);

export const selfAssessmentRecordSchema = z.object({
  phase: z.enum(['start', 'end']),
  takenAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  scores: scoresSchema,
  source: z.enum(['page', 'manual']),
  updatedAt: z.iso.datetime({ offset: true }),
});

export type SelfAssessmentRecord = z.infer<typeof selfAssessmentRecordSchema>;
export type Phase = SelfAssessmentRecord['phase'];

/** The result of a phase taken last, of this browser's records or of a member file's. */
export function latestOfPhase<T extends { phase: Phase; takenAt: string }>(results: readonly T[], phase: Phase): T | undefined {
  return results.filter((r) => r.phase === phase).sort((a, b) => b.takenAt.localeCompare(a.takenAt))[0];
}
