import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { memberSchema, type MemberFile } from '../../lib/model/member';
import { planSchema } from '../../lib/model/plan';
import { expectAccessible } from '../../test/unit/axe';
import { fixturePlan } from '../../test/support/fixtures';
import { SummaryApp, type SummaryProps } from './SummaryApp';
import { expectSaidUnreadable, quietErrors, unreadable } from '../../test/support/unreadable';

const plan = planSchema.parse(fixturePlan());
const at = '2026-11-20T10:00:00Z';
const PODD = 'digiteket.se/kurs/skapa-en-podd/';
const FILMA = 'digiteket.se/kurs/filma-med-mobilen/';
const scores = (v: number) => ({ information: v, communication: v, content: v, safety: v, problemSolving: v });

function member(n: number, name: string, extra: Record<string, unknown> = {}): MemberFile {
  return memberSchema.parse({
    kind: 'kurskompis/member',
    version: 1,
    memberId: `aaaaaaaa-0000-4000-8000-00000000000${n}`,
    displayName: name,
    updatedAt: at,
    ...extra,
  });
}

const everyNovemberCourse = ['skapa-en-podd', 'bildredigering-i-webblasaren', 'filma-med-mobilen', 'upphovsratt-och-creative-commons'].map((slug) => ({
  courseKey: `digiteket.se/kurs/${slug}/`,
  status: 'done',
  updatedAt: at,
}));
const members = [
  member(1, 'Kim Lindqvist', {
    progress: everyNovemberCourse,
    signups: [{ sessionId: '2026-11-s1', updatedAt: at }],
    evaluations: [
      { courseKey: PODD, periodId: '2026-11', usefulness: 5, comment: 'Kim tyckte om den', showName: true, updatedAt: at },
      { courseKey: FILMA, periodId: '2026-11', usefulness: 2, updatedAt: at },
    ],
    selfAssessments: [
      { phase: 'start', takenAt: '2026-09-01', scale: 7, scores: scores(3) },
      { phase: 'end', takenAt: '2026-11-30', scale: 7, scores: scores(5) },
    ],
  }),
  member(2, 'Alex Berg', { selfAssessments: [{ phase: 'start', takenAt: '2026-09-01', scale: 7, scores: scores(4) }] }),
  member(3, 'Robin Ek'),
];

// 4 December: October and November are over, December's pause has begun, January has not.
function summaryProps(props: Partial<SummaryProps> = {}): SummaryProps {
  return {
    load: async () => ({ plan, reading: { ok: true, members, skipped: [] } }),
    download: vi.fn(),
    print: vi.fn(),
    now: () => new Date('2026-12-04T10:00:00+01:00'),
    ...props,
  };
}

async function renderSummary(props: SummaryProps) {
  const rendered = render(<SummaryApp {...props} />);
  await screen.findByRole('heading', { level: 1 });
  return rendered;
}

describe('SummaryApp', () => {
  it('shows the team, the date and a line per started period, the pause marked, without any name', async () => {
    const { container } = await renderSummary(summaryProps());
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Kurskompis – sammanfattning för ledningen');
    expect(screen.getByTestId('summary-meta').textContent).toBe('Östersunds bibliotek · läget den 4 december 2026');
    const rows = within(screen.getByTestId('summary-periods').querySelector('tbody')!).getAllByRole('row');
    expect(rows.map((r) => r.getAttribute('data-period-id'))).toEqual(['2026-10', '2026-11', '2026-12']);
    const november = rows[1]!;
    expect([...november.querySelectorAll('td')].map((td) => td.textContent)).toEqual([
      '33 % (1 av 3)',
      '3 av 3',
      '1 av 3',
      'Skapa en podd (5,0)',
      'Filma med mobilen (2,0)',
    ]);
    expect(rows[0]?.textContent).toContain('För få svar');
    expect(rows[2]?.textContent).toContain('Paus – räknas inte');
    for (const name of ['Kim', 'Alex', 'Robin', 'tyckte om']) expect(container.textContent).not.toContain(name);
    await expectAccessible(container);
  });

  it('shows the self-assessment start against end per area, the change in words and symbols', async () => {
    await renderSummary(summaryProps());
    const table = screen.getByTestId('summary-assessment-7');
    const row = within(table).getByRole('row', { name: /Skapa innehåll/ });
    expect(row.textContent).toBe('Skapa innehåll3,55,0↑ +1,5');
    expect(screen.getByText('Skala 1–7. I början 2 personer, i slutet 1 personer.')).toBeTruthy();
  });

  it('prints, and downloads the figures as CSV for Excel', async () => {
    const props = summaryProps();
    await renderSummary(props);
    fireEvent.click(screen.getByRole('button', { name: 'Skriv ut' }));
    expect(props.print).toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Ladda ner CSV' }));
    const [fileName, csv] = (props.download as ReturnType<typeof vi.fn>).mock.calls[0] as [string, string];
    expect(fileName).toBe('kurskompis-sammanfattning-2026-12-04.csv');
    expect(csv).toMatch(/^\uFEFFPeriod;Start;Klart senast;/);
    expect(csv).toContain('November: Skapa innehåll;2026-11-01;2026-11-30;;3;1;33;3;3;1;Skapa en podd (5,0);Filma med mobilen (2,0)');
    expect(csv).not.toMatch(/Kim|Alex|Robin/);
  });

  it('says what to do without a plan and without a team folder', async () => {
    const { container } = await renderSummary(summaryProps({ load: async () => ({ plan: undefined, reading: { ok: false, error: 'teamNoFolder' } }) }));
    expect([...screen.getByTestId('summary-empty').querySelectorAll('p')].map((p) => p.textContent)).toEqual([
      'Ingen plan ännu: läs in teamets plan under Inställningar eller bygg den i planeringen, så fylls sammanfattningen i.',
      'Den här webbläsaren är inte med i teamets mapp: gå med under Inställningar → Teamets mapp, så läser sammanfattningen medlemmarnas filer.',
    ]);
    // The one next step, straight to where it is taken.
    const steps = screen.getByRole('navigation', { name: 'Nästa steg' });
    expect(within(steps).getAllByRole('link').map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Läs in teamets plan', '/options.html#plan-file'],
      ['Bygg planen i planeringen', '/coordinator.html'],
    ]);
    expect(screen.queryByRole('button', { name: 'Skriv ut' })).toBeNull();
    expect(screen.queryByTestId('summary-periods')).toBeNull();
    await expectAccessible(container);
  });

  it('says so when the folder holds no member files yet', async () => {
    await renderSummary(summaryProps({ load: async () => ({ plan, reading: { ok: true, members: [], skipped: [] } }) }));
    expect(screen.getByTestId('summary-empty').textContent).toBe('Teamets mapp har inga medlemsfiler ännu: be kollegorna gå med i mappen och dela sina framsteg.');
    expect(screen.getByTestId('summary-meta').textContent).toContain('Östersunds bibliotek');
  });
});

describe('SummaryApp, when what is saved cannot be read', () => {
  it('says so under its heading with a way to reload, instead of a page that stays busy', async () => {
    const errors = quietErrors();
    await renderSummary(summaryProps({ load: unreadable }));
    await expectSaidUnreadable('Kurskompis – sammanfattning för ledningen');
    expect(errors).toHaveBeenCalled();
  });
});
