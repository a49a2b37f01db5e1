import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { planSchema } from '../../lib/model/plan';
import type { Note } from '../../lib/model/note';
import type { SelfAssessmentRecord } from '../../lib/model/self-assessment';
import { expectAccessible } from '../../test/unit/axe';
import { fixturePlan } from '../../test/support/fixtures';
import { ReportApp, type ReportProps } from './ReportApp';
import { expectSaidUnreadable, quietErrors, unreadable } from '../../test/support/unreadable';

const plan = planSchema.parse(fixturePlan());
const at = '2026-11-10T10:00:00Z';
const scores = (value: number) => ({ information: value, communication: value, content: value, safety: value, problemSolving: value });
const assessments: SelfAssessmentRecord[] = [
  { phase: 'start', takenAt: '2026-09-01', scale: 7, scores: scores(2), source: 'manual', updatedAt: at },
  { phase: 'end', takenAt: '2026-11-20', scale: 7, scores: scores(6), source: 'manual', updatedAt: at },
];
const note: Note = { id: 'n1', courseKey: 'digiteket.se/kurs/skapa-en-podd/', courseTitle: 'Skapa en podd', text: 'Ljudet först', shared: false, createdAt: at, updatedAt: at };

function reportProps(saved: SelfAssessmentRecord[] = assessments): ReportProps {
  return {
    load: async () => ({
      plan,
      progress: [{ courseKey: 'digiteket.se/kurs/skapa-en-podd/', status: 'done', completedAt: at, updatedAt: at }],
      assessments: saved,
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
    // The header names who, which team and the day, the Swedish way (25 Nov 2026 in Sweden).
    expect(screen.getByTestId('report-name').textContent).toBe('Kim');
    expect(screen.getByTestId('report-team').textContent).toBe(plan.team.name);
    expect(screen.getByTestId('report-date').textContent).toBe('25 november 2026');
    // The course finished on 10 Nov stands in November, the timeline's last month.
    const months = [...container.querySelectorAll('[data-testid="done-timeline"] [data-month]')];
    expect(months).toHaveLength(12);
    expect(months.at(-1)?.getAttribute('data-month')).toBe('2026-11');
    expect(months.at(-1)?.getAttribute('data-count')).toBe('1');
    expect(screen.getByRole('cell', { name: 'Skapa en podd' })).toBeTruthy();
    // One chart, start against end, on the seven-point scale both were taken on, areas under the site's names.
    const charts = container.querySelectorAll('#self-assessment svg');
    expect(charts).toHaveLength(1);
    expect(charts[0]?.getAttribute('data-scale')).toBe('7');
    expect(charts[0]?.textContent).toContain('Information och analys: början 2,0, slutet 6,0.');
    expect(screen.queryByTestId('scales-differ')).toBeNull();
    // A note is left out of the printout until it is ticked.
    const noteItem = screen.getByText('Ljudet först').closest('li') as HTMLElement;
    expect(noteItem.classList.contains('no-print')).toBe(true);
    // With no note chosen the printout has no empty "Reflektioner" heading either.
    const notesSection = screen.getByRole('region', { name: 'Reflektioner' });
    expect(notesSection.classList.contains('no-print')).toBe(true);
    fireEvent.click(within(noteItem).getByRole('checkbox', { name: 'Ta med' }));
    expect(noteItem.classList.contains('no-print')).toBe(false);
    expect(notesSection.classList.contains('no-print')).toBe(false);
    await expectAccessible(container);
    fireEvent.click(screen.getByRole('button', { name: 'Skriv ut eller spara som PDF' }));
    expect(props.print).toHaveBeenCalled();
  });

  it('shows Mitt år: this year\'s finished courses per area against the year\'s plan', async () => {
    render(<ReportApp {...reportProps()} />);
    const year = await screen.findByTestId('my-year');
    expect(within(year).getByText(/Kurser du har gjort klart i år \(2026\)/)).toBeTruthy();
    const lines = within(year).getAllByRole('listitem').map((li) => li.textContent);
    // October's three courses and November's five (the article is not a course); January's are next year's.
    expect(lines).toEqual(['Information och analys: 0 av 3', 'Skapa innehåll: 1 av 5']);
  });

  it('shows a start on 1–5 and an end on 1–7 apart, each on its own scale, and says why', async () => {
    const mixed: SelfAssessmentRecord[] = [{ ...(assessments[0] as SelfAssessmentRecord), scale: 5, scores: scores(3) }, assessments[1] as SelfAssessmentRecord];
    const { container } = render(<ReportApp {...reportProps(mixed)} />);
    expect((await screen.findByTestId('scales-differ')).textContent).toContain('Början gjordes på skalan 1–5 och slutet på skalan 1–7');
    const charts = [...container.querySelectorAll('#self-assessment svg')];
    expect(charts.map((c) => c.getAttribute('data-scale'))).toEqual(['5', '7']);
    expect(charts[0]?.textContent).toContain('Säkerhet: början 3,0, slutet –.');
    expect(charts[1]?.textContent).toContain('Säkerhet: början –, slutet 6,0.');
    await expectAccessible(container);
  });

  it('asks for the scale when a result is typed in: seven points unless told, a 6 refused on five', async () => {
    const props = reportProps([]);
    render(<ReportApp {...props} />);
    const scale = (await screen.findByLabelText('Testets skala')) as HTMLSelectElement;
    expect(scale.value).toBe('7');
    for (const label of ['Information och analys', 'Digitalt samarbete', 'Skapa innehåll', 'Säkerhet', 'Problemlösning']) {
      fireEvent.input(screen.getByLabelText(label), { target: { value: '6' } });
    }
    fireEvent.change(scale, { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara resultatet' }));
    expect(await screen.findAllByText('Skriv ett tal från 1 till 5.')).toHaveLength(5);
    expect(props.saveAssessment).not.toHaveBeenCalled();
    // What was typed stays; on the seven-point scale it is right.
    fireEvent.change(scale, { target: { value: '7' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara resultatet' }));
    await vi.waitFor(() => expect(props.saveAssessment).toHaveBeenCalledWith(expect.objectContaining({ scale: 7, scores: scores(6) })));
  });
});

describe('ReportApp, when what is saved cannot be read', () => {
  it('says so under its heading instead of staying blank, and keeps what it shows when a later reading fails', async () => {
    const errors = quietErrors();
    const { unmount } = render(<ReportApp {...reportProps()} load={unreadable} />);
    await expectSaidUnreadable('Min fortbildning – underlag till medarbetarsamtalet');
    unmount();

    // Read once, then a change is announced and the reading fails: the report stays, with a word.
    let changed = () => {};
    const props = reportProps();
    const first = props.load;
    let calls = 0;
    render(<ReportApp {...props} load={() => (calls++ === 0 ? first() : unreadable())} subscribe={(listener) => ((changed = listener), () => undefined)} />);
    await screen.findByTestId('report-summary');
    changed();
    expect((await screen.findByTestId('read-failed')).textContent).toMatch(/^Det som visas kan vara inaktuellt/);
    expect(screen.getByTestId('report-summary').textContent).toMatch(/^Klara kurser: 1\. /);
    expect(errors).toHaveBeenCalledTimes(2);
  });
});
