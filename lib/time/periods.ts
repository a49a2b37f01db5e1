import { courseKey, type CourseKey } from '../site/course-key';
import { daysBetween, todayInSweden, type CalendarDate } from './dates';
import type { Period, Plan, PlanItem, PlanSession } from '../model/plan';
import type { ProgressRecord } from '../model/progress';

// Where a plan stands on a given day. Pure: the clock comes in as `now`.

export type PlanMoment =
  | { kind: 'active'; period: Period; next?: Period }
  | { kind: 'paused'; period: Period; next?: Period }
  | { kind: 'between'; previous?: Period; next: Period }
  | { kind: 'before'; next: Period }
  | { kind: 'after'; previous: Period };

function byStart(periods: readonly Period[]): Period[] {
  return [...periods].sort((a, b) => a.starts.localeCompare(b.starts) || a.deadline.localeCompare(b.deadline));
}

/** A period's deadline for the member asking: the period's own unless a personal one applies. */
export type DeadlineOf = (period: Period) => CalendarDate;
const ownDeadline: DeadlineOf = (period) => period.deadline;

/**
 * With `deadlineOf`, a period whose own deadline has passed but whose personal one has not is
 * still running for this member, and comes before a later period: what is overdue first.
 */
export function planMoment(plan: Plan, now: Date = new Date(), deadlineOf: DeadlineOf = ownDeadline): PlanMoment {
  const today = todayInSweden(now);
  const periods = byStart(plan.periods);
  const running = periods.filter((p) => p.starts <= today && today <= deadlineOf(p));
  // When periods overlap, a running period with courses wins over a pause.
  const current = running.find((p) => !p.paused) ?? running[0];
  const next = periods.find((p) => p.starts > today && (!current || p.id !== current.id));
  if (current) return { kind: current.paused ? 'paused' : 'active', period: current, ...(next ? { next } : {}) };
  const previous = [...periods].reverse().find((p) => deadlineOf(p) < today);
  if (next && previous) return { kind: 'between', previous, next };
  if (next) return { kind: 'before', next };
  // A plan has at least one period, so with no next one there is a previous one.
  return { kind: 'after', previous: previous ?? (periods.at(-1) as Period) };
}

export function currentPeriod(plan: Plan, now: Date = new Date(), deadlineOf: DeadlineOf = ownDeadline): Period | undefined {
  const moment = planMoment(plan, now, deadlineOf);
  return moment.kind === 'active' ? moment.period : undefined;
}

export interface ItemState {
  item: PlanItem;
  key: CourseKey;
  status: 'todo' | 'started' | 'done';
  completedAt?: string;
}

export function itemStates(period: Period, progress: ReadonlyMap<CourseKey, ProgressRecord>): ItemState[] {
  return period.items.flatMap((item) => {
    const key = courseKey(item.url);
    if (!key) return [];
    const record = progress.get(key);
    return [
      {
        item,
        key,
        status: record?.status ?? 'todo',
        ...(record?.completedAt ? { completedAt: record.completedAt } : {}),
      },
    ];
  });
}

export interface Tally {
  done: number;
  total: number;
}

export function requiredTally(states: readonly ItemState[]): Tally {
  const required = states.filter((s) => !s.item.optional);
  return { done: required.filter((s) => s.status === 'done').length, total: required.length };
}

export function optionalTally(states: readonly ItemState[]): Tally {
  const optional = states.filter((s) => s.item.optional);
  return { done: optional.filter((s) => s.status === 'done').length, total: optional.length };
}

/** Days left after today until the deadline (0 on the last day, negative once past). */
export function daysLeft(deadline: CalendarDate, now: Date = new Date()): number {
  return daysBetween(todayInSweden(now), deadline);
}

export type Pace =
  | { kind: 'done' }
  | { kind: 'overdue'; remaining: number }
  | { kind: 'perWeek'; count: number }
  | { kind: 'inDays'; remaining: number; days: number };

/**
 * What it takes to finish in time. Today counts as a day to work, so on the last day the
 * remaining courses are due "within 1 day".
 */
