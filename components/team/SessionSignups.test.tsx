import { render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { PlanSession } from '../../lib/model/plan';
import type { OverviewSession } from '../../lib/team/overview';
import { expectAccessible } from '../../test/unit/axe';
import { SessionSignups } from './SessionSignups';

const session = (id: string, day: string, capacity: number | undefined, names: string[]): OverviewSession => {
  const s: PlanSession = { id, starts: `${day}T09:00:00+01:00`, ends: `${day}T10:30:00+01:00`, place: 'Konferensrummet', ...(capacity === undefined ? {} : { capacity }) };
  const placesLeft = capacity === undefined ? null : capacity - names.length;
  return { session: s, names, placesLeft, overbooked: placesLeft !== null && placesLeft < 0 };
};

const people = (n: number) => Array.from({ length: n }, (_, i) => `Person ${i + 1}`);

describe('SessionSignups', () => {
  it('fills a bar per session with the places taken of its capacity, and says when it is full or over-booked', async () => {
    const { container } = render(
      <SessionSignups
        sessions={[
          session('a', '2026-12-01', 8, people(3)),
          session('b', '2026-12-02', 8, people(8)),
          session('c', '2026-12-03', 4, people(6)),
          session('d', '2026-12-04', undefined, people(2)),
        ]}
      />,
    );
    const item = (id: string) => container.querySelector(`li[data-session-id="${id}"]`) as HTMLElement;
    const bar = (id: string) => within(item(id)).getByRole('meter');
    const values = (id: string) => ['aria-valuenow', 'aria-valuemax', 'aria-valuetext'].map((a) => bar(id).getAttribute(a));

    expect(values('a')).toEqual(['3', '8', '3 av 8 platser tagna']);
    expect(bar('a').textContent).toBe('3 av 8 platser tagna');
    expect(item('a').textContent).toContain('Platser kvar: 5.');
    expect(bar('a').classList.contains('full')).toBe(false);

    expect(values('b')).toEqual(['8', '8', '8 av 8 platser tagna']);
    expect(within(item('b')).getByText('Fullt')).toBeTruthy();
    expect(bar('b').classList.contains('full')).toBe(true);

    // Over-booked: the bar stops at its end, the words say by how many.
    expect(values('c')).toEqual(['4', '4', '6 av 4 platser tagna']);
    expect(item('c').textContent).toContain('Överbokat med 2.');
    expect(bar('c').classList.contains('over')).toBe(true);

    // A session without a set number of places has nothing to fill: the count is said.
    expect(within(item('d')).queryByRole('meter')).toBeNull();
    expect(item('d').textContent).toContain('Anmälda: 2.');
    expect(item('d').textContent).toContain('Person 1, Person 2');
    await expectAccessible(container);
  });

  it('names the session in each bar', () => {
    render(<SessionSignups sessions={[session('a', '2026-12-01', 8, people(1))]} />);
    expect(screen.getByRole('meter').getAttribute('aria-label')).toMatch(/^Anmälda till .*1 dec/);
  });
});
