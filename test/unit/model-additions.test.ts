import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../lib/model/plan-parse';
import { memberSchema, parseMemberText } from '../../lib/model/member';
import { extensionFault } from '../../lib/model/extension';
import { fixturePlan } from '../support/fixtures';

// The fields DESIGN.md adds for the rest of the model: a tip on an item, the team's discussion
// place, personal deadlines (granted in the plan, set in a member file) and evaluations. Files
// without them read as before; files with them read in a reader that does not know them.

type Json = Record<string, unknown>;
const plan = () => fixturePlan() as unknown as Json & { team: Json; periods: Array<Json & { items: Json[] }> };
const member = () => JSON.parse(readFileSync('../shared/fixtures/documents/member-example.json', 'utf8')) as Json;
const MEMBER_ID = '6f1c2a0e-9a5b-4c39-8d0e-2b7f4f1d9e11';
const AT = '2026-11-20T10:00:00+01:00';

function problemsOf(value: unknown) {
  const result = parsePlanText(JSON.stringify(value));
  if (result.ok) throw new Error('expected the plan to be refused');
  return result.problems.map(({ path, reason }) => ({ path, reason }));
}

describe('plan additions', () => {
  it('reads a tip, the discussion place and granted extensions', () => {
    const p = plan();
    p.team.discussionUrl = 'https://teams.microsoft.com/l/channel/abc';
    (p.periods[1]!.items[0] as Json).tip = 'Kursen ber dig bekräfta att du skapat ett Wikipedia-konto: klicka Ja och gå vidare.';
    p.extensions = [{ memberId: MEMBER_ID, periodId: '2026-11', deadline: '2026-12-15', note: 'Sjukskriven två veckor' }];
    const result = parsePlanText(JSON.stringify(p));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.team.discussionUrl).toBe('https://teams.microsoft.com/l/channel/abc');
    expect(result.plan.periods[1]?.items[0]?.tip).toMatch(/^Kursen ber dig/);
    expect(result.plan.extensions).toEqual([{ memberId: MEMBER_ID, periodId: '2026-11', deadline: '2026-12-15', note: 'Sjukskriven två veckor' }]);
  });

  it('refuses a tip with markup, a discussion place that is not https, and a tip over 500 characters', () => {
    const p = plan();
    (p.periods[0]!.items[0] as Json).tip = 'Läs <b>noga</b>';
    (p.periods[0]!.items[1] as Json).tip = 'x'.repeat(501);
    p.team.discussionUrl = 'http://intranet.example/diskussion';
    expect(problemsOf(p)).toEqual(
      expect.arrayContaining([
        { path: 'team.discussionUrl', reason: 'httpsUrl' },
        { path: 'periods[0].items[0].tip', reason: 'markup' },
        { path: 'periods[0].items[1].tip', reason: 'tooLong' },
      ]),
    );
    p.team.discussionUrl = 'javascript:alert(1)';
    expect(problemsOf(p)).toContainEqual({ path: 'team.discussionUrl', reason: 'httpsUrl' });
  });

  it('refuses a granted extension for an unknown period, before its start, or more than 90 days after its deadline', () => {
    const p = plan();
    p.extensions = [
      { memberId: MEMBER_ID, periodId: 'nope', deadline: '2026-12-01' },
      { memberId: MEMBER_ID, periodId: '2026-11', deadline: '2026-10-31' },
      { memberId: MEMBER_ID, periodId: '2026-11', deadline: '2027-03-01' },
      { memberId: MEMBER_ID, periodId: '2026-11', deadline: '2027-02-28' },
    ];
    expect(problemsOf(p)).toEqual([
      { path: 'extensions[0].periodId', reason: 'extensionPeriod' },
      { path: 'extensions[1].deadline', reason: 'extensionBeforeStart' },
      { path: 'extensions[2].deadline', reason: 'extensionTooLate' },
    ]);
  });

  it('puts the limits of a personal deadline at the period start and 90 days after its deadline', () => {
    const period = { starts: '2026-11-01', deadline: '2026-11-30' };
    expect(extensionFault('2026-11-01', period)).toBeNull();
    expect(extensionFault('2027-02-28', period)).toBeNull();
    expect(extensionFault('2026-10-31', period)).toBe('extensionBeforeStart');
    expect(extensionFault('2027-03-01', period)).toBe('extensionTooLate');
  });

  it('ignores fields it does not know at every level, as the previous release ignores these', () => {
    const p = plan();
    Object.assign(p, { futureField: 1 });
    Object.assign(p.team, { futureField: 1 });
    Object.assign(p.periods[0]!, { futureField: 1 });
    Object.assign(p.periods[0]!.items[0]!, { futureField: 1 });
    const result = parsePlanText(JSON.stringify(p));
    expect(result.ok).toBe(true);
    if (result.ok) expect(JSON.stringify(result.plan)).not.toContain('futureField');
  });
});

describe('member file additions', () => {
  const evaluation = { courseKey: 'digiteket.se/kurs/skapa-en-podd/', periodId: '2026-11', usefulness: 4, minutes: 50, comment: 'Bra övningar', showName: true, updatedAt: AT };
  const extension = { periodId: '2026-11', deadline: '2026-12-14', reason: 'sick', note: 'Sjuk vecka 47', updatedAt: AT };

  it('reads a file written before them, leaving them absent (its seal is over the file as written)', () => {
    const result = parseMemberText(JSON.stringify(member()));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.member.evaluations).toBeUndefined();
      expect(result.member.extensions).toBeUndefined();
    }
  });

  it('reads evaluations and personal extensions', () => {
    const result = parseMemberText(JSON.stringify({ ...member(), evaluations: [evaluation], extensions: [extension] }));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.member.evaluations).toEqual([evaluation]);
      expect(result.member.extensions).toEqual([extension]);
    }
  });

  it('refuses ratings off the 1–5 scale, unknown reasons and a note with markup', () => {
    for (const bad of [{ usefulness: 0 }, { usefulness: 6 }, { usefulness: 3.5 }, { minutes: 0 }]) {
      expect(parseMemberText(JSON.stringify({ ...member(), evaluations: [{ ...evaluation, ...bad }] })).ok).toBe(false);
    }
    expect(parseMemberText(JSON.stringify({ ...member(), extensions: [{ ...extension, reason: 'vacation' }] })).ok).toBe(false);
    expect(parseMemberText(JSON.stringify({ ...member(), extensions: [{ ...extension, note: '<img src=x onerror=alert(1)>' }] })).ok).toBe(false);
  });

  it('is read by the previous release, which knows neither field, as the file it wrote before', () => {
    // The previous release's reader is this one without the two fields; zod objects drop what they do not know.
    const previous = memberSchema.omit({ evaluations: true, extensions: true });
    const written = { ...member(), evaluations: [evaluation], extensions: [extension] };
    const read = previous.safeParse(written);
    expect(read.success).toBe(true);
    expect(read.data).toEqual(previous.parse(member()));
  });
});
