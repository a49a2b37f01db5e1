import { addDays, swedishDateTime } from './dates';
import type { Plan } from '../model/plan';

// "Lägg till i kalendern": the period deadlines and the booked discussion sessions as an
// iCalendar file (RFC 5545) that Outlook, Google Calendar and Apple Calendar import. UIDs are
// stable, so importing a newer file updates the events instead of doubling them; times are
// written in Europe/Stockholm with the zone's rules included.

export interface CalendarText {
  deadline: (periodTitle: string) => string;
  deadlineDescription: string;
  session: (periodTitle: string) => string;
  calendarName: string;
}

const STOCKHOLM = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Stockholm',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/**
 * TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 3.3.11). Values come
 * from the plan and the catalogue, so a line break of any kind (CRLF, CR, LF) becomes the escaped
 * \n and every other control character (C0, DEL, C1) is dropped: no value can end its line and
 * start a property of its own.
 */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

/** A place that is a web address, as a URI value: parsed, so no line break or control character survives. */
function placeUrl(place: string): string | null {
  if (!/^https?:\/\//i.test(place)) return null;
  try {
    const url = new URL(place);
    // The URL parser drops tabs and line breaks and percent-encodes other controls; check anyway.
    return /^https?:$/.test(url.protocol) && !/[\u0000-\u0020\u007F-\u009F]/.test(url.href) ? url.href : null;
  } catch {
    return null;
  }
}

/** Lines longer than 75 octets are folded: CRLF and a space, never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    if (size + bytes > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += bytes;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const placeProperty = (place: string) => {
  const url = placeUrl(place);
  return url ? [`URL:${url}`] : [];
};

const compactDate = (date: string) => date.replace(/-/g, '');

function localStamp(instant: string): string {
  const { date, time } = swedishDateTime(new Date(instant));
  return `${compactDate(date)}T${time.replace(':', '')}00`;
}

function utcStamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** A safe UID part: letters, digits, dots and dashes only. */
const uidPart = (value: string) => value.replace(/[^A-Za-z0-9.-]/g, '-');

export function buildCalendar(plan: Plan, bookedSessions: ReadonlySet<string>, text: CalendarText, now: Date = new Date()): string {
  const stamp = utcStamp(now);
  const team = uidPart(plan.team.id);
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Kurskompis//Kurskompis//SV', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(text.calendarName)}`, ...STOCKHOLM];
  for (const period of plan.periods) {
    if (!period.paused) {
      lines.push(
        'BEGIN:VEVENT',
        `UID:${team}-${uidPart(period.id)}-deadline@kurskompis`,
        `DTSTAMP:${stamp}`,
        `DTSTART;VALUE=DATE:${compactDate(period.deadline)}`,
        `DTEND;VALUE=DATE:${compactDate(addDays(period.deadline, 1))}`,
        `SUMMARY:${escapeText(text.deadline(period.title))}`,
        `DESCRIPTION:${escapeText(text.deadlineDescription)}`,
        'TRANSP:TRANSPARENT',
        'END:VEVENT',
      );
    }
    for (const session of period.sessions) {
      if (!bookedSessions.has(session.id)) continue;
      lines.push(
        'BEGIN:VEVENT',
        `UID:${team}-${uidPart(session.id)}-session@kurskompis`,
        `DTSTAMP:${stamp}`,
        `DTSTART;TZID=Europe/Stockholm:${localStamp(session.starts)}`,
        `DTEND;TZID=Europe/Stockholm:${localStamp(session.ends)}`,
        `SUMMARY:${escapeText(text.session(period.title))}`,
        `LOCATION:${escapeText(session.place)}`,
        ...placeProperty(session.place),
        'END:VEVENT',
      );
    }
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
