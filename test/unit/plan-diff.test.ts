import { describe, expect, it } from 'vitest';
import { planSchema, type Plan } from '../../lib/model/plan';
import { diffPlans } from '../../lib/domain/plan-diff';
import { fixturePlan } from '../support/fixtures';

const before: Plan = planSchema.parse(fixturePlan());

describe('what changed in the plan', () => {
  it('says nothing when nothing changed', () => {
    expect(diffPlans(before, structuredClone(before))).toEqual([]);
  });

  it('compares sessions by content: another order of sessions or of their fields is no change', () => {
    const after = structuredClone(before);
    const november = after.periods[1]!;
    november.sessions = november.sessions.reverse().map((s) => Object.fromEntries(Object.entries(s).reverse()) as typeof s);
    expect(diffPlans(before, after)).toEqual([]);
    november.sessions[0] = { ...november.sessions[0]!, place: 'Annat rum' };
    expect(diffPlans(before, after)).toEqual([{ kind: 'sessionsChanged', period: 'November: Skapa innehåll' }]);
  });

  it('counts new and removed courses, a moved deadline, a pause and new sessions', () => {
    const after = structuredClone(before);
    const november = after.periods[1]!;
    november.items.push(
      { url: 'https://digiteket.se/kurs/skriv-for-webben/', title: 'Skriv för webben', kind: 'course' },
      { url: 'https://www.digiteket.se/kurs/bygg-din-egen-teknikjakt', title: 'Bygg din egen teknikjakt', kind: 'course' },
    );
    // The same course written another way is not a change.
    november.items[0]!.url = 'https://www.digiteket.se/kurs/skapa-en-podd?utm_source=x';
    november.deadline = '2026-12-04';
    after.periods[0]!.items.pop();
    after.periods[2]!.paused = false;
    november.sessions.pop();
    after.periods.push({ id: '2027-02', title: 'Februari: Problemlösning', starts: '2027-02-01', deadline: '2027-02-26', items: [], sessions: [] });
    expect(diffPlans(before, after)).toEqual([
      { kind: 'itemsRemoved', period: 'Oktober: Informationskompetens', count: 1 },
      { kind: 'itemsAdded', period: 'November: Skapa innehåll', count: 2 },
      { kind: 'deadlineMoved', period: 'November: Skapa innehåll', from: '2026-11-30', to: '2026-12-04' },
      { kind: 'sessionsChanged', period: 'November: Skapa innehåll' },
      { kind: 'pausedChanged', period: 'December: paus för förlagsdagar', paused: false },
      { kind: 'periodAdded', period: 'Februari: Problemlösning' },
    ]);
  });

  it('names a period that was taken out', () => {
    const after = structuredClone(before);
    after.periods.splice(3, 1);
    expect(diffPlans(before, after)).toEqual([{ kind: 'periodRemoved', period: 'Januari: Säkerhet' }]);
  });
});
