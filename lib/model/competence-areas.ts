// Digiteket's five competence areas and the self-assessment's scale, kept free of zod so the
// content script (which reads the result page) can use them without the schema library.

export const COMPETENCE_AREAS = ['Informationskompetens', 'Kommunikation', 'Skapa innehåll', 'Säkerhet', 'Problemlösning'] as const;
export const SCORE_MIN = 1;
export const SCORE_MAX = 5;
