import { describe, expect, it } from 'vitest';
import { discussionText, firstShown, groupByPeriod, notesForPeriod } from '../../lib/domain/discussion';
import { planSchema } from '../../lib/model/plan';
import type { Note } from '../../lib/model/note';
import { fixturePlan } from '../support/fixtures';

const plan = planSchema.parse(fixturePlan());
const november = plan.periods[1]!;
const note = (id: string, courseKey: string, text: string, extra: Partial<Note> = {}): Note => ({
  id,
  courseKey,
  text,
  shared: false,
  createdAt: `2026-11-${10 + Number(id.slice(1))}T10:00:00Z`,
  updatedAt: `2026-11-${10 + Number(id.slice(1))}T10:00:00Z`,
  ...extra,
});
const notes = [
  note('n1', 'digiteket.se/kurs/skapa-en-podd/', 'Bokpoddar med skolklasser?', { shared: true }),
  note('n2', 'digiteket.se/kurs/skapa-en-podd/', 'Privat: vilken mikrofon?\nFråga IT.'),
  note('n3', 'digiteket.se/kurs/starka-losenord/', 'Lösenordshanterare', { courseTitle: 'Starka lösenord' }),
  note('n4', 'digiteket.se/kurs/skapa-en-podd/', 'Borttagen', { deleted: true }),
];

describe('discussion sheet', () => {
  it('lists every course of the period with its notes, newest first, without deleted ones', () => {
    const courses = notesForPeriod(november, notes, false);
    expect(courses.map((c) => c.title)).toEqual(november.items.map((i) => i.title));
    expect(courses[0]!.notes.map((n) => n.id)).toEqual(['n2', 'n1']);
    expect(notesForPeriod(november, notes, true)[0]!.notes.map((n) => n.id)).toEqual(['n1']);
  });

  it('writes plain text for an e-mail', () => {
    const courses = notesForPeriod(november, notes, false).slice(0, 2);
    expect(discussionText('Förbered diskussionen – November', 'Klar senast 30 nov', courses, '(inga reflektioner)', (d) => d.slice(0, 10))).toBe(
      [
        'Förbered diskussionen – November',
        'Klar senast 30 nov',
        '',
        'Skapa en podd',
        '- Privat: vilken mikrofon? (2026-11-12)',
        '  Fråga IT.',
        '- Bokpoddar med skolklasser? (2026-11-11)',
        '',
        'Bildredigering i webbläsaren',
        '  (inga reflektioner)',
        '',
      ].join('\n'),
    );
  });

  it('groups notes by the plan period of their course, the rest last', () => {
    const groups = groupByPeriod(notes.filter((n) => !n.deleted), plan);
    expect(groups.map((g) => g.periodTitle)).toEqual(['November: Skapa innehåll', 'Januari: Säkerhet']);
    const outside = groupByPeriod([note('n5', 'digiteket.se/kurs/okand/', 'x')], plan);
    expect(outside).toEqual([{ periodId: null, periodTitle: null, courses: [expect.objectContaining({ key: 'digiteket.se/kurs/okand/' })] }]);
  });

  it('cuts the grouped notes to the first ones as shown, top to bottom, in the same groups', () => {
    const groups = groupByPeriod([...notes.filter((n) => !n.deleted), note('n5', 'digiteket.se/kurs/okand/', 'x')], plan);
    const order = (cut: ReturnType<typeof firstShown>) => cut.map((g) => [g.periodTitle, ...g.courses.map((c) => [c.title, ...c.notes.map((n) => n.id)])]);
    expect(order(groups)).toEqual([
      ['November: Skapa innehåll', ['digiteket.se/kurs/skapa-en-podd/', 'n2', 'n1']],
      ['Januari: Säkerhet', ['Starka lösenord', 'n3']],
      [null, ['digiteket.se/kurs/okand/', 'n5']],
    ]);
    expect(order(firstShown(groups, 1))).toEqual([['November: Skapa innehåll', ['digiteket.se/kurs/skapa-en-podd/', 'n2']]]);
    expect(order(firstShown(groups, 3))).toEqual([
      ['November: Skapa innehåll', ['digiteket.se/kurs/skapa-en-podd/', 'n2', 'n1']],
      ['Januari: Säkerhet', ['Starka lösenord', 'n3']],
    ]);
    // What is shown whole is the same object: the page leaves it as it is.
    expect(firstShown(groups, 3)[0]).toBe(groups[0]);
    expect(firstShown(groups, 10)).toEqual(groups);
    expect(firstShown(groups, 0)).toEqual([]);
  });
});
