import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendar, escapeText, foldLine } from '../../lib/time/calendar';
import { planSchema } from '../../lib/model/plan';
import { fixturePlan } from '../support/fixtures';

const plan = planSchema.parse(fixturePlan());
const text = {
  calendarName: 'Kurskompis – Östersunds bibliotek',
  deadline: (title: string) => `Sista dag: ${title}`,
  deadlineDescription: 'Sista dag för periodens kurser.',
  session: (title: string) => `Diskussion: ${title}`,
};
const NOW = new Date('2026-11-25T10:00:00Z');

function events(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  // The file carries its own zone rules; the parser knows nothing of Stockholm otherwise.
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

describe('the calendar file', () => {
  const ics = buildCalendar(plan, new Set(['2026-11-s2']), text, NOW);

  it('is read by an independent iCalendar parser: deadlines of unpaused periods and booked sessions only', () => {
    const found = events(ics);
    expect(found.map((e) => e.summary)).toEqual([
      'Sista dag: Oktober: Informationskompetens',
      'Sista dag: November: Skapa innehåll',
      'Diskussion: November: Skapa innehåll',
      'Sista dag: Januari: Säkerhet',
    ]);
    const deadline = found[1]!;
    expect(deadline.startDate.isDate).toBe(true);
    expect(deadline.startDate.toString()).toBe('2026-11-30');
    expect(deadline.endDate.toString()).toBe('2026-12-01');
  });

  it('writes session times in Europe/Stockholm with the zone included, so they mean the right instant', () => {
    const session = events(ics)[2]!;
    expect(session.startDate.zone?.tzid).toBe('Europe/Stockholm');
    expect(session.startDate.toJSDate().toISOString()).toBe('2026-12-02T12:00:00.000Z');
    expect(session.endDate.toJSDate().toISOString()).toBe('2026-12-02T13:30:00.000Z');
    expect(session.location).toBe('Konferensrummet');
  });

  it('keeps its UIDs from one export to the next, so a re-import updates instead of doubling', () => {
    const later = buildCalendar({ ...plan, updatedAt: '2026-12-01T00:00:00Z' }, new Set(['2026-11-s2']), text, new Date('2026-12-01T10:00:00Z'));
    expect(events(later).map((e) => e.uid)).toEqual(events(ics).map((e) => e.uid));
    expect(new Set(events(ics).map((e) => e.uid)).size).toBe(4);
  });

  it('follows RFC 5545 line rules: CRLF, folded at 75 octets without splitting å, escaped text', () => {
    expect(ics.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    expect(ics.includes('\n') && !/[^\r]\n/.test(ics)).toBe(true);
    const long = foldLine(`SUMMARY:${'å'.repeat(60)}`);
    expect(long.split('\r\n ').join('')).toBe(`SUMMARY:${'å'.repeat(60)}`);
    expect(escapeText('Rum 1; plan 2, vid\nfönstret')).toBe('Rum 1\\; plan 2\\, vid\\nfönstret');
  });
});
