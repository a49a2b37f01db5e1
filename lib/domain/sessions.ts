import type { Signup } from '../model/member';

/** The sessions a member is signed up for: their records, less the cancelled ones. */
export function bookedSessionIds(signups: readonly Signup[]): Set<string> {
  return new Set(signups.filter((s) => !s.cancelled).map((s) => s.sessionId));
}
