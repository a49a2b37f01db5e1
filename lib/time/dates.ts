// Plan dates are calendar dates in Swedish time, whatever zone the browser runs in.
// Arithmetic is done on calendar dates (as UTC midnights), never on local instants, so a
// change to or from summer time cannot add or lose a day.

export const PLAN_TIME_ZONE = 'Europe/Stockholm';

export type CalendarDate = string; // YYYY-MM-DD

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseCalendarDate(value: string): { y: number; m: number; d: number } | null {
  const match = DATE_RE.exec(value);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  const utc = new Date(Date.UTC(y, m - 1, d));
  if (utc.getUTCFullYear() !== y || utc.getUTCMonth() !== m - 1 || utc.getUTCDate() !== d) return null;
  return { y, m, d };
}

function toUtcMs(date: CalendarDate): number {
  const parts = parseCalendarDate(date);
  if (!parts) throw new RangeError(`Not a calendar date: ${date}`);
  return Date.UTC(parts.y, parts.m - 1, parts.d);
}

function fromUtcMs(ms: number): CalendarDate {
  return new Date(ms).toISOString().slice(0, 10);
}

// Made on first use: building a formatter with a time zone loads ICU's zone data, which every
// page that merely loads this module (the content script among them) would otherwise pay for.
let stockholmDate: Intl.DateTimeFormat | undefined;

/** Today's calendar date in Swedish time. */
export function todayInSweden(now: Date = new Date()): CalendarDate {
  stockholmDate ??= new Intl.DateTimeFormat('en-CA', { timeZone: PLAN_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
  const parts = stockholmDate.formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / 86_400_000);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromUtcMs(toUtcMs(date) + days * 86_400_000);
}

export function firstOfMonth(date: CalendarDate): CalendarDate {
  return `${date.slice(0, 7)}-01`;
}

export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const parts = parseCalendarDate(date);
  if (!parts) throw new RangeError(`Not a calendar date: ${date}`);
  return fromUtcMs(Date.UTC(parts.y, parts.m - 1 + months, 1));
}

export function lastOfMonth(date: CalendarDate): CalendarDate {
  return addDays(addMonths(date, 1), -1);
}

/** The default deadline of a month: its last Monday–Friday. */
export function lastWeekdayOfMonth(date: CalendarDate): CalendarDate {
  let day = lastOfMonth(date);
  for (;;) {
    const weekday = new Date(toUtcMs(day)).getUTCDay();
    if (weekday !== 0 && weekday !== 6) return day;
    day = addDays(day, -1);
  }
}

/** ISO 8601 week number, as Swedish calendars print it ("vecka 49"). */
export function isoWeek(date: CalendarDate): number {
  const ms = toUtcMs(date);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday = 0
  const thursday = ms + (3 - weekday) * 86_400_000;
  const yearStart = Date.UTC(new Date(thursday).getUTCFullYear(), 0, 1);
  return Math.floor((thursday - yearStart) / (7 * 86_400_000)) + 1;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * One formatter per kind and locale: making one costs some hundred times more than using it,
 * and a team's grid writes a date on each of a thousand rows.
 */
function formatter(kind: string, locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${kind} ${locale}`;
  let made = formats.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat(locale, options);
    formats.set(key, made);
  }
  return made;
}

/** "1 dec" in Swedish, "1 Dec" in English: day and short month, no trailing dot. */
export function formatDayMonth(date: CalendarDate, locale: string): string {
  const text = formatter('dayMonth', locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(toUtcMs(date)),
  );
  return text.replace(/\.$/, '').replace(/\.(?=\s|$)/g, '');
}

/** Clock time of an instant in Swedish time: "09.00" as Swedish writes it, "09:00" in English. */
export function formatTime(instant: Date, locale: string): string {
  const text = formatter('time', locale, { hour: '2-digit', minute: '2-digit', timeZone: PLAN_TIME_ZONE }).format(instant);
  return locale.startsWith('sv') ? text.replace(':', '.') : text;
}

let stockholmParts: Intl.DateTimeFormat | undefined;

/** Swedish wall-clock date and time ("HH:MM") of an instant. */
export function swedishDateTime(instant: Date): { date: CalendarDate; time: string } {
  stockholmParts ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: PLAN_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const parts = stockholmParts.formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * The instant of a Swedish wall-clock time, written with its offset ("2026-12-01T09:00:00+01:00"),
 * or null for a date or time that is not one. A time in the hour skipped when summer time
 * starts is read with the winter offset, which lands an hour later on the summer clock.
 */
export function swedishInstant(date: CalendarDate, time: string): string | null {
  const day = parseCalendarDate(date);
  const clock = TIME_RE.exec(time);
  if (!day || !clock) return null;
  const wall = Date.UTC(day.y, day.m - 1, day.d, Number(clock[1]), Number(clock[2]));
  // Stockholm is UTC+1 or UTC+2: of the two candidates, take the one that reads back as asked.
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(wall - offsetHours * 3_600_000);
    const back = swedishDateTime(candidate);
    if (back.date === date && back.time === time) {
      return `${date}T${time}:00+0${offsetHours}:00`;
    }
  }
  return `${date}T${time}:00+01:00`;
}

/** The month's name as a title would start with it: "December", "Januari". */
export function monthTitle(date: CalendarDate, locale: string): string {
  const name = formatter('month', locale, { month: 'long', timeZone: 'UTC' }).format(new Date(toUtcMs(date)));
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** A month's short name with no trailing dot ("nov", "Nov"), for a chart's axis; `month` is YYYY-MM. */
export function formatShortMonth(month: string, locale: string): string {
  const text = formatter('shortMonth', locale, { month: 'short', timeZone: 'UTC' }).format(new Date(toUtcMs(`${month}-01`)));
  return text.replace(/\.$/, '');
}

/** A month in full with its year ("november 2026"), `month` being YYYY-MM. */
export function formatMonthYear(month: string, locale: string): string {
  return formatter('monthYear', locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(toUtcMs(`${month}-01`)));
}

/** "25 november 2026" in Swedish, "25 November 2026" in English. */
export function formatLongDate(date: CalendarDate, locale: string): string {
  return formatter('longDate', locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(toUtcMs(date)));
}
