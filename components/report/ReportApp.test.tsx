import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { planSchema } from '../../lib/model/plan';
import type { Note } from '../../lib/model/note';
import type { SelfAssessmentRecord } from '../../lib/model/self-assessment';
import { expectAccessible } from '../../test/unit/axe';
import { fixturePlan } from '../../test/support/fixtures';
import { ReportApp, type ReportProps } from './ReportApp';

const plan = planSchema.parse(fixturePlan());
const at = '2026-11-10T10:00:00Z';
const scores = (value: number) => ({ Informationskompetens: value, Kommunikation: value, 'Skapa innehåll': value, Säkerhet: value, Problemlösning: value });
const assessments: SelfAssessmentRecord[] = [
  { phase: 'start', takenAt: '2026-09-01', scores: scores(2), source: 'manual', updatedAt: at },
  { phase: 'end', takenAt: '2026-11-20', scores: scores(4), source: 'manual', updatedAt: at },
];
const note: Note = { id: 'n1', courseKey: 'digiteket.se/kurs/skapa-en-podd/', courseTitle: 'Skapa en podd', text: 'Ljudet först', shared: false, createdAt: at, updatedAt: at };

function reportProps(): ReportProps {
  return {
    load: async () => ({
      plan,
      progress: [{ courseKey: 'digiteket.se/kurs/skapa-en-podd/', status: 'done', completedAt: at, updatedAt: at }],
      assessments,
      notes: [note],
      name: 'Kim',
    }),
    saveAssessment: vi.fn(async () => ({ ok: true })),
    download: vi.fn(),
    calendar: vi.fn(async () => undefined),
    print: vi.fn(),
    subscribe: () => () => undefined,
    locale: 'sv',
    now: () => new Date('2026-11-25T10:00:00Z'),
  };
}

describe('ReportApp', () => {
  it('shows the courses done, the self-assessment and the notes to take along, with no serious accessibility problems', async () => {
    const props = reportProps();
    const { container } = render(<ReportApp {...props} />);
    const summary = await screen.findByTestId('report-summary');
    expect(summary.textContent).toMatch(/^Klara kurser: 1\. /);
    expect(screen.getByTestId('report-who').textContent).toMatch(/^Kim · /);
    expect(screen.getByRole('cell', { name: 'Skapa en podd' })).toBeTruthy();
    expect(container.querySelector('#self-assessment svg')).not.toBeNull();
    // A note is left out of the printout until it is ticked.
    const noteItem = screen.getByText('Ljudet först').closest('li') as HTMLElement;
    expect(noteItem.classList.contains('no-print')).toBe(true);
    fireEvent.click(within(noteItem).getByRole('checkbox', { name: 'Ta med' }));
    expect(noteItem.classList.contains('no-print')).toBe(false);
    await expectAccessible(container);
    fireEvent.click(screen.getByRole('button', { name: 'Skriv ut eller spara som PDF' }));
    expect(props.print).toHaveBeenCalled();
  });
});
