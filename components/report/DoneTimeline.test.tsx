import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { doneByMonth } from '../../lib/domain/done-by-month';
import type { ProgressRecord } from '../../lib/model/progress';
import { expectAccessible } from '../../test/unit/axe';
import { DoneTimeline } from './DoneTimeline';

const done = (slug: string, completedAt: string): ProgressRecord => ({ courseKey: `digiteket.se/kurs/${slug}/`, status: 'done', completedAt, updatedAt: completedAt });
const now = new Date('2026-11-25T10:00:00Z');

describe('DoneTimeline', () => {
  it('draws a column per month with its count written, tallest for the busiest month', async () => {
    const data = doneByMonth([done('a', '2026-11-03T09:00:00Z'), done('b', '2026-11-20T09:00:00Z'), done('c', '2026-02-14T09:00:00Z')], now);
    const { container } = render(<DoneTimeline data={data} locale="sv-SE" />);
    expect(screen.getByRole('heading', { name: 'Klara kurser per månad' })).toBeTruthy();
    expect(screen.getByTestId('timeline-total').textContent).toBe('Klara kurser de senaste tolv månaderna: 3.');
    const column = (month: string) => container.querySelector(`[data-month="${month}"]`) as SVGGElement;
    const height = (month: string) => Number(column(month).querySelector('rect')?.getAttribute('height') ?? 0);
    expect(height('2026-11')).toBeGreaterThan(0);
    expect(height('2026-11')).toBe(2 * height('2026-02'));
    expect(column('2026-06').querySelector('rect')).toBeNull();
    // Counts and month names are text in the drawing, so they survive printing in black and white.
    expect(column('2026-11').textContent).toBe('2nov');
    expect(column('2026-01').textContent).toBe('jan2026');
    expect(column('2025-12').textContent).toBe('dec2025');
    // One picture for a screen reader, named and described month by month.
    const picture = screen.getByRole('img', { name: /Klara kurser per månad/ });
    expect(picture.querySelector('desc')?.textContent).toContain('november 2026: 2');
    expect(picture.querySelector('desc')?.textContent).toContain('juni 2026: 0');
    await expectAccessible(container);
  });

  it('shows an empty year as twelve empty months', () => {
    const { container } = render(<DoneTimeline data={doneByMonth([], now)} locale="sv-SE" />);
    expect(screen.getByTestId('timeline-total').textContent).toBe('Klara kurser de senaste tolv månaderna: 0.');
    expect(container.querySelectorAll('[data-month]')).toHaveLength(12);
    expect(container.querySelectorAll('rect')).toHaveLength(0);
  });
});
