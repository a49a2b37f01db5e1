// Digiteket's five competence areas and the self-assessment's scales, kept free of zod so the
// content script (which reads the result page) can use them without the schema library.

/** One id per area: results are keyed by it, whatever name the site or a plan gives the area. */
export const AREA_IDS = ['information', 'communication', 'content', 'safety', 'problemSolving'] as const;
export type AreaId = (typeof AREA_IDS)[number];

/**
 * The names each area goes by: the site's (about 2020) first, then the self-assessment's 2018
 * wording, then the names Kurskompis and existing plans used. Results saved before the ids were
 * keyed by those last names, so they must stay here for the upgrade to read them.
 */
export const AREA_ALIASES: Readonly<Record<AreaId, readonly string[]>> = {
  information: ['Information och analys', 'Analysera och bearbeta data och information', 'Informationskompetens'],
  communication: ['Digitalt samarbete', 'Kommunikation och samarbete', 'Kommunikation'],
  content: ['Skapa innehåll', 'Skapa digitalt innehåll'],
  safety: ['Säkerhet'],
  problemSolving: ['Problemlösning'],
};

/** The area's name on the site today, the one shown where no translation is at hand. */
export function siteName(id: AreaId): string {
  return AREA_ALIASES[id][0] as string;
}

// Case, runs of white space and composed/decomposed letters (å as one or two code points) do
// not make a different name.
function normal(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('sv');
}

let aliasTable: ReadonlyArray<readonly [string, AreaId]> | undefined;
// Built at first use: the first locale-aware lower-casing loads the locale's data, which a
// Digiteket page without an area on it (a list of 1,000 cards) should not wait for.
function aliasesLongestFirst(): ReadonlyArray<readonly [string, AreaId]> {
  aliasTable ??= AREA_IDS.flatMap((id) => AREA_ALIASES[id].map((name) => [normal(name), id] as const)).sort(([a], [b]) => b.length - a.length);
  return aliasTable;
}

/** The area a whole name stands for (an id is its own name), or undefined for one not known. */
export function areaNamed(name: string): AreaId | undefined {
  if ((AREA_IDS as readonly string[]).includes(name)) return name as AreaId;
  const wanted = normal(name);
  return aliasesLongestFirst().find(([alias]) => alias === wanted)?.[1];
}

/**
 * The area a line of text names, preferring the longest name it holds: "Kommunikation och
 * samarbete" is that whole name, not "Kommunikation" followed by other words.
 */
export function areaIn(line: string): { id: AreaId; name: string } | undefined {
  const text = normal(line);
  for (const [alias, id] of aliasesLongestFirst()) {
    const at = text.indexOf(alias);
    if (at >= 0) return { id, name: line.normalize('NFC').replace(/\s+/g, ' ').trim().slice(at, at + alias.length) };
  }
  return undefined;
}

/** The self-assessment's highest value: seven points as documented, five in results saved before. */
export const SCALES = [5, 7] as const;
export type Scale = (typeof SCALES)[number];
/** What a result page that does not say its scale is read as: the documented seven points. */
export const DEFAULT_SCALE: Scale = 7;
/** What results saved before the scale was stored were on. */
export const LEGACY_SCALE: Scale = 5;
export const SCORE_MIN = 1;

export function isScale(value: unknown): value is Scale {
  return (SCALES as readonly unknown[]).includes(value);
}

/**
 * Whether a score is on its result's scale: the one check for the page reader, typing a result
 * in, the member file's schema and the team's averages (a foreign file once gave an average of
 * 51.5 on the 1–5 scale).
 */
export function isOnScale(value: number, scale: Scale): boolean {
  return isScale(scale) && Number.isFinite(value) && value >= SCORE_MIN && value <= scale;
}
