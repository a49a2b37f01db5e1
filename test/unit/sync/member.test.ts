import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMemberText, type MemberFile } from '../../../lib/model/member';
import { mergeMembers, sameContent } from '../../../lib/sync/member-merge';
import { SHARED_FIXTURES } from '../../support/fixtures';

const text = readFileSync(join(SHARED_FIXTURES, 'documents/member-example.json'), 'utf8');
const ID = '6f1c2a0e-9a5b-4c39-8d0e-2b7f4f1d9e11';

function example(): MemberFile {
  const parsed = parseMemberText(text, ID);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.member;
}

describe('member files', () => {
  it('reads the example member file and refuses a broken, foreign or misnamed one', () => {
    expect(example()).toMatchObject({ displayName: 'Kim', progress: [{ status: 'done' }, { status: 'started' }] });
    expect(parseMemberText(text.slice(0, 200), ID)).toEqual({ ok: false, reason: 'notJson' });
    expect(parseMemberText(JSON.stringify({ ...example(), kind: 'kurskompis/plan' }), ID)).toEqual({ ok: false, reason: 'invalid' });
    expect(parseMemberText(text, 'another-member-id')).toEqual({ ok: false, reason: 'wrongMember' });
  });

  it('merges two copies record by record, newest wins, in any order and any number of times', () => {
    const a = example();
    const b: MemberFile = {
      ...a,
      updatedAt: '2026-11-22T08:00:00Z',
      progress: [
        { courseKey: 'digiteket.se/kurs/filma-med-mobilen/', status: 'done', completedAt: '2026-11-22T07:00:00Z', updatedAt: '2026-11-22T07:00:00Z' },
        { courseKey: 'digiteket.se/kurs/skapa-en-podd/', status: 'started', updatedAt: '2026-11-01T07:00:00Z' },
      ],
      sharedNotes: [{ ...a.sharedNotes[0]!, text: '', deleted: true, updatedAt: '2026-11-22T08:00:00Z' }],
      signups: [],
    };
    const ab = mergeMembers(a, b);
    expect(ab.progress.map((p) => `${p.courseKey} ${p.status}`)).toEqual([
      'digiteket.se/kurs/filma-med-mobilen/ done',
      'digiteket.se/kurs/skapa-en-podd/ done',
    ]);
    expect(ab.sharedNotes).toEqual([expect.objectContaining({ deleted: true, text: '' })]);
    expect(ab.signups).toHaveLength(1);
    expect(sameContent(ab, mergeMembers(b, a))).toBe(true);
    expect(sameContent(mergeMembers(ab, a), ab)).toBe(true);
    expect(sameContent(mergeMembers(ab, b), ab)).toBe(true);
  });

  it('merges evaluations per period and course and personal deadlines per period, keeping them absent when neither copy has them', () => {
    const a = example();
    expect(mergeMembers(a, a)).not.toHaveProperty('evaluations');
    const podd = { courseKey: 'digiteket.se/kurs/skapa-en-podd/', periodId: '2026-11', usefulness: 2, updatedAt: '2026-11-20T08:00:00Z' };
    const withOld: MemberFile = { ...a, evaluations: [podd], extensions: [{ periodId: '2026-11', deadline: '2026-12-10', reason: 'sick', updatedAt: '2026-11-20T08:00:00Z' }] };
    const withNew: MemberFile = {
      ...a,
      evaluations: [{ ...podd, usefulness: 4, updatedAt: '2026-11-21T08:00:00Z' }, { ...podd, periodId: '2026-12', usefulness: 5, updatedAt: '2026-12-02T08:00:00Z' }],
      extensions: [{ periodId: '2026-11', deadline: '2026-12-20', reason: 'leave', updatedAt: '2026-11-22T08:00:00Z' }],
    };
    for (const merged of [mergeMembers(withOld, withNew), mergeMembers(withNew, withOld), mergeMembers(a, mergeMembers(withOld, withNew))]) {
      expect(merged.evaluations?.map((e) => `${e.periodId} ${e.usefulness}`)).toEqual(['2026-11 4', '2026-12 5']);
      expect(merged.extensions?.map((e) => `${e.deadline} ${e.reason}`)).toEqual(['2026-12-20 leave']);
    }
  });

  it('sees the same content whatever the time stamp or the order of fields, and a changed record', () => {
    const a = example();
    const reordered = Object.fromEntries(Object.entries({ ...a, updatedAt: '2027-01-01T00:00:00Z' }).reverse()) as MemberFile;
    expect(sameContent(a, reordered)).toBe(true);
    expect(sameContent(a, { ...a, progress: a.progress.slice(1) })).toBe(false);
    expect(sameContent(a, { ...a, displayName: 'Kim B' })).toBe(false);
  });
});
