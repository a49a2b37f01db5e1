import { addDays, swedishInstant, todayInSweden, type CalendarDate } from '../../lib/time/dates';
import { fixturePlan } from './fixtures';

// The Östersund fixture plan (same periods, courses and session ids) laid out around a moment
// the test chooses, in days from that moment's Swedish date, so that what is running, what is
// past and which discussions are ahead is the same whatever the date and time of day.

/**
 * - `midPeriod`: November's courses run (started 14 days ago, deadline in 14 days), October and
 *   its discussion are over, November's discussions follow its deadline, then December's pause.
 * - `monthStart`: today is November's first day; October's deadline was yesterday and its
 *   discussion is tomorrow, as in the first days of a month.
 */
export type Scene = 'midPeriod' | 'monthStart';

interface Layout {
  starts: number;
  deadline: number;
  /** Day offsets of the period's sessions, in the fixture's order. */
  sessions: number[];
}

const LAYOUTS: Record<Scene, Record<string, Layout>> = {
  midPeriod: {
    '2026-10': { starts: -45, deadline: -15, sessions: [-12] },
    '2026-11': { starts: -14, deadline: 14, sessions: [15, 16, 17] },
    '2026-12': { starts: 15, deadline: 44, sessions: [] },
    '2027-01': { starts: 45, deadline: 75, sessions: [] },
  },
  monthStart: {
    '2026-10': { starts: -31, deadline: -1, sessions: [1] },
    '2026-11': { starts: 0, deadline: 29, sessions: [30, 31, 32] },
    '2026-12': { starts: 30, deadline: 60, sessions: [] },
    '2027-01': { starts: 61, deadline: 91, sessions: [] },
  },
};

interface RawSession {
  starts: string;
  ends: string;
  [key: string]: unknown;
}

function at(day: CalendarDate, instant: string): string {
  // The fixture's wall-clock time ("…T09:00:00+01:00" → 09:00), on the new day, with the
  // offset Sweden has on that day.
  const time = /T(\d\d:\d\d)/.exec(instant)?.[1] ?? '09:00';
  return swedishInstant(day, time) as string;
}

/** The fixture plan as a JSON text, laid out around `now` as `scene` says. */
export function fixturePlanAt(now: Date = new Date(), scene: Scene = 'midPeriod'): string {
  const today = todayInSweden(now);
  const day = (offset: number) => addDays(today, offset);
  const plan = fixturePlan() as unknown as { periods: Array<{ id: string; sessions?: RawSession[] }> } & Record<string, unknown>;
  const layout = LAYOUTS[scene];
  const laid = {
    ...plan,
    // Self-assessment now is nearer the start than the end.
    selfAssessment: { ...(plan.selfAssessment as object), start: day(-60), end: day(200) },
    updatedAt: now.toISOString(),
    periods: plan.periods.map((period) => {
      const place = layout[period.id];
      if (!place) throw new Error(`no layout for period ${period.id}`);
      return {
        ...period,
        starts: day(place.starts),
        deadline: day(place.deadline),
        sessions: (period.sessions ?? []).map((session, i) => {
          const offset = place.sessions[i];
          if (offset === undefined) throw new Error(`no day for session ${i} of ${period.id}`);
          return { ...session, starts: at(day(offset), session.starts), ends: at(day(offset), session.ends) };
        }),
      };
    }),
  };
  return JSON.stringify(laid, null, 2);
}
