import type { Signup } from '../model/member';
import { bookedSessionIds } from '../domain/sessions';
import type { Store } from '../storage/store';

// Signing up for a discussion session: one per period, so choosing another session of the
// same period cancels the first. Cancelling keeps a record (a tombstone) so every copy agrees.

export class SignupService {
  constructor(
    private readonly store: Store,
    private readonly onChange: () => void | Promise<void>,
  ) {}

  /** Session ids this member is signed up for. */
  async active(): Promise<Set<string>> {
    return bookedSessionIds(await this.store.signups());
  }

  async signUp(sessionId: string, now: Date = new Date()): Promise<boolean> {
    const stored = await this.store.activePlan();
    const period = stored?.plan.periods.find((p) => p.sessions.some((s) => s.id === sessionId));
    if (!period) return false;
    const at = now.toISOString();
    const mine = await this.active();
    const changes: Signup[] = period.sessions
      .filter((s) => s.id !== sessionId && mine.has(s.id))
      .map((s) => ({ sessionId: s.id, updatedAt: at, cancelled: true }));
    changes.push({ sessionId, updatedAt: at });
    await this.store.putSignups(changes);
    await this.onChange();
    return true;
  }

  async cancel(sessionId: string, now: Date = new Date()): Promise<void> {
    await this.store.putSignups([{ sessionId, updatedAt: now.toISOString(), cancelled: true }]);
    await this.onChange();
  }
}
