import { describe, expect, it } from 'vitest';
import { coverage } from '../../lib/coordinator/coverage';
import { myYear } from '../../lib/domain/my-year';
import type { CatalogueEntry } from '../../lib/model/catalogue';
import type { MemberFile } from '../../lib/model/member';
import type { Plan } from '../../lib/model/plan';
import type { ProgressRecord } from '../../lib/model/progress';

// The clock is fixed in each test: coverage counts the plan of "this year" in Swedish time.

const url = (slug: string) => `https://digiteket.se/kurs/${slug}/`;
const key = (slug: string) => `digiteket.se/kurs/${slug}/`;

function plan(updatedAt: string): Plan {
  return {
    kind: 'kurskompis/plan',
    version: 1,
    team: { id: 't', name: 'Team' },
    updatedAt,
    periods: [
      { id: 'p-2025-12', title: 'December 2025', competenceArea: 'Säkerhet', starts: '2025-12-01', deadline: '2025-12-31', items: [{ url: url('losenord'), title: 'Lösenord', kind: 'course' }], sessions: [] },
      {
        id: 'p-2026-02',
        title: 'Februari',
        competenceArea: 'Informationskompetens',
        starts: '2026-02-01',
        deadline: '2026-02-28',
        items: [
          { url: url('kallkritik-pa-natet'), title: 'Källkritik på nätet', kind: 'course' },
          { url: url('sok-smart'), title: 'Sök smart', kind: 'course' },
          { url: 'https://digiteket.se/inspirationsartikel/ostersundsmodellen/', title: 'Östersundsmodellen', kind: 'article' },
        ],
        sessions: [],
      },
      { id: 'p-2026-03', title: 'Mars', competenceArea: 'Skapa innehåll', starts: '2026-03-01', deadline: '2026-03-31', items: [{ url: url('skapa-en-podd'), title: 'Skapa en podd', kind: 'course' }], sessions: [] },
    ],
  } as Plan;
}

const seen = (slug: string, title: string, firstSeen: string, area?: string): CatalogueEntry => ({
  key: key(slug),
  title,
  ...(area ? { area } : {}),
  firstSeen,
  lastSeen: firstSeen,
});

const member = (name: string, done: string[]): MemberFile =>
  ({
    kind: 'kurskompis/member',
    version: 1,
    memberId: `member-${name}`,
    displayName: name,
    updatedAt: '2026-03-01T10:00:00Z',
    progress: done.map((slug) => ({ courseKey: key(slug), status: 'done', completedAt: '2026-03-01T10:00:00Z', updatedAt: '2026-03-01T10:00:00Z' })),
    sharedNotes: [],
    signups: [],
    selfAssessments: [],
  }) as MemberFile;

