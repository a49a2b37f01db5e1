import { describe, expect, it, vi } from 'vitest';
import { courseFacts, selfAssessmentResult } from '../../lib/site/digiteket';
import { phaseFor, SelfAssessmentService } from '../../lib/services/self-assessment';
import { openDatabase, Store } from '../../lib/storage/store';
import { fixturePage } from '../support/fixtures';

const page = (html: string) => new DOMParser().parseFromString(html, 'text/html');
let dbCount = 0;

describe('the self-assessment', () => {
  it('reads the five area scores and the date from the result page', () => {
    expect(selfAssessmentResult(page(fixturePage('sjalvskattningstest-resultat.html')))).toEqual({
      takenAt: '2026-09-02',
      scores: { Informationskompetens: 3.2, Kommunikation: 3.8, 'Skapa innehåll': 2.4, Säkerhet: 3.0, Problemlösning: 2.9 },
    });
  });

  it('reads nothing from a page that changed shape or shows a score off the scale', () => {
    const html = fixturePage('sjalvskattningstest-resultat.html');
    expect(selfAssessmentResult(page(html.replace(/<li class="result-area">.*Säkerhet.*<\/li>/, '')))).toBeNull();
    expect(selfAssessmentResult(page(html.replace('value="3.8"', 'value="38"')))).toBeNull();
    expect(selfAssessmentResult(page(fixturePage('kurser.html')))).toBeNull();
  });

  it('reads a course page’s stated time and competence area', () => {
    expect(courseFacts(page(fixturePage('kurs-skapa-en-podd.html')))).toEqual({ minutes: 45, competenceArea: 'Skapa innehåll' });
    expect(courseFacts(page('<main><ul><li>Ungefärlig tid: 1,5 timmar</li></ul></main>'))).toEqual({ minutes: 90 });
  });

  it('marks a result as start or end by the plan’s dates', () => {
    const windows = { start: '2026-09-01', end: '2027-06-15' };
    expect(phaseFor(windows, '2026-09-02', undefined)).toBe('start');
    expect(phaseFor(windows, '2027-06-01', undefined)).toBe('end');
    expect(phaseFor(undefined, '2026-09-02', undefined)).toBe('start');
    const start = { phase: 'start' as const, takenAt: '2026-09-02', scores: {} as never, source: 'page' as const, updatedAt: '2026-09-02T10:00:00Z' };
    expect(phaseFor(undefined, '2027-05-02', start)).toBe('end');
  });

  it('saves valid scores only, and nothing else', async () => {
    const store = new Store(await openDatabase(`assess-${++dbCount}`));
    const service = new SelfAssessmentService(store, vi.fn());
    const scores = { Informationskompetens: 3.2, Kommunikation: 3.8, 'Skapa innehåll': 2.4, Säkerhet: 3, Problemlösning: 2.9 };
    expect(await service.save({ scores: { ...scores, Säkerhet: 7 }, source: 'manual' })).toEqual({ ok: false, error: 'assessmentInvalid' });
    expect(await service.save({ scores: { Kommunikation: 3 }, source: 'manual' })).toEqual({ ok: false, error: 'assessmentInvalid' });
    expect(await store.assessments()).toEqual([]);
    const saved = await service.save({ takenAt: '2026-09-02', scores, source: 'page' }, new Date('2026-09-02T10:00:00Z'));
    expect(saved).toMatchObject({ ok: true, record: { phase: 'start', takenAt: '2026-09-02' } });
    expect(await store.assessments()).toHaveLength(1);
  });
});
