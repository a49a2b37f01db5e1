import { courseKey } from '../site/course-key';
import { addDays, daysBetween, swedishDateTime, swedishInstant, todayInSweden, type CalendarDate } from './dates';
import type { Period, Plan } from '../model/plan';

// Which reminder, if any, is due today: a deadline coming while required courses remain, a
// new period starting, or a booked discussion tomorrow. Never more than one a day; reminder
// days that fall on a weekend move to the Friday before (a new period's to the Monday after).

export interface ReminderSettings {
  deadline: boolean;
  /** Days before a deadline, e.g. [7, 2]. */
  deadlineDays: number[];
  newPeriod: boolean;
  session: boolean;
}

export const DEFAULT_REMINDERS: ReminderSettings = { deadline: true, deadlineDays: [7, 2], newPeriod: true, session: true };

export type Reminder =
  | { kind: 'session'; periodTitle: string; starts: string; place: string }
  | { kind: 'deadline'; periodTitle: string; deadline: CalendarDate; remaining: number }
  | { kind: 'newPeriod'; periodTitle: string; deadline: CalendarDate; required: number };

/** The time of day reminders are shown, Swedish time. */
export const REMINDER_TIME = '09:00';

function weekday(date: CalendarDate): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

/** A weekend day moved to the Friday before. */
export function workdayOnOrBefore(date: CalendarDate): CalendarDate {
  const day = weekday(date);
  return day === 6 ? addDays(date, -1) : day === 0 ? addDays(date, -2) : date;
}

/** A weekend day moved to the Monday after. */
export function workdayOnOrAfter(date: CalendarDate): CalendarDate {
  const day = weekday(date);
  return day === 6 ? addDays(date, 2) : day === 0 ? addDays(date, 1) : date;
}

export function dueReminder(
  plan: Plan,
  doneKeys: ReadonlySet<string>,
  booked: ReadonlySet<string>,
  settings: ReminderSettings,
  lastShownDay: CalendarDate | undefined,
  now: Date = new Date(),
  deadlineOf: (period: Period) => CalendarDate = (period) => period.deadline,
): Reminder | null {
  const today = todayInSweden(now);
  if (lastShownDay === today) return null;
  if (settings.session) {
    const tomorrow = addDays(today, 1);
    for (const period of plan.periods) {
      const session = period.sessions.find((s) => booked.has(s.id) && swedishDateTime(new Date(s.starts)).date === tomorrow);
      if (session) return { kind: 'session', periodTitle: period.title, starts: session.starts, place: session.place };
    }
  }
  if (settings.deadline) {
    for (const period of plan.periods) {
      // A personal deadline moves the reminders with it: none before the period's own.
      const deadline = deadlineOf(period);
      if (period.paused || period.starts > today || deadline < today) continue;
      const remaining = period.items.filter((i) => !i.optional && !doneKeys.has(courseKey(i.url) ?? '')).length;
      if (remaining === 0) continue;
      const days = settings.deadlineDays.map((n) => workdayOnOrBefore(addDays(deadline, -n)));
      if (days.includes(today)) return { kind: 'deadline', periodTitle: period.title, deadline, remaining };
    }
  }
  if (settings.newPeriod) {
    const starting = plan.periods.find((p) => !p.paused && workdayOnOrAfter(p.starts) === today);
    if (starting) {
      return { kind: 'newPeriod', periodTitle: starting.title, deadline: starting.deadline, required: starting.items.filter((i) => !i.optional).length };
    }
  }
  return null;
}

/** When to look next: today at the reminder time if that is still ahead, else tomorrow's. */
export function nextReminderCheck(now: Date = new Date()): Date {
  const today = todayInSweden(now);
  const at = new Date(swedishInstant(today, REMINDER_TIME) as string);
  return at.getTime() > now.getTime() ? at : new Date(swedishInstant(addDays(today, 1), REMINDER_TIME) as string);
}

/** Days until a deadline, for the notification's text. */
export function daysUntil(deadline: CalendarDate, now: Date = new Date()): number {
  return daysBetween(todayInSweden(now), deadline);
}
