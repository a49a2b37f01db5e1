import { z } from 'zod';

// Field shapes several documents share (plan, member file, backup): a calendar date, an
// instant, plain text a person wrote, an https link. Leaf module: zod and nothing of ours.

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export function isRealDate(value: string): boolean {
  if (!DATE_RE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** `date` moved by whole days, as a calendar date (no time zone involved). */
export function plusDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export const calendarDate = z.string().refine(isRealDate, { params: { reason: 'date' } });

export const instant = z.iso.datetime({ offset: true });

export const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * A tag, a comment or a declaration: what text shown beside a course (a tip, a note to a
 * member) never needs, and what would be markup wherever a later reader forgot to escape it.
 */
const MARKUP = /<\s*[a-z!/?]/i;

export function hasMarkup(value: string): boolean {
  return MARKUP.test(value);
}

/** Plain text up to `max` characters: trimmed, not empty, no markup. */
export const plainText = (max: number) =>
  text(max).refine((value) => !hasMarkup(value), { params: { reason: 'markup' } });

/** An https address (the team's discussion place): nothing else opens from a plan. */
export const httpsUrl = z
  .string()
  .max(2000)
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return url.protocol === 'https:' && url.hostname.length > 0 && url.username === '' && url.password === '';
      } catch {
        return false;
      }
    },
    { params: { reason: 'httpsUrl' } },
  );
