import { describe, expect, it } from 'vitest';
import { courseEvaluations, discussionTurnout } from '../../lib/team/evaluations';
import type { MemberFile } from '../../lib/model/member';
import type { Period } from '../../lib/model/plan';

const PODD = 'digiteket.se/kurs/skapa-en-podd/';
const FILMA = 'digiteket.se/kurs/filma-med-mobilen/';
const period: Period = {
  id: '2026-11',
  title: 'November',
  starts: '2026-11-01',
  deadline: '2026-11-30',
  items: [
    { url: 'https://digiteket.se/kurs/skapa-en-podd/', title: 'Skapa en podd', kind: 'course' },
    { url: 'https://www.digiteket.se/kurs/filma-med-mobilen', title: 'Filma med mobilen', kind: 'course' },
  ],
  sessions: [
    { id: 's1', starts: '2026-11-25T13:00:00+01:00', ends: '2026-11-25T14:00:00+01:00', place: 'Rum 1' },
    { id: 's2', starts: '2026-12-03T13:00:00+01:00', ends: '2026-12-03T14:00:00+01:00', place: 'Rum 1' },
  ],
};

function member(name: string, extra: Partial<MemberFile>): MemberFile {
  return { kind: 'kurskompis/member', version: 1, memberId: `member-${name}`, displayName: name, updatedAt: '2026-11-20T10:00:00Z', progress: [], sharedNotes: [], signups: [], selfAssessments: [], ...extra };
}
const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T10:00:00Z`;

describe('course evaluations', () => {
  const members = [
    member('Ada', { evaluations: [{ courseKey: PODD, periodId: '2026-11', usefulness: 5, minutes: 60, comment: 'Mycket bra', showName: true, updatedAt: at(10) }] }),
    member('Bo', { evaluations: [{ courseKey: PODD, periodId: '2026-11', usefulness: 2, minutes: 95, comment: ' För lång ', updatedAt: at(12) }] }),
    member('Cy', { evaluations: [{ courseKey: PODD, periodId: '2026-10', usefulness: 1, updatedAt: at(1) }, { courseKey: PODD, periodId: '2026-11', usefulness: 3, updatedAt: at(13) }] }),
    member('Di', {}),
  ];

  it('counts answers of this period only, with means of usefulness and real time against the stated time', () => {
    const [podd, filma] = courseEvaluations(period, members, (key) => (key === PODD ? 45 : undefined));
    expect(podd).toMatchObject({ key: PODD, answers: 3, usefulness: 3.3, minutes: 78, statedMinutes: 45 });
    expect(filma).toEqual({ key: FILMA, title: 'Filma med mobilen', answers: 0, usefulness: null, minutes: null, comments: [] });
  });

  it('shows comments newest first, with a name only where the member chose to show it', () => {
    const [podd] = courseEvaluations(period, members);
    expect(podd?.comments).toEqual([
      { text: 'För lång', updatedAt: at(12) },
      { text: 'Mycket bra', name: 'Ada', updatedAt: at(10) },
    ]);
  });
});

describe('discussion turnout', () => {
  it('counts sessions held by now and members signed up to one of the period, cancelled sign-ups not', () => {
    const members = [
      member('Ada', { signups: [{ sessionId: 's1', updatedAt: at(1) }] }),
      member('Bo', { signups: [{ sessionId: 's2', updatedAt: at(1), cancelled: true }] }),
      member('Cy', { signups: [{ sessionId: 'other', updatedAt: at(1) }, { sessionId: 's2', updatedAt: at(1) }] }),
    ];
    expect(discussionTurnout(period, members, new Date('2026-12-01T12:00:00+01:00'))).toEqual({ sessions: 2, held: 1, took: 2, members: 3 });
    expect(discussionTurnout(period, members, new Date('2026-12-03T14:00:00+01:00')).held).toBe(2);
  });
});
