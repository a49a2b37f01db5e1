import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { PlanProblems } from './PlanProblems';

describe('PlanProblems', () => {
  it('names where and what, at most five, and says the old plan stays', () => {
    const problems = Array.from({ length: 7 }, (_, i) => ({
      path: `periods[${i}].deadline`,
      period: { number: i + 1, title: `<b>Period ${i + 1}</b>` },
      reason: 'date' as const,
    }));
    const { container } = render(<PlanProblems problems={problems} />);
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toHaveLength(5);
    expect(items[0]).toBe('Period 1 ”<b>Period 1</b>” (periods[0].deadline) är inget giltigt datum (ÅÅÅÅ-MM-DD).');
    expect(container.querySelector('b')).toBeNull();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Den plan som gällde tidigare gäller fortfarande.');
    expect(alert.textContent).toContain('…och 2 fel till.');
  });
});
