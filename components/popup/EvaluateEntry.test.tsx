import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { planSchema } from '../../lib/model/plan';
import type { ProgressRecord } from '../../lib/model/progress';
import { fixturePlan } from '../../test/support/fixtures';
import { EvaluateEntry, periodsToEvaluate } from './EvaluateEntry';

const plan = planSchema.parse(fixturePlan());
const at = '2026-11-10T10:00:00Z';
const done = (courseKey: string): [string, ProgressRecord] => [courseKey, { courseKey, status: 'done', completedAt: at, updatedAt: at }];

describe('the way to the evaluation in the popup', () => {
  it('offers the period that ended last, and the running one once a course of it is done', () => {
    const mid = new Date('2026-11-15T10:00:00Z');
    expect(periodsToEvaluate(plan, new Map(), mid).map((p) => p.id)).toEqual(['2026-10']);
    expect(periodsToEvaluate(plan, new Map([done('digiteket.se/kurs/skapa-en-podd/')]), mid).map((p) => p.id)).toEqual(['2026-10', '2026-11']);
    // Before any deadline has passed and with nothing done there is nothing to evaluate.
    expect(periodsToEvaluate(plan, new Map(), new Date('2026-10-05T10:00:00Z'))).toEqual([]);
  });

  it('opens the form for the period asked about', () => {
    const onOpen = vi.fn();
    render(<EvaluateEntry periods={plan.periods.filter((p) => p.id === '2026-10')} onOpen={onOpen} />);
    expect(screen.getByText(/Vad tyckte du om kurserna i Oktober: Informationskompetens\?/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Utvärdera periodens kurser' }));
    expect(onOpen).toHaveBeenCalledWith('2026-10');
  });
});
