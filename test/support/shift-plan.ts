import { addMonths, lastOfMonth, todayInSweden } from '../../lib/dates';

// Fixture plans name fixed months; tests move them so that a chosen period is running today.

interface RawPeriod {
  id: string;
  starts: string;
  deadline: string;
  sessions?: Array<{ starts: string; ends: string }>;
  [key: string]: unknown;
}

function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm);
}

function shiftDate(date: string, months: number): string {
  const shiftedMonth = addMonths(`${date.slice(0, 7)}-01`, months);
  const last = lastOfMonth(shiftedMonth);
  if (date === lastOfMonth(date)) return last;
  const day = `${shiftedMonth.slice(0, 8)}${date.slice(8)}`;
  return day > last ? last : day;
}

function shiftInstant(instant: string, months: number): string {
  const match = /^(\d{4}-\d{2}-\d{2})(T.*)$/.exec(instant);
  if (!match) return instant;
  return `${shiftDate(match[1] as string, months)}${match[2]}`;
}

/** A copy of `plan` with every date moved so the period `currentId` covers today. */
export function shiftPlanToToday<T extends { periods: RawPeriod[] }>(plan: T, currentId: string, now = new Date()): T {
  const current = plan.periods.find((p) => p.id === currentId);
  if (!current) throw new Error(`no period ${currentId}`);
  const months = monthsBetween(current.starts.slice(0, 7), todayInSweden(now).slice(0, 7));
  return {
    ...plan,
    periods: plan.periods.map((p) => ({
      ...p,
      starts: shiftDate(p.starts, months),
      deadline: shiftDate(p.deadline, months),
      sessions: (p.sessions ?? []).map((s) => ({
        ...s,
        starts: shiftInstant(s.starts, months),
        ends: shiftInstant(s.ends, months),
      })),
    })),
  };
}
