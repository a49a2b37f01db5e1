import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { memberSchema } from '../../lib/model/member';
import { planSchema } from '../../lib/model/plan';
import { expectAccessible } from '../../test/unit/axe';
import { fixturePlan } from '../../test/support/fixtures';
import type { GrantAnswer } from './GrantForm';
import { TeamOverviewApp, type TeamOverviewProps } from './TeamOverviewApp';
import { expectSaidUnreadable, quietErrors, unreadable } from '../../test/support/unreadable';

const plan = planSchema.parse(fixturePlan());
const at = '2026-11-20T10:00:00Z';
const kim = memberSchema.parse({
  kind: 'kurskompis/member',
  version: 1,
  memberId: 'aaaaaaaa-0000-4000-8000-000000000000',
  displayName: 'Kim',
  updatedAt: at,
  progress: [{ courseKey: 'digiteket.se/kurs/skapa-en-podd/', status: 'done', updatedAt: at }],
  signups: Array.from({ length: 1 }, () => ({ sessionId: '2026-11-s1', updatedAt: at })),
  sharedNotes: [{ id: 'n1', courseKey: 'digiteket.se/kurs/skapa-en-podd/', text: 'Bra om ljud', updatedAt: at }],
  selfAssessments: [{ phase: 'start', takenAt: at, scale: 7, scores: { information: 3, communication: 2, content: 6, safety: 3, problemSolving: 2 } }],
});

function overviewProps(props: Partial<TeamOverviewProps> = {}): TeamOverviewProps {
  return {
    load: async () => ({ plan, reading: { ok: true, members: [kim], skipped: [{ name: 'trasig.json', reason: 'notJson' }] } }),
    download: vi.fn(),
    print: vi.fn(),
    now: () => new Date('2026-11-25T10:00:00Z'),
    ...props,
  };
}

/** Renders the overview and waits for what it loaded. */
async function renderOverview(props: TeamOverviewProps) {
  const rendered = render(<TeamOverviewApp {...props} />);
  await screen.findByTestId('team-source');
  return rendered;
}

