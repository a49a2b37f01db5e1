import { z } from 'zod';

// Field shapes several documents share (plan, member file, backup): a calendar date, an
// instant, plain text a person wrote, an https link. Leaf module: zod and nothing of ours.

export { isRealDate, plusDays } from './days';
import { isRealDate } from './days';

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
