import { z } from 'zod';
import { calendarDate, instant, plainText, text } from './fields';
import { EXTENSION_REASONS } from './extension-rules';

export { EXTENSION_MAX_DAYS, EXTENSION_REASONS, extensionFault, type ExtensionFault, type ExtensionReason } from './extension-rules';

// A personal deadline for one period ("har man varit sjuk … dialog"): set by the member with a
// reason, or granted by the coordinator in the plan. Days left, pace, badges and reminders
// follow it; the period itself does not move.



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
