// Digiteket's five competence areas and the self-assessment's scale, kept free of zod so the
// content script (which reads the result page) can use them without the schema library.

export const COMPETENCE_AREAS = ['Informationskompetens', 'Kommunikation', 'Skapa innehåll', 'Säkerhet', 'Problemlösning'] as const;
export const SCORE_MIN = 1;
export const SCORE_MAX = 5;

/**
 * Whether a score is on the self-assessment's scale: the one check for the page reader, typing
 * a result in, the member file's schema and the team's averages (a foreign file once gave an
 * average of 51.5 on this 1–5 scale). A scale per result would change it here only.
 */
export function isOnScale(value: number): boolean {
  return Number.isFinite(value) && value >= SCORE_MIN && value <= SCORE_MAX;
}
