import { describe, expect, it } from 'vitest';
import {
  addItems,
  checkDraft,
  draftOfPlan,
  moveItem,
  newDraft,
  newPeriod,
  newSession,
  planFileName,
  toCandidate,
  withCollected,
  type DraftItem,
} from '../../../lib/coordinator/draft';
import { parsePlanText } from '../../../lib/model/plan-parse';
import { planSchema } from '../../../lib/model/plan';
import { fixturePlan } from '../../support/fixtures';

const NOW = new Date('2026-11-25T10:00:00Z');
const podd: DraftItem = { url: 'https://digiteket.se/kurs/skapa-en-podd/', title: 'Skapa en podd', kind: 'course', optional: false };
const film: DraftItem = { url: 'https://digiteket.se/kurs/filma-med-mobilen/', title: 'Filma med mobilen', kind: 'course', optional: false };

function problemPaths(draft: Parameters<typeof checkDraft>[0]) {
  const result = checkDraft(draft, NOW);
  return result.ok ? [] : result.problems.map((p) => `${p.path} ${p.reason}`);
}

describe('the coordinator draft', () => {
  it('starts with one period for this month, ending on its last weekday', () => {
    const draft = newDraft('Östersunds bibliotek', 'sv', NOW);
    expect(draft.teamId).toBe('ostersunds-bibliotek');
    expect(draft.periods).toHaveLength(1);
    // 30 Nov 2026 is a Monday; 31 Jan 2027 a Sunday, so January ends on Friday the 29th.
    expect(draft.periods[0]).toMatchObject({ title: 'November 2026', starts: '2026-11-01', deadline: '2026-11-30' });
    const dec = newPeriod(draft.periods, 'sv', NOW);
    const jan = newPeriod([...draft.periods, dec], 'sv', NOW);
    expect([dec.starts, dec.deadline, dec.title]).toEqual(['2026-12-01', '2026-12-31', 'December 2026']);
    expect([jan.starts, jan.deadline, jan.title]).toEqual(['2027-01-01', '2027-01-29', 'Januari 2027']);
    expect(new Set([draft.periods[0]?.id, dec.id, jan.id]).size).toBe(3);
  });

  it('is judged by the plan parser: a fresh draft with an item is a valid plan', () => {
    const draft = newDraft('Östersunds bibliotek', 'sv', NOW);
    expect(problemPaths(draft)).toEqual([]);
    const period = draft.periods[0]!;
    draft.periods[0] = addItems(period, [podd]).period;
    const result = checkDraft(draft, NOW);
    expect(result.ok && result.plan.updatedAt).toBe(NOW.toISOString());
    expect(result.ok && result.plan.periods[0]?.items).toEqual([{ url: podd.url, title: 'Skapa en podd', kind: 'course' }]);
  });

  it('names each invalid field by the path the parser gives', () => {
    const draft = newDraft('', 'sv', NOW);
    const period = draft.periods[0]!;
    draft.periods[0] = {
      ...period,
      title: '  ',
      starts: '2026-11-20',
      deadline: '2026-11-10',
      items: [{ ...podd, url: 'javascript:alert(1)' }],
      sessions: [{ ...newSession(period), date: '2026-11-31', capacity: 'många', place: 'Rum 1' }],
    };
    expect(problemPaths(draft)).toEqual([
      'team.id empty',
      'team.name empty',
      'periods[0].title empty',
      'periods[0].items[0].url itemUrl',
      'periods[0].sessions[0].starts instant',
      'periods[0].sessions[0].ends instant',
      'periods[0].sessions[0].capacity wrongType',
    ]);
    draft.teamName = 'Team';
    draft.periods[0] = { ...draft.periods[0]!, title: 'November', items: [], sessions: [] };
    expect(problemPaths(draft)).toEqual(['periods[0].deadline deadlineBeforeStart']);
  });

  it('refuses a session far from its period and one that ends before it starts', () => {
    const draft = newDraft('Team', 'sv', NOW);
    const period = draft.periods[0]!;
    draft.periods[0] = { ...period, sessions: [{ ...newSession(period), date: '2031-11-30', place: 'Rum 1' }] };
    expect(problemPaths(draft)).toEqual(['periods[0].sessions[0].starts sessionOutsidePeriod']);
    draft.periods[0] = { ...period, sessions: [{ ...newSession(period), startTime: '15:00', endTime: '14:00', place: 'Rum 1' }] };
    expect(problemPaths(draft)).toEqual(['periods[0].sessions[0].ends sessionEnd']);
    // A new session asks for its place before the plan can be saved.
    draft.periods[0] = { ...period, sessions: [newSession(period)] };
    expect(problemPaths(draft)).toEqual(['periods[0].sessions[0].place empty']);
  });

  it('writes session times in Swedish time with the offset of their day', () => {
    const draft = newDraft('Team', 'sv', NOW);
    const period = newPeriod(draft.periods, 'sv', NOW);
    const march = { ...period, starts: '2027-03-01', deadline: '2027-03-31' };
    draft.periods = [
      { ...march, sessions: [{ ...newSession(march), date: '2027-03-26', startTime: '09:00', endTime: '10:00' }] },
      {
        ...march,
        id: 'p-apr',
        starts: '2027-04-01',
        deadline: '2027-04-30',
        sessions: [{ ...newSession(march), date: '2027-04-02', startTime: '09:00', endTime: '10:00' }],
      },
    ];
    const sessions = (toCandidate(draft, NOW).periods as Array<{ sessions: Array<{ starts: string }> }>).map((p) => p.sessions[0]?.starts);
    expect(sessions).toEqual(['2027-03-26T09:00:00+01:00', '2027-04-02T09:00:00+02:00']);
  });

  it('opens the fixture plan and writes it back unchanged but for updatedAt', () => {
    const original = planSchema.parse(fixturePlan());
    const written = toCandidate(draftOfPlan(original), NOW);
    const reread = parsePlanText(JSON.stringify(written));
    expect(reread.ok).toBe(true);
    if (!reread.ok) return;
    const times = (plan: typeof original) => plan.periods.flatMap((p) => p.sessions.map((s) => [Date.parse(s.starts), Date.parse(s.ends)]));
    expect(times(reread.plan)).toEqual(times(original));
    const strip = (plan: typeof original) => ({
      ...plan,
      updatedAt: '',
      periods: plan.periods.map((p) => ({ ...p, sessions: p.sessions.map((s) => ({ ...s, starts: '', ends: '' })) })),
    });
    expect(strip(reread.plan)).toEqual(strip(original));
    expect(reread.plan.updatedAt).toBe(NOW.toISOString());
  });

  it('carries an item’s tip and the team’s discussion place to the plan and back', () => {
    const draft = newDraft('Team', 'sv', NOW);
    const tip = 'Kursen ber dig bekräfta att du skapat ett Wikipedia-konto: klicka Ja och gå vidare.';
    draft.discussionUrl = ' https://teams.microsoft.com/l/channel/abc ';
    draft.periods[0]!.items = [{ ...podd, tip: `  ${tip}  ` }, { ...film, tip: '   ' }];
    const result = checkDraft(draft, NOW);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.team.discussionUrl).toBe('https://teams.microsoft.com/l/channel/abc');
    expect(result.plan.periods[0]!.items.map((i) => i.tip)).toEqual([tip, undefined]);
    const back = draftOfPlan(result.plan);
    expect(back.discussionUrl).toBe('https://teams.microsoft.com/l/channel/abc');
    expect(back.periods[0]!.items.map((i) => i.tip)).toEqual([tip, '']);
    // A plan without either reads as empty fields, and writes nothing for them.
    const plain = newDraft('Team', 'sv', NOW);
    plain.periods[0]!.items = [podd];
    const written = toCandidate(plain, NOW) as { team: Record<string, unknown>; periods: Array<{ items: Array<Record<string, unknown>> }> };
    expect('discussionUrl' in written.team).toBe(false);
    expect('tip' in written.periods[0]!.items[0]!).toBe(false);
  });

  it('refuses a tip with markup, a tip too long and a discussion place that is not https', () => {
    const draft = newDraft('Team', 'sv', NOW);
    draft.discussionUrl = 'http://example.org/forum';
    draft.periods[0]!.items = [{ ...podd, tip: 'Klicka <a href="https://x.se">här</a>' }, { ...film, tip: 'x'.repeat(501) }];
    expect(problemPaths(draft)).toEqual(
      expect.arrayContaining(['team.discussionUrl httpsUrl', 'periods[0].items[0].tip markup', 'periods[0].items[1].tip tooLong']),
    );
    draft.discussionUrl = 'javascript:alert(1)';
    expect(problemPaths(draft)).toContain('team.discussionUrl httpsUrl');
  });

  it('adds each course once, however its address is written', () => {
    const period = newDraft('Team', 'sv', NOW).periods[0]!;
    const first = addItems(period, [podd, film]);
    expect(first.outcome).toEqual({ added: 2, duplicates: [] });
    const again = addItems(first.period, [{ ...podd, url: 'https://www.digiteket.se/kurs/Skapa-en-podd?ref=x', title: 'Podd' }]);
    expect(again.outcome).toEqual({ added: 0, duplicates: ['Podd'] });
    expect(again.period.items.map((i) => i.title)).toEqual(['Skapa en podd', 'Filma med mobilen']);
  });

  it('reorders items and keeps unsaved edits when courses are collected meanwhile', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 5)).toEqual(['a', 'b', 'c']);
    const saved = newDraft('Team', 'sv', NOW);
    const local = { ...saved, teamName: 'Nytt namn', periods: [addItems(saved.periods[0]!, [podd]).period] };
    const stored = { ...saved, periods: [addItems(saved.periods[0]!, [podd, film]).period] };
    const merged = withCollected(local, stored);
    expect(merged.teamName).toBe('Nytt namn');
    expect(merged.periods[0]?.items.map((i) => i.title)).toEqual(['Skapa en podd', 'Filma med mobilen']);
  });

  it('carries the time granted to members through the editor, and takes grants made meanwhile as stored', () => {
    const base = planSchema.parse(fixturePlan());
    const grant = { memberId: 'aaaaaaaa-0000-4000-8000-000000000000', periodId: base.periods[1]!.id, deadline: '2026-12-14', note: 'Sjuk' };
    const plan = planSchema.parse({ ...fixturePlan(), extensions: [grant] });
    const draft = draftOfPlan(plan);
    const again = checkDraft({ ...draft, teamName: 'Nytt namn' }, NOW);
    expect(again.ok && again.plan.extensions).toEqual([grant]);
    // Unsaved edits in the planner while a grant was taken back in the team overview.
    const stored = draftOfPlan(base);
    const merged = withCollected({ ...draft, teamName: 'Nytt namn' }, stored);
    expect([merged.teamName, merged.extensions]).toEqual(['Nytt namn', undefined]);
    expect(withCollected(stored, draft).extensions).toEqual([grant]);
  });

  it('names the plan file after the team', () => {
    expect(planFileName({ teamName: 'Östersunds bibliotek', teamId: 'x' })).toBe('kurskompis-plan-ostersunds-bibliotek.json');
    expect(planFileName({ teamName: '', teamId: '' })).toBe('kurskompis-plan-team.json');
  });
});
