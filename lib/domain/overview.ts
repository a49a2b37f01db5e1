import { urlOfKey } from '../site/course-key';
import {
  daysLeft,
  expectedDone,
  itemStates,
  nextSession,
  optionalTally,
  paceNeeded,
  paceShare,
  paceStanding,
  planMoment,
  requiredTally,
  type ItemState,
  type Pace,
  type PaceStanding,
  type Tally,
} from '../time/periods';
import { memberDeadline, NO_EXTENSIONS, deadlineOf, type MemberDeadline, type MemberExtensions } from '../time/personal-deadline';
import type { Period, PlanSession } from '../model/plan';
import type { ProgressRecord } from '../model/progress';
import type { StoredPlan } from '../model/stored';

// What the popup shows, computed from the stored plan and progress for a given moment.

export interface PeriodOverview {
  period: Period;
  items: Array<ItemState & { href: string }>;
  required: Tally;
  optional: Tally;
  /** The deadline that applies to this member, and whether it is a personal one. */
  deadline: MemberDeadline;
  daysLeft: number;
  pace: Pace;
  /** How far through its time (to the member's deadline) the period is by tonight, 0–1. */
  paceShare: number;
  /** Required courses an even pace would have done by tonight, and where the member stands. */
  expected: number;
  standing: PaceStanding;
  session?: PlanSession;
}

export type Overview =
  | { kind: 'noPlan' }
  | {
      kind: 'plan';
      teamName: string;
      demo: boolean;
      /** The team's place for discussion between sessions, when the plan names one. */
      discussionUrl?: string;
      moment: 'active' | 'paused' | 'between' | 'before' | 'after';
      current?: PeriodOverview;
      /** The plan's running period, when the member's current one runs on a personal deadline past its own. */
      alsoRunning?: PeriodOverview;
      paused?: Period;
      next?: Period;
      previous?: Period;
    };

export function periodOverview(
  period: Period,
  progress: ReadonlyMap<string, ProgressRecord>,
  now: Date = new Date(),
  extensions: MemberExtensions = NO_EXTENSIONS,
): PeriodOverview {
  const states = itemStates(period, progress);
  const required = requiredTally(states);
  const session = nextSession(period, now);
  const deadline = memberDeadline(period, extensions);
  const share = paceShare(period, now, deadline.deadline);
  const expected = expectedDone(required.total, share);
  return {
    period,
    items: states.map((s) => ({ ...s, href: urlOfKey(s.key) })),
    required,
    optional: optionalTally(states),
    deadline,
    daysLeft: daysLeft(deadline.deadline, now),
    pace: paceNeeded(required.total - required.done, deadline.deadline, now),
    paceShare: share,
    expected,
    standing: paceStanding(required, expected),
    ...(session ? { session } : {}),
  };
}

export function overview(
  stored: StoredPlan | undefined,
  progress: ReadonlyMap<string, ProgressRecord>,
  now: Date = new Date(),
  extensions: MemberExtensions = NO_EXTENSIONS,
): Overview {
  if (!stored) return { kind: 'noPlan' };
  const moment = planMoment(stored.plan, now, deadlineOf(extensions));
  // Past its own deadline the member's period runs on alone; the plan's own running one shows beside it.
  const planRunning = planMoment(stored.plan, now);
  const alsoRunning =
    moment.kind === 'active' && planRunning.kind === 'active' && planRunning.period.id !== moment.period.id
      ? periodOverview(planRunning.period, progress, now, extensions)
      : undefined;
  const discussionUrl = stored.plan.team.discussionUrl;
  const base = { kind: 'plan' as const, teamName: stored.plan.team.name, demo: stored.source.kind === 'demo', ...(discussionUrl ? { discussionUrl } : {}) };
  switch (moment.kind) {
    case 'active':
      return {
        ...base,
        moment: 'active',
        current: periodOverview(moment.period, progress, now, extensions),
        ...(alsoRunning ? { alsoRunning } : {}),
        ...(moment.next ? { next: moment.next } : {}),
      };
    case 'paused':
      return { ...base, moment: 'paused', paused: moment.period, ...(moment.next ? { next: moment.next } : {}) };
    case 'between':
      return { ...base, moment: 'between', next: moment.next, ...(moment.previous ? { previous: moment.previous } : {}) };
    case 'before':
      return { ...base, moment: 'before', next: moment.next };
    case 'after':
      return { ...base, moment: 'after', previous: moment.previous };
  }
}
