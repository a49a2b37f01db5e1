import { describe, expect, it } from 'vitest';
import { AREA_IDS, areaIn, areaNamed, isOnScale, siteName } from '../../lib/model/competence-areas';
import { validatePlan } from '../../lib/model/plan-parse';
import { fixturePlan } from '../support/fixtures';

describe('competence areas', () => {
  it('knows each area by the site’s name, the self-assessment’s 2018 wording and the older names', () => {
    const names: Record<string, string[]> = {
      information: ['Information och analys', 'Analysera och bearbeta data och information', 'Informationskompetens'],
      communication: ['Digitalt samarbete', 'Kommunikation och samarbete', 'Kommunikation'],
      content: ['Skapa innehåll', 'Skapa digitalt innehåll'],
      safety: ['Säkerhet'],
      problemSolving: ['Problemlösning'],
    };
    for (const [id, list] of Object.entries(names)) for (const name of list) expect(areaNamed(name)).toBe(id);
    expect(AREA_IDS.map(siteName)).toEqual(['Information och analys', 'Digitalt samarbete', 'Skapa innehåll', 'Säkerhet', 'Problemlösning']);
  });

  it('matches whatever the case, the spacing or the Unicode form', () => {
    expect(areaNamed('  digitalt   SAMARBETE ')).toBe('communication');
    expect(areaNamed('Sa\u0308kerhet')).toBe('safety');
    expect(areaNamed('Läsfrämjande')).toBeUndefined();
  });

  it('prefers the longest name inside a line', () => {
    expect(areaIn('Kompetensområde: Kommunikation och samarbete')).toEqual({ id: 'communication', name: 'Kommunikation och samarbete' });
    expect(areaIn('Kompetensområde: Skapa digitalt innehåll')).toEqual({ id: 'content', name: 'Skapa digitalt innehåll' });
    expect(areaIn('Kompetensområde: Läsfrämjande')).toBeUndefined();
  });

  it('checks a score against its own scale', () => {
    expect(isOnScale(6.5, 7)).toBe(true);
    expect(isOnScale(6.5, 5)).toBe(false);
    expect(isOnScale(0.5, 7)).toBe(false);
    expect(isOnScale(Number.NaN, 7)).toBe(false);
    expect(isOnScale(3, 6 as never)).toBe(false);
  });

  it('accepts a plan naming an area Kurskompis does not know, and keeps it as written', () => {
    const plan = fixturePlan();
    (plan.periods[0] as Record<string, unknown>)['competenceArea'] = 'Läsfrämjande';
    const parsed = validatePlan(plan);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.plan.periods[0]?.competenceArea).toBe('Läsfrämjande');
  });
});
