import type { z } from 'zod';
import { checkJsonDocument, readJsonDocument, type JsonDocumentResult } from './json-document';
import { PLAN_MAX_BYTES } from './limits';
import { PLAN_KIND, PLAN_VERSION, planSchema, type Plan } from './plan';
import { OVERRIDE_FAULTS } from '../site/override-rules';
import { PROFILE_FAULTS } from './site-profile';

// Turns any text into a plan or into a short list of problems a coordinator can act on:
// where in the file, and a message key saying what is wrong. Nothing here touches storage.

/** Every reason the parser gives; each has its message `problem_<reason>` (typed in lib/format.ts). */
export const PROBLEM_REASONS = [
  'notJson',
  'tooLarge',
  'wrongKind',
  'newerVersion',
  'missing',
  'wrongType',
  'empty',
  'tooLong',
  'date',
  'instant',
  'itemUrl',
  'deadlineBeforeStart',
  'sessionEnd',
  'duplicatePeriod',
  'duplicateItem',
  'sessionOutsidePeriod',
  'noPeriods',
  'invalid',
  'markup',
  'httpsUrl',
  'extensionPeriod',
  'extensionBeforeStart',
  'extensionTooLate',
  // A site-adapter override that could mark courses done that are not (lib/site/override-rules.ts).
  ...OVERRIDE_FAULTS,
  ...PROFILE_FAULTS,
] as const;

export type ProblemReason = (typeof PROBLEM_REASONS)[number];

export interface PlanProblem {
  /** Path in the file, e.g. `periods[1].deadline`; empty for the file as a whole. */
  path: string;
  /** 1-based period number and its title, when the problem sits inside a period. */
  period?: { number: number; title?: string };
  reason: ProblemReason;
}

export type PlanParseResult = { ok: true; plan: Plan } | { ok: false; problems: PlanProblem[] };

function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function periodOf(raw: unknown, path: readonly PropertyKey[]): PlanProblem['period'] {
  if (path[0] !== 'periods' || typeof path[1] !== 'number' || !isRecord(raw)) return undefined;
  const periods = raw.periods;
  const period = Array.isArray(periods) ? periods[path[1]] : undefined;
  const title = isRecord(period) && typeof period.title === 'string' ? period.title : undefined;
  return { number: path[1] + 1, ...(title ? { title } : {}) };
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let value = raw;
  for (const part of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

function reasonOf(issue: z.core.$ZodIssue, raw: unknown): ProblemReason {
  const custom = (issue as { params?: { reason?: unknown } }).params?.reason;
  if (typeof custom === 'string') return custom as ProblemReason;
  switch (issue.code) {
    case 'invalid_type':
      // Zod leaves the offending input out of its issues; the document itself says which it was.
      return valueAt(raw, issue.path) === undefined ? 'missing' : 'wrongType';
    case 'too_small':
      return issue.origin === 'array' && issue.path.at(-1) === 'periods' ? 'noPeriods' : 'empty';
    case 'too_big':
      return 'tooLong';
    case 'invalid_format':
      return issue.format === 'datetime' ? 'instant' : 'invalid';
    default:
      return 'invalid';
  }
}

function duplicatePeriodProblems(raw: unknown): PlanProblem[] {
  if (!isRecord(raw) || !Array.isArray(raw.periods)) return [];
  const seen = new Set<string>();
  const problems: PlanProblem[] = [];
  raw.periods.forEach((period: unknown, index: number) => {
    if (!isRecord(period) || typeof period.id !== 'string') return;
    if (seen.has(period.id)) {
      const path = ['periods', index, 'id'];
      problems.push({ path: pathText(path), period: periodOf(raw, path), reason: 'duplicatePeriod' });
    }
    seen.add(period.id);
  });
  return problems;
}

const PLAN_DOCUMENT = { kind: PLAN_KIND, version: PLAN_VERSION, maxBytes: PLAN_MAX_BYTES, schema: planSchema };

function resultOf(read: JsonDocumentResult<Plan>): PlanParseResult {
  if (read.ok) return { ok: true, plan: read.value };
  switch (read.error) {
    case 'tooLarge':
    case 'notJson':
      return { ok: false, problems: [{ path: '', reason: read.error }] };
    case 'notObject':
      return { ok: false, problems: [{ path: '', reason: 'wrongKind' }] };
    case 'wrongKind':
      return { ok: false, problems: [{ path: 'kind', reason: 'wrongKind' }] };
    case 'newerVersion':
      return { ok: false, problems: [{ path: 'version', reason: 'newerVersion' }] };
    case 'invalid': {
      const { issues, raw } = read;
      const problems: PlanProblem[] = issues.map((issue) => ({
        path: pathText(issue.path),
        period: periodOf(raw, issue.path),
        reason: reasonOf(issue, raw),
      }));
      // Zod skips whole-plan checks once a field fails; duplicates are worth naming regardless.
      for (const dup of duplicatePeriodProblems(raw)) {
        if (!problems.some((p) => p.path === dup.path)) problems.push(dup);
      }
      return { ok: false, problems };
    }
  }
}

/** Checks a plan already in memory (the planner's draft, a saved plan). */
export function validatePlan(raw: unknown): PlanParseResult {
  return resultOf(checkJsonDocument(raw, PLAN_DOCUMENT));
}

/** Reads a plan file's text: size in UTF-8 bytes, byte order mark, JSON, then as `validatePlan`. */
export function parsePlanText(text: string): PlanParseResult {
  return resultOf(readJsonDocument(text, PLAN_DOCUMENT));
}
