import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { memberSchema, type MemberFile } from '../../lib/model/member';
import { planSchema, type Period } from '../../lib/model/plan';
import { expectAccessible } from '../../test/unit/axe';
import { fixturePlan } from '../../test/support/fixtures';
import { TeamEvaluation } from './TeamEvaluation';

const plan = planSchema.parse(fixturePlan());
const november = plan.periods.find((p) => p.id === '2026-11') as Period;
const PODD = 'digiteket.se/kurs/skapa-en-podd/';
const BILD = 'digiteket.se/kurs/bildredigering-i-webblasaren/';
const at = '2026-12-01T10:00:00Z';

const member = (n: number, name: string, extra: Record<string, unknown>): MemberFile =>
  memberSchema.parse({ kind: 'kurskompis/member', version: 1, memberId: `aaaaaaaa-0000-4000-8000-00000000000${n}`, displayName: name, updatedAt: at, progress: [], signups: [], ...extra });

const members = [
  member(1, 'Kim', {
    signups: [{ sessionId: '2026-11-s1', updatedAt: at }],
    evaluations: [{ periodId: '2026-11', courseKey: PODD, usefulness: 5, minutes: 60, comment: 'Ljudet var svårt', showName: true, updatedAt: '2026-12-01T09:00:00Z' }],
  }),
  member(2, 'Alex', {
    evaluations: [
      { periodId: '2026-11', courseKey: PODD, usefulness: 4, minutes: 40, comment: '=Hemligt', updatedAt: at },
      { periodId: '2026-11', courseKey: BILD, usefulness: 2, updatedAt: at },
    ],
  }),
  member(3, 'Robin', {}),
];

describe('TeamEvaluation', () => {
  it('shows answers, mean usefulness, real against stated time, comments named only when shown, and the turnout', async () => {
    const download = vi.fn();
    const { container } = render(<TeamEvaluation period={november} members={members} stated={{ [PODD]: 45 }} now={new Date(at)} download={download} />);
    const section = screen.getByRole('region', { name: 'Utvärdering' });
    const rows = within(section).getAllByRole('row').slice(1);
    const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map((c) => c.textContent);
    expect(within(rows[0] as HTMLElement).getByRole('rowheader').textContent).toBe('Skapa en podd');
    expect(cells(rows[0] as HTMLElement)).toEqual(['2', '4,5', '50', '45', '=HemligtLjudet var svårt – Kim']);
    // Not stated anywhere, and nobody said how long: a dash, not a zero.
    expect(cells(rows[1] as HTMLElement)).toEqual(['1', '2,0', '–', '–', '']);
    expect(cells(rows[2] as HTMLElement)).toEqual(['0', '–', '–', '–', '']);
    expect(within(section).queryByText(/Alex/)).toBeNull();
    // Kim signed up to one of November's three sessions, the first of which was over by 11:00 on 1 December.
    expect(screen.getByTestId('turnout').textContent).toBe('1 av 3 deltog i diskussionerna (1 av 3 träffar hållna).');
    await expectAccessible(container);

    fireEvent.click(within(section).getByRole('button', { name: 'Ladda ner utvärderingen (CSV för Excel)' }));
    const [name, text] = download.mock.calls[0] as [string, string];
    expect(name).toBe('kurskompis-utvardering-2026-11.csv');
    const lines = text.replace('\uFEFF', '').split('\r\n');
    expect(lines[0]).toBe('Kurs;Svar;Användbarhet (medel 1–5);Faktisk tid (min);Angiven tid (min);Kommentarer');
    // Newest comment first; one that looks like a formula is kept as text.
    expect(lines[1]).toBe('Skapa en podd;2;4,5;50;45;"\'=Hemligt\nLjudet var svårt (Kim)"');
  });

  it('says when nobody has answered yet', () => {
    render(<TeamEvaluation period={november} members={[]} stated={{}} now={new Date(at)} download={vi.fn()} />);
    expect(screen.getByText('Ingen har utvärderat periodens kurser ännu.')).toBeTruthy();
    expect(screen.getByTestId('turnout').textContent).toBe('0 av 0 deltog i diskussionerna (1 av 3 träffar hållna).');
  });
});
