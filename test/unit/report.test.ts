import { describe, expect, it } from 'vitest';
import { planSchema } from '../../lib/model/plan';
import type { ProgressRecord } from '../../lib/model/progress';
import type { SelfAssessmentRecord } from '../../lib/model/self-assessment';
import { buildReport, reportCsv } from '../../lib/domain/report';
import { fixturePlan } from '../support/fixtures';

const plan = planSchema.parse(fixturePlan());
const done = (slug: string, at: string, extra: Partial<ProgressRecord> = {}): ProgressRecord => ({
  courseKey: `digiteket.se/kurs/${slug}/`,
  status: 'done',
  completedAt: at,
  updatedAt: at,
  ...extra,
});
const scores = { information: 3, communication: 3, content: 2, safety: 3, problemSolving: 3 };
const assessment = (phase: 'start' | 'end', takenAt: string): SelfAssessmentRecord => ({ phase, takenAt, scale: 7, scores, source: 'page', updatedAt: `${takenAt}T10:00:00Z` });

describe('the development-talk report', () => {
  const progress = [
    done('skapa-en-podd', '2026-11-12T10:20:00Z', { minutes: 45 }),
    done('filma-med-mobilen', '2026-11-14T09:00:00Z', { minutes: 40 }),
    done('kallkritik-pa-natet', '2026-10-20T09:00:00Z', { title: 'Källkritik på nätet', minutes: 30, competenceArea: 'Informationskompetens' }),
    done('okand-kurs', '2026-11-01T09:00:00Z', { title: 'Okänd kurs' }),
    { courseKey: 'digiteket.se/kurs/redigera-wikipedia/', status: 'started', updatedAt: '2026-11-20T09:00:00Z' } as ProgressRecord,
  ];

  it('lists finished courses per period with dates and adds up their stated time', () => {
    const report = buildReport(plan, progress, [assessment('start', '2026-09-02'), assessment('end', '2027-06-10')], [], new Set());
    expect(report.groups.map((g) => [g.title, g.competenceArea, g.courses.map((c) => `${c.title} ${c.completedOn}`)])).toEqual([
      ['Oktober: Informationskompetens', 'Informationskompetens', ['Källkritik på nätet 2026-10-20']],
      ['November: Skapa innehåll', 'Skapa innehåll', ['Skapa en podd 2026-11-12', 'Filma med mobilen 2026-11-14']],
      ['', undefined, ['Okänd kurs 2026-11-01']],
    ]);
    expect([report.courses, report.minutes, report.withoutTime]).toEqual([4, 115, 1]);
    expect([report.start?.takenAt, report.end?.takenAt]).toEqual(['2026-09-02', '2027-06-10']);
    expect(report.scalesDiffer).toBe(false);
  });

  it('groups courses done outside the plan by area, whichever of its names their page used', () => {
    const outside = [
      done('a', '2026-11-02T09:00:00Z', { title: 'A', competenceArea: 'Analysera och bearbeta data och information' }),
      done('b', '2026-11-03T09:00:00Z', { title: 'B', competenceArea: 'Information och analys' }),
      done('c', '2026-11-04T09:00:00Z', { title: 'C', competenceArea: 'Läsfrämjande' }),
    ];
    const report = buildReport(undefined, outside, [], [], new Set());
    expect(report.groups.map((g) => [g.competenceArea, g.courses.map((c) => c.title)])).toEqual([
      ['Information och analys', ['A', 'B']],
      ['Läsfrämjande', ['C']],
    ]);
  });

  it('takes only the notes the user chose', () => {
    const notes = [
      { id: 'a', courseKey: 'k', text: 'Med', shared: false, createdAt: '2026-11-01T00:00:00Z', updatedAt: '2026-11-01T00:00:00Z' },
      { id: 'b', courseKey: 'k', text: 'Inte med', shared: false, createdAt: '2026-11-01T00:00:00Z', updatedAt: '2026-11-01T00:00:00Z' },
    ];
    expect(buildReport(plan, progress, [], notes, new Set(['a'])).notes.map((n) => n.text)).toEqual(['Med']);
  });

  it('gives CSV for Swedish Excel', () => {
    const csv = reportCsv(buildReport(plan, progress, [], [], new Set()), { period: 'Period', area: 'Område', course: 'Kurs', completed: 'Klar', minutes: 'Minuter' });
    expect(csv.slice(1).split('\r\n')[1]).toBe('Oktober: Informationskompetens;Informationskompetens;Källkritik på nätet;2026-10-20;30');
    expect(csv.startsWith('\uFEFFPeriod;')).toBe(true);
  });
});