export function paceNeeded(remaining: number, deadline: CalendarDate, now: Date = new Date()): Pace {
  if (remaining <= 0) return { kind: 'done' };
  const days = daysLeft(deadline, now) + 1;
  if (days <= 0) return { kind: 'overdue', remaining };
  if (days < 7) return { kind: 'inDays', remaining, days };
  return { kind: 'perWeek', count: Math.ceil((remaining * 7) / days) };
}

/** The period's next discussion session that has not ended yet. */
export function nextSession(period: Period, now: Date = new Date()): PlanSession | undefined {
  return [...period.sessions]
    .filter((s) => Date.parse(s.ends) > now.getTime())
    .sort((a, b) => Date.parse(a.starts) - Date.parse(b.starts))[0];
}

/** Required courses still to do in the running period: the toolbar badge's number. */
export function requiredLeft(
  plan: Plan,
  progress: ReadonlyMap<CourseKey, ProgressRecord>,
  now: Date = new Date(),
  deadlineOf: DeadlineOf = ownDeadline,
) {
  const period = currentPeriod(plan, now, deadlineOf);
  if (!period) return 0;
  const tally = requiredTally(itemStates(period, progress));
  return tally.total - tally.done;
}

/** A started period's discussion sessions that have not ended yet, soonest first. */
export interface SessionGroup {
  period: Period;
  sessions: PlanSession[];
}

const byStartInstant = (a: PlanSession, b: PlanSession) => Date.parse(a.starts) - Date.parse(b.starts);

/**
 * Sessions open for sign-up, by period, the period whose discussion comes first leading.
 * Sessions come at a period's end, often after its deadline, so in the first days of a month
 * the previous period's sessions are still ahead while the new period's courses already run.
 */
export function openSessionGroups(plan: Plan, now: Date = new Date()): SessionGroup[] {
  const today = todayInSweden(now);
  return plan.periods
    .filter((period) => period.starts <= today)
    .map((period) => ({
      period,
      sessions: period.sessions.filter((s) => Date.parse(s.ends) > now.getTime()).sort(byStartInstant),
    }))
    .filter((group) => group.sessions.length > 0)
    .sort((a, b) => byStartInstant(a.sessions[0] as PlanSession, b.sessions[0] as PlanSession));
}

/**
 * The period in focus for the discussion (the coordinator's overview, "Förbered
 * diskussionen"): the one whose sessions come next; with none ahead, the running period,
 * else the latest started one, else the first.
 */
export function discussionPeriod(plan: Plan, now: Date = new Date()): Period | undefined {
  const upcoming = openSessionGroups(plan, now)[0];
  if (upcoming) return upcoming.period;
  const running = currentPeriod(plan, now);
  if (running) return running;
  const today = todayInSweden(now);
  const started = byStart(plan.periods).filter((p) => p.starts <= today && !p.paused);
  return started.at(-1) ?? byStart(plan.periods)[0];
}

/**
 * How far through its time a period is by the end of today, 0 to 1: the share of the
 * required courses that an even pace would have done by tonight. Today counts as a day to
 * work, as in `paceNeeded`, so the last day (the member's own deadline, when one applies)
 * reaches 1. Before the start nothing is due yet; after the deadline everything is.
 */
export function paceShare(period: Pick<Period, 'starts' | 'deadline'>, now: Date = new Date(), deadline: CalendarDate = period.deadline): number {
  const today = todayInSweden(now);
  if (today < period.starts) return 0;
  if (today >= deadline) return 1;
  const days = daysBetween(period.starts, deadline) + 1;
  return (daysBetween(period.starts, today) + 1) / days;
}

/** Courses an even pace would have done by tonight, in whole courses (what a member can check). */
export function expectedDone(total: number, share: number): number {
  // A hair of tolerance so 3 × (1/3) counts as the 1 it is.
  return Math.min(total, Math.floor(total * share + 1e-9));
}

export type PaceStanding = 'done' | 'ahead' | 'onPace' | 'behind';

/** Where the member stands against the even pace: behind when fewer are done than expected. */
export function paceStanding(tally: Tally, expected: number): PaceStanding {
  if (tally.total > 0 && tally.done >= tally.total) return 'done';
  if (tally.done < expected) return 'behind';
  return tally.done > expected ? 'ahead' : 'onPace';
}
