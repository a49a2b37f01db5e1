// The rules of a personal deadline, free of the schema library so the popup can show them
// without loading it (lib/model/extension.ts has the schemas).

import { plusDays } from './days';

export const EXTENSION_REASONS = ['sick', 'leave', 'training', 'other'] as const;
export type ExtensionReason = (typeof EXTENSION_REASONS)[number];

/** How far past the period's own deadline a personal one may go. */
export const EXTENSION_MAX_DAYS = 90;

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
