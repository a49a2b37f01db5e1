import { PATHS, PATTERNS, PROFILE_VERSION, SELECTORS, type PathName, type PatternName, type SelectorName } from './selectors';

// The site profile: every selector, text pattern and unknown address the adapter reads
// Digiteket with (selectors.ts), built into each release with a version. A plan may carry a
// newer profile, checked by the plan parser (lib/model/site-profile.ts: selectors, patterns and
// paths only, as text, never script or markup); a content script applies the one in force
// before it reads the page, so a team repairs a site change the day it happens, without
// waiting for a store review. A profile no newer than the built-in one is ignored: a release
// that knows better wins over a plan written for an older one.

export interface SiteProfile {
  version: number;
  selectors?: Partial<Record<SelectorName, string>> | undefined;
  /** Regular expressions, as source text; read case-insensitively. */
  patterns?: Partial<Record<PatternName, string>> | undefined;
  /** Regular expressions over the canonical path. */
  paths?: Partial<Record<PathName, string>> | undefined;
}

const BUILT_IN = { selectors: { ...SELECTORS }, patterns: { ...PATTERNS }, paths: { ...PATHS } };
let applied: SiteProfile | undefined;

/** The version of the profile in force in this content script. */
export const profileVersion = (): number => applied?.version ?? PROFILE_VERSION;

/**
 * Puts `profile` in force over the built-in one, or the built-in one back. A part that does not
 * compile here (the parser checked it, but a browser may differ) keeps the built-in rule.
 */
export function applyProfile(profile: SiteProfile | undefined): void {
  if (profile === applied) return;
  Object.assign(SELECTORS, BUILT_IN.selectors);
  Object.assign(PATTERNS, BUILT_IN.patterns);
  Object.assign(PATHS, BUILT_IN.paths);
  applied = undefined;
  if (!profile || profile.version <= PROFILE_VERSION) return;
  applied = profile;
  for (const [name, selector] of Object.entries(profile.selectors ?? {})) {
    if (selector && name in SELECTORS && parses(selector)) SELECTORS[name as SelectorName] = selector;
  }
  for (const [name, source] of Object.entries(profile.patterns ?? {})) {
    const pattern = source === undefined ? null : compile(source);
    if (pattern && name in PATTERNS) PATTERNS[name as PatternName] = pattern;
  }
  for (const [name, source] of Object.entries(profile.paths ?? {})) {
    if (source && compile(source) && name in PATHS) PATHS[name as PathName] = source;
  }
}

function parses(selector: string): boolean {
  try {
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

function compile(source: string): RegExp | null {
  try {
    return new RegExp(source, 'i');
  } catch {
    return null;
  }
}

const compiled = new Map<string, RegExp>();

/** The path pattern in force for `name`, compiled once per source. */
export function pathPattern(name: PathName): RegExp {
  const source = PATHS[name];
  let pattern = compiled.get(source);
  if (!pattern) {
    pattern = compile(source) ?? new RegExp(BUILT_IN.paths[name]);
    compiled.set(source, pattern);
  }
  return pattern;
}
