import { z } from 'zod';
import { PATHS, PATTERNS, SELECTORS, type PathName, type PatternName, type SelectorName } from '../site/selectors';
import { completionSelectorFault, completionTextFault, type OverrideFault } from '../site/override-rules';

// A newer site profile in a plan (lib/site/profile.ts): selectors, text patterns and paths, as
// text. Checked here for every plan, from any source: nothing that is script or markup, every
// pattern a regular expression that compiles and cannot run away, and the rules that decide
// completion held to the same bar as a plan's completion overrides (override-rules.ts), since a
// profile whose completion marker were `main` would mark every course page opened as done.

/** Why a part of a site profile is refused; each is a plan problem with its message `problem_<reason>`. */
export const PROFILE_FAULTS = ['profileMarkup', 'profilePattern'] as const;
export type ProfileFault = (typeof PROFILE_FAULTS)[number];

const MAX = 300;
/** What no selector needs, and markup, script or a style sheet would: tags, blocks, rules, escapes. */
const SELECTOR_MARKUP = /[<{};@`\\]|javascript:|url\(|expression\(/i;
/** What no text pattern needs, and markup or script would. */
const PATTERN_MARKUP = /<|javascript:/i;
/** A quantified group that is itself quantified, as in `(a+)+`: the shape of catastrophic backtracking. */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)[+*{]/;

const COMPLETION_SELECTORS: ReadonlySet<string> = new Set(['completionSection', 'completionAnchor', 'certificateLink']);

export function selectorFault(name: string, selector: string): OverrideFault | ProfileFault | null {
  if (SELECTOR_MARKUP.test(selector)) return 'profileMarkup';
  // Brackets and parentheses must close, or the selector would swallow what follows.
  let depth = 0;
  for (const char of selector) {
    depth += char === '[' || char === '(' ? 1 : char === ']' || char === ')' ? -1 : 0;
    if (depth < 0) return 'profileMarkup';
  }
  if (depth !== 0) return 'profileMarkup';
  return COMPLETION_SELECTORS.has(name) ? completionSelectorFault(selector) : null;
}

export function patternFault(name: string, source: string): OverrideFault | ProfileFault | null {
  if (PATTERN_MARKUP.test(source)) return 'profileMarkup';
  if (NESTED_QUANTIFIER.test(source)) return 'profilePattern';
  try {
    new RegExp(source, 'i');
  } catch {
    return 'profilePattern';
  }
  // The completion sentence decides when a course is done: it must read like one.
  if (name === 'completionText') return completionTextFault(source.replace(/[\\^$.*+?()[\]{}|]/g, ' '));
  return null;
}

export function pathFault(source: string): ProfileFault | null {
  if (!source.startsWith('^/') || !source.endsWith('$')) return 'profilePattern';
  return patternFault('path', source) === null ? null : 'profilePattern';
}

const checked = (fault: (value: string) => string | null) =>
  z
    .string()
    .min(1)
    .max(MAX)
    .superRefine((value, ctx) => {
      const reason = fault(value);
      if (reason) ctx.addIssue({ code: 'custom', params: { reason } });
    });

function partsOf<N extends string>(names: readonly N[], fault: (name: N, value: string) => string | null) {
  return z.object(Object.fromEntries(names.map((name) => [name, checked((value) => fault(name, value)).optional()])) as Record<N, z.ZodOptional<z.ZodString>>).strict();
}

export const siteProfileSchema = z
  .object({
    version: z.number().int().min(1).max(1_000_000),
    selectors: partsOf(Object.keys(SELECTORS) as SelectorName[], selectorFault).optional(),
    patterns: partsOf(Object.keys(PATTERNS) as PatternName[], patternFault).optional(),
    paths: partsOf(Object.keys(PATHS) as PathName[], (_name, value) => pathFault(value)).optional(),
  })
  .strict();
