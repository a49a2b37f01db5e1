import { z } from 'zod';
import { calendarDate, instant, plainText, plusDays, text } from './fields';

// A personal deadline for one period ("har man varit sjuk … dialog"): set by the member with a
// reason, or granted by the coordinator in the plan. Days left, pace, badges and reminders
// follow it; the period itself does not move.

export const EXTENSION_REASONS = ['sick', 'leave', 'training', 'other'] as const;
export type ExtensionReason = (typeof EXTENSION_REASONS)[number];

/** How far past the period's own deadline a personal one may go. */
export const EXTENSION_MAX_DAYS = 90;

/** What the member sets, kept in their browser and in their member file. */
export const personalExtensionSchema = z.object({
  periodId: text(100),
  deadline: calendarDate,
  reason: z.enum(EXTENSION_REASONS),
  note: plainText(300).optional(),
  updatedAt: instant,
});
export type PersonalExtension = z.infer<typeof personalExtensionSchema>;

/** What the coordinator grants, written into the plan for one member. */
export const grantedExtensionSchema = z.object({
  memberId: z.string().min(8).max(100).regex(/^[A-Za-z0-9-]+$/),
  periodId: text(100),
  deadline: calendarDate,
  note: plainText(300).optional(),
});
export type GrantedExtension = z.infer<typeof grantedExtensionSchema>;

export type ExtensionFault = 'extensionBeforeStart' | 'extensionTooLate';

/**
 * Why a personal deadline cannot stand for its period, or null: it may not come before the
 * period starts, nor more than EXTENSION_MAX_DAYS after the period's deadline.
 */
export function extensionFault(deadline: string, period: { starts: string; deadline: string }): ExtensionFault | null {
  if (deadline < period.starts) return 'extensionBeforeStart';
  if (deadline > plusDays(period.deadline, EXTENSION_MAX_DAYS)) return 'extensionTooLate';
  return null;
}
