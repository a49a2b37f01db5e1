import { z } from 'zod';
import { AREA_IDS, LEGACY_SCALE, SCALES, areaNamed, isOnScale, type AreaId } from './competence-areas';

// A saved self-assessment result: the five area scores of Digiteket's test on the scale the
// result page showed, marked as the start or the end by the plan's self-assessment dates. One
// per phase; a newer one replaces.

export const ASSESSMENT_AREAS = AREA_IDS;

export const scaleSchema = z.literal(SCALES);

/** Every score on the result's own scale: the refinement every schema holding scores uses. */
export function scoresOnScale(value: { scale: (typeof SCALES)[number]; scores?: Partial<Record<AreaId, number>> | undefined }, ctx: z.RefinementCtx): void {
  for (const [area, score] of Object.entries(value.scores ?? {})) {
    if (score !== undefined && !isOnScale(score, value.scale)) ctx.addIssue({ code: 'custom', path: ['scores', area], params: { reason: 'score' }, message: 'score off the scale' });
  }
}

/**
 * Results saved before areas had ids and results had a scale: scores keyed by the names
 * Kurskompis used then ("Informationskompetens", "Kommunikation", …) and on 1–5. The one
 * upgrade step for a stored record and a member file; anything it does not recognise is passed
 * on unchanged for the schema to refuse.
 */
export function upgradeAssessment(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const record = raw as Record<string, unknown>;
  const scores = record['scores'];
  const renamed =
    scores && typeof scores === 'object' && !Array.isArray(scores)
      ? Object.fromEntries(Object.entries(scores as Record<string, unknown>).map(([name, value]) => [areaNamed(name) ?? name, value]))
      : scores;
  return { ...record, ...(scores === undefined ? {} : { scores: renamed }), scale: record['scale'] ?? LEGACY_SCALE };
}

/** The names results were keyed by before the ids: what a file sealed then holds. */
export const LEGACY_AREA_NAMES: Readonly<Record<AreaId, string>> = {
  information: 'Informationskompetens',
  communication: 'Kommunikation',
  content: 'Skapa innehåll',
  safety: 'Säkerhet',
  problemSolving: 'Problemlösning',
};

export const scoresSchema = z.strictObject(Object.fromEntries(ASSESSMENT_AREAS.map((a) => [a, z.number()])) as Record<AreaId, z.ZodNumber>);

export const selfAssessmentRecordSchema = z
  .object({
    phase: z.enum(['start', 'end']),
    takenAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    scale: scaleSchema,
    scores: scoresSchema,
    source: z.enum(['page', 'manual']),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .superRefine(scoresOnScale);

export type SelfAssessmentRecord = z.infer<typeof selfAssessmentRecordSchema>;
export type Phase = SelfAssessmentRecord['phase'];

/** A stored record of any earlier layout, upgraded; undefined when it is not a result at all. */
export function readAssessmentRecord(raw: unknown): SelfAssessmentRecord | undefined {
  const parsed = selfAssessmentRecordSchema.safeParse(upgradeAssessment(raw));
  return parsed.success ? parsed.data : undefined;
}

/** The result of a phase taken last, of this browser's records or of a member file's. */
export function latestOfPhase<T extends { phase: Phase; takenAt: string }>(results: readonly T[], phase: Phase): T | undefined {
  return results.filter((r) => r.phase === phase).sort((a, b) => b.takenAt.localeCompare(a.takenAt))[0];
}
