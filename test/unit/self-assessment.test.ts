import { describe, expect, it, vi } from 'vitest';
import { courseFacts, selfAssessmentResult } from '../../lib/site/digiteket';
import { phaseFor, SelfAssessmentService } from '../../lib/services/self-assessment';
import { openDatabase, Store } from '../../lib/storage/store';
import { fixturePage } from '../support/fixtures';

const page = (html: string) => new DOMParser().parseFromString(html, 'text/html');
let dbCount = 0;

describe('the self-assessment', () => {
  it('reads the seven-point result page in the test’s own wording: five areas by id, the date, scale 7', () => {
    expect(selfAssessmentResult(page(fixturePage('sjalvskattningstest-resultat-7.html')))).toEqual({
      takenAt: '2027-05-18',
      scale: 7,
      scores: { information: 4.6, communication: 5.2, content: 3.5, safety: 6.1, problemSolving: 4 },
    });
  });

  it('still reads a page saying "av 5" (older names) as a result on 1–5', () => {
    expect(selfAssessmentResult(page(fixturePage('sjalvskattningstest-resultat.html')))).toEqual({
      takenAt: '2026-09-02',
      scale: 5,
      scores: { information: 3.2, communication: 3.8, content: 2.4, safety: 3.0, problemSolving: 2.9 },
    });
  });

  it('takes the scale from the text when no meter gives it, and the documented seven points when nothing does', () => {
    const noMeters = fixturePage('sjalvskattningstest-resultat.html').replace(/<meter[^>]*>[^<]*<\/meter>/g, '');
    expect(selfAssessmentResult(page(noMeters))?.scale).toBe(5);
    const bare = fixturePage('sjalvskattningstest-resultat-7.html')
      .replace(/<meter[^>]*>[^<]*<\/meter>/g, '')
      .replace(/ av 7/g, '')
      .replace(/där 1 betyder[^:]*/, '');
    expect(selfAssessmentResult(page(bare))).toMatchObject({ scale: 7, scores: { safety: 6.1 } });
    // 6,1 cannot be on a five-point scale: a page saying so has changed shape and saves nothing.
    expect(selfAssessmentResult(page(fixturePage('sjalvskattningstest-resultat-7.html').replace(/max="7"/g, 'max="5"')))).toBeNull();
  });

  it('reads nothing from a page that mixes scales or names one not known', () => {
    const html = fixturePage('sjalvskattningstest-resultat-7.html');
    expect(selfAssessmentResult(page(html.replace('min="1" max="7" value="4.6"', 'min="1" max="5" value="4.6"')))).toBeNull();
    expect(selfAssessmentResult(page(html.replace(/max="7"/g, 'max="10"')))).toBeNull();
  });

  it('reads the areas under the site’s names too, whatever the case and spacing', () => {
    const html = fixturePage('sjalvskattningstest-resultat-7.html')
      .replace('Analysera och bearbeta data och information', 'INFORMATION  OCH\n analys')
      .replace('Kommunikation och samarbete', 'Digitalt samarbete')
      .replace('Skapa digitalt innehåll', 'Skapa innehåll');
    expect(selfAssessmentResult(page(html))?.scores).toEqual({ information: 4.6, communication: 5.2, content: 3.5, safety: 6.1, problemSolving: 4 });
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
    // The site's own area names are read as the page writes them; the longest name in the line wins.
    expect(courseFacts(page('<main><ul><li>Kompetensområde: Information och analys</li></ul></main>'))).toEqual({ competenceArea: 'Information och analys' });
    expect(courseFacts(page('<main><ul><li>Kompetensområde: Kommunikation och samarbete</li></ul></main>'))).toEqual({ competenceArea: 'Kommunikation och samarbete' });
    expect(courseFacts(page('<main><ul><li>Kompetensområde: Läsfrämjande</li></ul></main>'))).toEqual({});
  });

  it('marks a result as start or end by the plan’s dates', () => {
    const windows = { start: '2026-09-01', end: '2027-06-15' };
    expect(phaseFor(windows, '2026-09-02', undefined)).toBe('start');
    expect(phaseFor(windows, '2027-06-01', undefined)).toBe('end');
    expect(phaseFor(undefined, '2026-09-02', undefined)).toBe('start');
    const start = { phase: 'start' as const, takenAt: '2026-09-02', scale: 7 as const, scores: {} as never, source: 'page' as const, updatedAt: '2026-09-02T10:00:00Z' };
    expect(phaseFor(undefined, '2027-05-02', start)).toBe('end');
  });

  it('saves valid scores only, and nothing else', async () => {
    const store = new Store(await openDatabase(`assess-${++dbCount}`));
    const service = new SelfAssessmentService(store, vi.fn());
    const scores = { information: 3.2, communication: 3.8, content: 2.4, safety: 3, problemSolving: 2.9 };
    // 7 is on the seven-point scale, not on the five-point one.
    expect(await service.save({ scale: 5, scores: { ...scores, safety: 7 }, source: 'manual' })).toEqual({ ok: false, error: 'assessmentInvalid' });
    expect(await service.save({ scale: 7, scores: { ...scores, safety: 7.5 }, source: 'manual' })).toEqual({ ok: false, error: 'assessmentInvalid' });
    expect(await service.save({ scale: 7, scores: { communication: 3 }, source: 'manual' })).toEqual({ ok: false, error: 'assessmentInvalid' });
    expect(await service.save({ scale: 6 as never, scores, source: 'manual' })).toEqual({ ok: false, error: 'assessmentInvalid' });
    expect(await store.assessments()).toEqual([]);
    const saved = await service.save({ takenAt: '2026-09-02', scale: 7, scores: { ...scores, safety: 7 }, source: 'page' }, new Date('2026-09-02T10:00:00Z'));
    expect(saved).toMatchObject({ ok: true, record: { phase: 'start', takenAt: '2026-09-02', scale: 7, scores: { safety: 7 } } });
    expect(await store.assessments()).toHaveLength(1);
  });
});