describe('TeamOverviewApp', () => {
  it('without a plan says so and links straight to loading or building one', async () => {
    const { container } = await renderOverview(overviewProps({ load: async () => ({ plan: undefined, reading: { ok: true, members: [], skipped: [] } }) }));
    const steps = screen.getByRole('navigation', { name: 'Nästa steg' });
    expect(within(steps).getAllByRole('link').map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Läs in teamets plan', '/options.html#plan-file'],
      ['Bygg planen i planeringen', '/coordinator.html'],
    ]);
    await expectAccessible(container);
  });

  it('shows the running period with each member’s courses and names the files it skipped', async () => {
    await renderOverview(overviewProps());
    expect(screen.getByLabelText<HTMLSelectElement>('Period').value).toBe('2026-11');
    const body = screen.getByTestId('team-grid').querySelector('tbody')!;
    expect(within(body).getAllByRole('row').map((tr) => tr.textContent)).toEqual([`Kim✓ klar${'– inte påbörjad'.repeat(5)}1/4periodens`]);
    expect(screen.getByTestId('skipped').textContent).toContain('trasig.json – är ingen läsbar JSON-fil');
  });

  // Axe over the whole overview, on a busy machine, takes a few seconds alone.
  it('grants a member more time from the grid, says where it went, and shows the worker\'s refusal in words', { timeout: 20_000 }, async () => {
    const november = plan.periods.find((p) => p.id === '2026-11')!;
    const granted = { memberId: kim.memberId, periodId: '2026-11', deadline: '2026-12-11' };
    const grant = vi.fn(
      async (input: { deadline: string }): Promise<GrantAnswer> =>
        input.deadline === '2026-12-11' ? { ok: true, extensions: [granted] } : { ok: false, error: 'grantNotLater' },
    );
    const revoke = vi.fn(async (): Promise<GrantAnswer> => ({ ok: true, extensions: [] }));
    const { container } = await renderOverview(overviewProps({ grant: { grant, revoke } }));
    fireEvent.click(screen.getByRole('button', { name: 'Ge mer tid till Kim' }));
    const form = screen.getByRole('region', { name: 'Mer tid för Kim' });
    expect(document.activeElement?.textContent).toBe('Mer tid för Kim');
    const date = within(form).getByLabelText<HTMLInputElement>('Ny sista dag');
    expect(date.min > november.deadline).toBe(true);
    fireEvent.click(within(form).getByRole('button', { name: 'Ge mer tid' }));
    expect((await within(form).findByTestId('grant-message')).textContent).toBe('Välj ett datum.');
    fireEvent.input(date, { target: { value: november.deadline } });
    fireEvent.click(within(form).getByRole('button', { name: 'Ge mer tid' }));
    await vi.waitFor(() => expect(within(form).getByTestId('grant-message').textContent).toBe('Välj en dag efter periodens sista dag.'));
    fireEvent.input(date, { target: { value: '2026-12-11' } });
    fireEvent.input(within(form).getByLabelText('Anteckning (frivillig)'), { target: { value: '  Sjuk  ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Ge mer tid' }));
    await vi.waitFor(() => expect(within(form).getByTestId('grant-message').textContent).toContain('Kim har nu till 11 dec.'));
    expect(grant).toHaveBeenLastCalledWith({ memberId: kim.memberId, periodId: '2026-11', deadline: '2026-12-11', note: 'Sjuk' });
    expect(within(form).getByRole('link', { name: 'Öppna planeringen för att publicera' }).getAttribute('href')).toBe('coordinator.html');
    const row = within(screen.getByTestId('team-grid').querySelector('tbody')!).getAllByRole('row')[0]!;
    expect(row.textContent).toContain('11 dec (beviljad)');
    await expectAccessible(container);
    fireEvent.click(within(form).getByRole('button', { name: 'Ta tillbaka' }));
    await vi.waitFor(() => expect(row.textContent).toContain('periodens'));
    expect(revoke).toHaveBeenCalledWith({ memberId: kim.memberId, periodId: '2026-11' });
  });

  it('shows sign-ups per session, the shared notes by course and the team’s self-assessment', async () => {
    const { container } = await renderOverview(overviewProps());
    const sessions = screen.getByRole('region', { name: 'Diskussionstillfällen' });
    expect(within(sessions).getAllByRole('listitem')[0]?.textContent).toContain('Kim');
    const notes = screen.getByRole('region', { name: 'Reflektioner till diskussionen' });
    expect(within(notes).getByRole('heading', { level: 3 }).textContent).toBe('Skapa en podd');
    expect(within(notes).getByText('Bra om ljud')).toBeTruthy();
    expect(screen.getByTestId('team-assessment').querySelector('svg')).not.toBeNull();
    await expectAccessible(container);
  });

  it('keeps the averages of a 1–5 result saved before apart from the 1–7 ones, and says so', async () => {
    // A member file written before results had a scale: old area names, 1–5.
    const alex = memberSchema.parse({
      ...kim,
      memberId: 'bbbbbbbb-0000-4000-8000-000000000000',
      displayName: 'Alex',
      selfAssessments: [{ phase: 'start', takenAt: at, scores: { Informationskompetens: 4, Kommunikation: 4, 'Skapa innehåll': 4, Säkerhet: 4, Problemlösning: 4 } }],
    });
    const { container } = await renderOverview(overviewProps({ load: async () => ({ plan, reading: { ok: true, members: [kim, alex], skipped: [] } }) }));
    const section = screen.getByTestId('team-assessment');
    expect(within(section).getByTestId('team-scales-differ').textContent).toContain('Medelvärdena visas per skala och blandas aldrig');
    expect(within(section).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Resultat på skalan 1–7', 'Resultat på skalan 1–5']);
    const charts = [...section.querySelectorAll('svg')];
    expect(charts.map((c) => c.getAttribute('data-scale'))).toEqual(['7', '5']);
    // Neither member's result pulls the other's: 6 on 1–7 and 4 on 1–5, not an average of 5.
    expect(charts[0]?.textContent).toContain('Skapa innehåll: början 6,0');
    expect(charts[1]?.textContent).toContain('Skapa innehåll: början 4,0');
    await expectAccessible(container);
  });

  it('says how many member files were left unread past the cap of one reading', async () => {
    await renderOverview(overviewProps({ load: async () => ({ plan, reading: { ok: true, members: [kim], skipped: [], overCap: 50 } }) }));
    expect(screen.getByTestId('team-source').textContent).toBe(
      'Från teamets mapp: 1 medlemsfiler. 50 filer till i mappen lästes inte. Kurskompis läser högst 2 000 medlemsfiler åt gången.',
    );
  });

  it('shows the members read before the coordinator stopped the reading, and how many were not read', async () => {
    await renderOverview(overviewProps({ load: async () => ({ plan, reading: { ok: true, members: [kim], skipped: [], unread: 880 } }) }));
    expect(screen.getByTestId('team-source').textContent).toBe(
      'Från teamets mapp: 1 medlemsfiler. Läsningen avbröts: 880 medlemsfiler lästes inte, översikten visar de andra. Det som hann läsas sparas till nästa gång.',
    );
    expect(screen.getByTestId('team-grid').textContent).toContain(kim.displayName);
    expect(screen.getByTestId('team-summary').textContent).toMatch(/^Medlemmar lästa hittills: 1\. /);
  });

  it('fills in with the members read so far while the reading runs, each asked for once, then shows the whole reading', async () => {
    const alex = memberSchema.parse({ ...kim, memberId: 'bbbbbbbb-0000-4000-8000-000000000000', displayName: 'Alex', sharedNotes: [], signups: [] });
    // As the page's own watch does: each listener hears the last figure at once, then each new one.
    const listeners = new Set<(progress: { done: number; total: number } | null) => void>();
    let last: { done: number; total: number } | null = null;
    const tell = (progress: { done: number; total: number } | null) => {
      last = progress;
      for (const listener of listeners) listener(progress);
    };
    let finish: () => void = () => undefined;
    // The worker's answers: reading 1 gives Kim (and a broken file), then Alex; then a new
    // reading has begun (another page stopped and reopened), which starts from its first file.
    const answers = [
      { members: [kim], skipped: [{ name: 'trasig.json', reason: 'notJson' as const }], reading: 1, from: 0, next: 2, total: 3 },
      { members: [alex], skipped: [], reading: 1, from: 2, next: 3, total: 3 },
      { members: [alex], skipped: [], reading: 2, from: 0, next: 1, total: 3 },
    ];
    const soFar = vi.fn(async (_after: number, _of?: number) => ({ plan, granted: [], reading: answers.shift() as (typeof answers)[number] }));
    const props = overviewProps({
      load: () =>
        new Promise((resolve) => {
          finish = () => resolve({ plan, reading: { ok: true, members: [alex, kim], skipped: [{ name: 'trasig.json', reason: 'notJson' }] } });
        }),
      grant: { grant: vi.fn(), revoke: vi.fn() },
      reading: {
        watch: (listener) => {
          listeners.add(listener);
          listener(last);
          return () => listeners.delete(listener);
        },
        cancel: vi.fn(),
        soFar,
      },
    });
    const { container } = render(<TeamOverviewApp {...props} />);
    tell({ done: 2, total: 3 });
    await screen.findByTestId('team-grid');
    expect(soFar).toHaveBeenLastCalledWith(0, undefined);
    expect(screen.getByTestId('team-source').textContent).toBe('Läsningen pågår: översikten visar de 1 medlemsfiler som lästs hittills och fylls på medan resten läses.');
    expect(screen.getByRole('status').textContent).toBe('Läser medlemsfiler 2 av 3');
    expect(screen.getByTestId('team-grid').textContent).toContain('Kim');
    expect(screen.getByTestId('team-summary').textContent).toMatch(/^Medlemmar lästa hittills: 1\. /);
    // The CSV, the sign-ups and the shared notes are of the whole team: shown once everything is read.
    expect(screen.queryByRole('button', { name: /CSV/ })).toBeNull();
    expect(screen.queryByText('Bra om ljud')).toBeNull();
    // Granting waits for the whole reading (the grants in force are read with it): the button is
    // there, in its place, but cannot be used yet, and the page says when it can.
    const waiting = screen.getByRole('button', { name: 'Ge mer tid till Kim' });
    expect((waiting as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(waiting);
    expect(screen.queryByRole('heading', { name: /Mer tid för Kim/ })).toBeNull();
    expect(screen.getByText('”Ge mer tid” går att använda när alla medlemsfiler är lästa.')).toBeTruthy();
    await expectAccessible(container);
    // A period chosen meanwhile stays chosen when the whole reading arrives.
    const select = screen.getByLabelText('Period') as HTMLSelectElement;
    const original = select.value;
    const other = [...select.options].map((o) => o.value).find((v) => v !== original) as string;
    fireEvent.change(select, { target: { value: other } });

    // Asked again once the last redraw's pause is over (at least half a second), and only for what came after.
    await vi.waitFor(
      () => {
        tell({ done: 3, total: 3 });
        expect(soFar).toHaveBeenCalledTimes(2);
      },
      { timeout: 10_000, interval: 100 },
    );
    await vi.waitFor(() => expect(screen.getByTestId('team-grid').textContent).toContain('Alex'));
    expect(soFar).toHaveBeenLastCalledWith(2, 1);
    expect(screen.getByTestId('team-grid').querySelectorAll('tbody tr')).toHaveLength(2);

    // A new reading: what the old one gave is not kept beside it.
    await vi.waitFor(
      () => {
        tell({ done: 4, total: 3 });
        expect(soFar).toHaveBeenCalledTimes(3);
      },
      { timeout: 10_000, interval: 100 },
    );
    expect(soFar).toHaveBeenLastCalledWith(3, 1);
    await vi.waitFor(() => expect(screen.getByTestId('team-grid').querySelectorAll('tbody tr')).toHaveLength(1));
    expect(screen.getByTestId('team-grid').textContent).not.toContain('Kim');

    const alexWaits = screen.getByRole('button', { name: 'Ge mer tid till Alex' }) as HTMLButtonElement;
    expect(alexWaits.disabled).toBe(true);

    finish();
    await vi.waitFor(() => expect(screen.getByTestId('team-source').textContent).toBe('Från teamets mapp: 2 medlemsfiler.'));
    expect(screen.queryByRole('button', { name: 'Avbryt' })).toBeNull();
    expect(screen.getAllByRole('button', { name: /CSV/ })).toHaveLength(2);
    expect(screen.getByTestId('team-summary').textContent).toMatch(/^Medlemmar: 2\. /);
    expect((screen.getByLabelText('Period') as HTMLSelectElement).value).toBe(other);
    // The same button in a row not drawn again, now usable, and nothing left saying to wait.
    expect(screen.getByRole('button', { name: 'Ge mer tid till Alex' })).toBe(alexWaits);
    expect(alexWaits.disabled).toBe(false);
    expect((screen.getByRole('button', { name: 'Ge mer tid till Kim' }) as HTMLButtonElement).disabled).toBe(false);
    expect(screen.queryByText(/går att använda när alla medlemsfiler är lästa/)).toBeNull();
    fireEvent.change(screen.getByLabelText('Period'), { target: { value: original } });
    expect(await screen.findByText('Bra om ljud')).toBeTruthy();
  });

  it('adds member files read in by hand, refusing one whose id does not match its name', async () => {
    const { container } = await renderOverview(overviewProps({ load: async () => ({ plan, reading: { ok: false, error: 'teamNoFolder' } }) }));
    expect(screen.getByTestId('team-source').textContent).toMatch(/inte med i en teamets mapp/);
    const good = new File([JSON.stringify(kim)], `${kim.memberId}.json`);
    const misnamed = new File([JSON.stringify(kim)], 'bbbbbbbb-0000-4000-8000-000000000000.json');
    fireEvent.change(screen.getByLabelText('Medlemsfiler (JSON) som kollegorna skickat'), { target: { files: [good, misnamed] } });
    expect((await screen.findByTestId('skipped')).textContent).toContain('har ett annat medlems-id än filnamnet');
    expect(screen.getByTestId('team-summary').textContent).toBe('Medlemmar: 1. Klara med allt obligatoriskt: 0. Inte påbörjat: 0.');
    await expectAccessible(container);
  });

  it('downloads the grid as CSV and prints the discussion notes', async () => {
    const props = overviewProps();
    await renderOverview(props);
    fireEvent.click(screen.getByRole('button', { name: 'Ladda ner som CSV (Excel)' }));
    expect(props.download).toHaveBeenCalledWith('kurskompis-2026-11.csv', expect.stringMatching(/^\uFEFFNamn;Skapa en podd;/));
    fireEvent.click(screen.getByRole('button', { name: 'Skriv ut' }));
    expect(props.print).toHaveBeenCalled();
  });
});

describe('TeamOverviewApp, when what is saved cannot be read', () => {
  it('says so under its heading with a way to reload, instead of a page that stays busy', async () => {
    const errors = quietErrors();
    render(<TeamOverviewApp {...overviewProps({ load: unreadable })} />);
    await expectSaidUnreadable('Teamöversikt');
    expect(errors).toHaveBeenCalled();
  });
});