describe('the year\'s coverage', () => {
  const catalogue = [
    seen('skapa-en-podd', 'Skapa en podd', '2026-01-10T10:00:00Z', 'Skapa innehåll'),
    seen('filma-med-mobilen', 'Filma med mobilen', '2026-01-10T10:00:00Z', 'Skapa innehåll'),
    seen('ny-kurs-om-ai', 'Ny kurs om AI', '2026-04-02T08:00:00Z', 'Problemlösning'),
  ];

  it('marks every known course planned (in which period of this year) or not, and counts them', () => {
    const result = coverage(plan('2026-03-15T12:00:00Z'), catalogue, null, new Date('2026-04-10T10:00:00Z'));
    const byKey = new Map(result.rows.map((r) => [r.key, r]));
    // Catalogue ∪ plan courses; the article is not a course; last year's period does not count.
    expect(result.total).toBe(6);
    expect(result.planned).toBe(3);
    expect(byKey.get(key('skapa-en-podd'))?.periods).toEqual([{ id: 'p-2026-03', title: 'Mars' }]);
    expect(byKey.get(key('filma-med-mobilen'))?.periods).toEqual([]);
    expect(byKey.get(key('losenord'))?.periods).toEqual([]);
    expect(byKey.get(key('sok-smart'))?.area).toBe('information');
    expect(byKey.get(key('filma-med-mobilen'))?.doneBy).toBeNull();
  });

  it('flags a course first seen after the plan last changed, with that day', () => {
    const rows = coverage(plan('2026-03-15T12:00:00Z'), catalogue, null, new Date('2026-04-10T10:00:00Z')).rows;
    expect(rows.filter((r) => r.newSince).map((r) => [r.title, r.newSince])).toEqual([['Ny kurs om AI', '2026-04-02']]);
    // A course the plan holds is no news, even when a list showed it only after the plan changed.
    const planned = coverage(plan('2026-01-01T12:00:00Z'), catalogue, null, new Date('2026-04-10T10:00:00Z')).rows;
    expect(planned.filter((r) => r.newSince).map((r) => r.title)).toEqual(['Filma med mobilen', 'Ny kurs om AI']);
    // Once the plan is changed after it, it is not new any more.
    const later = coverage(plan('2026-04-05T12:00:00Z'), catalogue, null, new Date('2026-04-10T10:00:00Z')).rows;
    expect(later.some((r) => r.newSince)).toBe(false);
  });

  it('counts the members who finished each course', () => {
    const members = [member('Anna', ['skapa-en-podd', 'filma-med-mobilen']), member('Bo', ['skapa-en-podd'])];
    const rows = coverage(plan('2026-03-15T12:00:00Z'), catalogue, members, new Date('2026-04-10T10:00:00Z')).rows;
    const doneBy = Object.fromEntries(rows.map((r) => [r.title, r.doneBy]));
    expect(doneBy).toMatchObject({ 'Skapa en podd': 2, 'Filma med mobilen': 1, 'Sök smart': 0 });
  });

  it('counts a period running from December into January in both years', () => {
    const p = plan('2026-03-15T12:00:00Z');
    p.periods[0] = { ...p.periods[0]!, deadline: '2026-01-20' };
    expect(coverage(p, [], null, new Date('2025-12-10T10:00:00Z')).planned).toBe(1);
    expect(coverage(p, [], null, new Date('2026-04-10T10:00:00Z')).planned).toBe(4);
  });

  it('takes the year in Swedish time: late on 31 December UTC is already next year', () => {
    const result = coverage(plan('2026-03-15T12:00:00Z'), [], null, new Date('2025-12-31T23:30:00Z'));
    expect(result.year).toBe('2026');
    expect(result.planned).toBe(3);
  });
});

describe('Mitt år', () => {
  const done = (slug: string, completedAt: string, area?: string): ProgressRecord => ({
    courseKey: key(slug),
    status: 'done',
    completedAt,
    updatedAt: completedAt,
    ...(area ? { competenceArea: area } : {}),
  });

  it('counts this year\'s finished courses per area against the plan of the year', () => {
    const progress: ProgressRecord[] = [
      done('kallkritik-pa-natet', '2026-02-10T10:00:00Z'),
      done('skapa-en-podd', '2026-03-10T10:00:00Z'),
      done('filma-med-mobilen', '2026-05-10T10:00:00Z', 'Skapa innehåll'),
      // Last year's finished planned course does not count this year.
      done('sok-smart', '2025-11-10T10:00:00Z'),
      { courseKey: key('losenord'), status: 'started', updatedAt: '2026-03-10T10:00:00Z' },
    ];
    expect(myYear(plan('2026-03-15T12:00:00Z'), progress, new Date('2026-06-01T10:00:00Z'))).toEqual({
      year: '2026',
      rows: [
        { area: 'information', planned: 2, donePlanned: 1, doneOther: 0 },
        { area: 'content', planned: 1, donePlanned: 1, doneOther: 1 },
      ],
    });
  });

  it('draws the year boundary in Swedish time', () => {
    // 23:30 UTC on 31 December is 00:30 on 1 January in Sweden.
    const progress = [done('skapa-en-podd', '2025-12-31T23:30:00Z')];
    const inJanuary = myYear(plan('2026-03-15T12:00:00Z'), progress, new Date('2026-01-05T10:00:00Z'));
    expect(inJanuary.rows.find((r) => r.area === 'content')).toEqual({ area: 'content', planned: 1, donePlanned: 1, doneOther: 0 });
    // Still 31 December in Sweden: the year is 2025, whose plan holds December's course.
    const onNewYearsEve = myYear(plan('2026-03-15T12:00:00Z'), [done('losenord', '2025-12-31T22:30:00Z')], new Date('2025-12-31T22:45:00Z'));
    expect(onNewYearsEve).toEqual({ year: '2025', rows: [{ area: 'safety', planned: 1, donePlanned: 1, doneOther: 0 }] });
  });
});
