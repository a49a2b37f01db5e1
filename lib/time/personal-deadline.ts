import type { ExtensionReason, GrantedExtension, PersonalExtension } from '../model/extension';
import type { Period } from '../model/plan';
import type { CalendarDate } from './dates';

// The deadline that applies to one member for one period. Everything that shows or uses a
// deadline for the member (days left, pace, badges, reminders, the toolbar) asks here, so a
// personal deadline moves them all together; the period itself keeps its own dates.

export interface MemberExtensions {
  /** The member's own personal deadlines (from this browser's database or their member file). */
  own: readonly PersonalExtension[];
  /** Those the coordinator granted in the plan, to anyone: only this member's count. */
  granted: readonly GrantedExtension[];
  /** This member's id in the team folder; without one no grant can be theirs. */
  memberId?: string | undefined;
}

export const NO_EXTENSIONS: MemberExtensions = { own: [], granted: [] };

export type MemberDeadline =
  | { source: 'none'; deadline: CalendarDate }
  | { source: 'own'; deadline: CalendarDate; reason: ExtensionReason; note?: string }
  | { source: 'granted'; deadline: CalendarDate; note?: string };

/**
 * The later of the member's own personal deadline and one granted to them, else the period's.
 * Only a date after the period's own deadline counts: that is what "more time" means, and it
 * lets a removed personal deadline be stored as a date that never counts (see
 * `removedExtension`), so removal merges between browsers like any other change.
 */
export function memberDeadline(period: Pick<Period, 'id' | 'deadline'>, extensions: MemberExtensions): MemberDeadline {
  let best: MemberDeadline = { source: 'none', deadline: period.deadline };
  const own = extensions.own.find((e) => e.periodId === period.id);
  if (own && own.deadline > best.deadline) {
    best = { source: 'own', deadline: own.deadline, reason: own.reason, ...(own.note ? { note: own.note } : {}) };
  }
  if (extensions.memberId) {
    for (const grant of extensions.granted) {
      if (grant.memberId !== extensions.memberId || grant.periodId !== period.id) continue;
      if (grant.deadline > best.deadline) best = { source: 'granted', deadline: grant.deadline, ...(grant.note ? { note: grant.note } : {}) };
    }
  }
  return best;
}

/** The deadline alone, for callers that only count days. */
export function deadlineOf(extensions: MemberExtensions): (period: Pick<Period, 'id' | 'deadline'>) => CalendarDate {
  return (period) => memberDeadline(period, extensions).deadline;
}

/**
 * What removing a personal deadline stores: the same record with the period's start as its
 * date and a fresh `updatedAt`. Member files merge records by `updatedAt` per period and have
 * no field for deletion, so a removal has to be a newer record; the start lies on or before
 * any deadline the period can have, so it never counts, even if the coordinator later moves
 * the period's deadline.
 */
export function removedExtension(period: Pick<Period, 'id' | 'starts'>, now: Date): PersonalExtension {
  return { periodId: period.id, deadline: period.starts, reason: 'other', updatedAt: now.toISOString() };
}
