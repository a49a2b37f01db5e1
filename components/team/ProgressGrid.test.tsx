import { render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { memberSchema, type MemberFile } from '../../lib/model/member';
import { planSchema, type Period } from '../../lib/model/plan';
import { teamOverview } from '../../lib/team/overview';
import { expectAccessible } from '../../test/unit/axe';
import { fixturePlan } from '../../test/support/fixtures';
import { ProgressGrid } from './ProgressGrid';

const plan = planSchema.parse(fixturePlan());
// November: four required courses, then "Redigera Wikipedia" and "Östersundsmodellen", optional.
const november = plan.periods.find((p) => p.id === '2026-11') as Period;
const at = '2026-11-20T10:00:00Z';
const key = (i: number) => `digiteket.se${new URL(november.items[i]!.url).pathname}`;

const member = (n: number, name: string, progress: Array<[number, 'done' | 'started']>): MemberFile =>
  memberSchema.parse({
    kind: 'kurskompis/member',
    version: 1,
    memberId: `aaaaaaaa-0000-4000-8000-00000000000${n}`,
    displayName: name,
    updatedAt: at,
    progress: progress.map(([i, status]) => ({ courseKey: key(i), status, updatedAt: at })),
    signups: [],
  });

const members = [
  member(1, 'Kim', [[0, 'done'], [1, 'done'], [2, 'done'], [3, 'done']]),
  member(2, 'Alex', [[0, 'done'], [1, 'started']]),
  member(3, 'Robin', []),
];

function renderGrid() {
  const overview = teamOverview(november, members);
  return render(<ProgressGrid overview={overview} memberCount={members.length} download={vi.fn()} />);
}

const row = (name: string) => within(screen.getByTestId('team-grid')).getByRole('row', { name: new RegExp(`^${name}`) });
const meter = (scope: HTMLElement, name: string) => within(scope).getByRole('meter', { name });

describe('ProgressGrid', () => {
  it('marks each course with a symbol and its status in words, explained by a legend', async () => {
    const { container } = renderGrid();
    const statuses = (name: string) =>
      within(row(name))
        .getAllByRole('cell')
        .slice(0, november.items.length)
        .map((cell) => [cell.querySelector('[aria-hidden="true"]')?.textContent, cell.querySelector('.visually-hidden-inline')?.textContent]);
    expect(statuses('Alex')).toEqual([['✓', 'klar'], ['◐', 'påbörjad'], ['–', 'inte påbörjad'], ['–', 'inte påbörjad'], ['–', 'inte påbörjad'], ['–', 'inte påbörjad']]);
    expect(statuses('Kim').slice(0, 4).every(([symbol, words]) => symbol === '✓' && words === 'klar')).toBe(true);
    const legend = screen.getByTestId('team-legend');
    expect(within(legend).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['✓ klar', '◐ påbörjad', '– inte påbörjad']);
    await expectAccessible(container);
  });

  it('draws each member’s share of the required courses and each course’s done count as bars with their numbers', () => {
    renderGrid();
    const kim = meter(row('Kim'), 'Kim: obligatoriska klara');
    expect([kim.getAttribute('aria-valuenow'), kim.getAttribute('aria-valuemax'), kim.getAttribute('aria-valuetext')]).toEqual(['4', '4', '4 av 4 obligatoriska klara']);
    expect(kim.textContent).toBe('4/4');
    const alex = meter(row('Alex'), 'Alex: obligatoriska klara');
    expect([alex.getAttribute('aria-valuenow'), alex.textContent]).toEqual(['1', '1/4']);
    expect(meter(row('Robin'), 'Robin: obligatoriska klara').getAttribute('aria-valuenow')).toBe('0');

    const totals = screen.getByTestId('team-grid').querySelector('tfoot') as HTMLElement;
    const podd = meter(totals, 'Skapa en podd: klara');
    expect([podd.getAttribute('aria-valuenow'), podd.getAttribute('aria-valuemax'), podd.getAttribute('aria-valuetext'), podd.textContent]).toEqual(['2', '3', '2 av 3 klara', '2']);
    expect(meter(totals, 'Filma med mobilen: klara').textContent).toBe('1');
    expect(meter(totals, 'Östersundsmodellen: klara').getAttribute('aria-valuenow')).toBe('0');
  });

  it('keeps the grid in a scroll box of its own that the keyboard can reach', () => {
    renderGrid();
    const box = screen.getByRole('region', { name: 'Vem har gjort vilka kurser i ”November: Skapa innehåll”' });
    expect(box.tabIndex).toBe(0);
    expect(within(box).getByTestId('team-grid')).toBeTruthy();
  });
});
