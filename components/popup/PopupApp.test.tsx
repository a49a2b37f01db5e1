import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { planSchema } from '../../lib/model/plan';
import type { ProgressRecord } from '../../lib/model/progress';
import type { StoredPlan } from '../../lib/model/stored';
import { expectAccessible } from '../../test/unit/axe';
import { fixturePlan } from '../../test/support/fixtures';
import { PopupApp, type PopupProps } from './PopupApp';

const stored: StoredPlan = { plan: planSchema.parse(fixturePlan()), source: { kind: 'file' }, loadedAt: '2026-11-01T00:00:00Z' };
const done = (key: string): ProgressRecord => ({
  courseKey: key,
  status: 'done',
  completedAt: '2026-11-10T10:00:00Z',
  updatedAt: '2026-11-10T10:00:00Z',
});

function popupProps(props: Partial<PopupProps> & { at: string; plan?: StoredPlan | undefined; progress?: ProgressRecord[] }): PopupProps {
  const progress = new Map((props.progress ?? []).map((r) => [r.courseKey, r]));
  return {
    load: async () => ({ stored: 'plan' in props ? props.plan : stored, progress }),
    setDone: vi.fn(async () => undefined),
    useDemo: vi.fn(async () => ({ ok: true as const, changed: true })),
    openOptions: vi.fn(),
    openNotes: vi.fn(),
    subscribe: () => () => undefined,
    now: () => new Date(props.at),
    ...props,
  };
}

/** Renders the popup and waits until what it loaded is shown. */
async function renderPopup(props: PopupProps) {
  const rendered = render(<PopupApp {...props} />);
  await waitFor(() => expect(screen.getByRole('main').getAttribute('aria-busy')).toBe('false'));
  return rendered;
}

const text = (testId: string) => screen.queryByTestId(testId)?.textContent;

/** The popup drawn from a reading made before it started (no plan progress); gives the way to announce a change. */
function renderFromReading(load: PopupProps['load']): () => void {
  let announce = () => undefined as void;
  render(
    <PopupApp
      {...popupProps({ at: '2026-11-23T09:00:00Z' })}
      initial={{ stored, progress: new Map() }}
      load={load}
      subscribe={(listener) => {
        announce = listener;
        return () => undefined;
      }}
    />,
  );
  return () => announce();
}

describe('PopupApp', () => {
  it('shows the running period, deadline, tally, pace and next session', async () => {
    await renderPopup(popupProps({ at: '2026-11-23T09:00:00Z', progress: [done('digiteket.se/kurs/skapa-en-podd/')] }));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('November: Skapa innehåll');
    expect(text('deadline')).toBe('Klar senast 30 nov (vecka 49) · 7 dagar kvar');
    expect(text('tally')).toBe('1 av 4 obligatoriska klara');
    expect(text('optional')).toBe('Valfria: 0 av 2 klara');
    expect(text('pace')).toBe('Ungefär 3 kurser i veckan för att hinna.');
    expect(text('session')).toMatch(/^Nästa diskussion: 1 dec kl\. 09.00–10.30, Konferensrummet$/);
    const items = within(screen.getByRole('list', { name: 'Periodens kurser' })).getAllByRole('listitem');
    expect(items.map((i) => i.getAttribute('data-status'))).toEqual(['done', 'todo', 'todo', 'todo', 'todo', 'todo']);
    expect(items[5]?.textContent).toContain('valfri · artikel');
  });

  it('marks a course done with its checkbox, and unticking undoes it', async () => {
    // A store behind the popup: what setDone records is what the next load reads.
    const records = new Map<string, ProgressRecord>();
    const setDone = vi.fn(async (key: string, isDone: boolean) => {
      if (isDone) records.set(key, done(key));
      else records.set(key, { courseKey: key, status: 'started', updatedAt: '2026-11-23T09:00:00Z' });
    });
    await renderPopup(popupProps({ at: '2026-11-23T09:00:00Z', setDone, load: async () => ({ stored, progress: new Map(records) }) }));
    const podd = () => screen.getAllByRole('listitem').find((li) => li.getAttribute('data-key') === 'digiteket.se/kurs/skapa-en-podd/')!;
    const box = screen.getByRole('checkbox', { name: 'Markera som klar: Skapa en podd' }) as HTMLInputElement;
    // No button reads "Klar" any more: the state is the status word, the action the checkbox.
    expect(screen.queryByRole('button', { name: /klar/i })).toBeNull();
    expect(box.checked).toBe(false);
    expect(within(podd()).getByTestId('item-status').textContent).toBe('Inte påbörjad');

    fireEvent.click(box);
    expect(setDone).toHaveBeenLastCalledWith('digiteket.se/kurs/skapa-en-podd/', true, 'Skapa en podd');
    await waitFor(() => expect(within(podd()).getByTestId('item-status').textContent).toBe('Klar'));
    expect((screen.getByRole('checkbox', { name: 'Markera som klar: Skapa en podd' }) as HTMLInputElement).checked).toBe(true);
    expect(text('tally')).toBe('1 av 4 obligatoriska klara');

    fireEvent.click(screen.getByRole('checkbox', { name: 'Markera som klar: Skapa en podd' }));
    expect(setDone).toHaveBeenLastCalledWith('digiteket.se/kurs/skapa-en-podd/', false, 'Skapa en podd');
    await waitFor(() => expect(within(podd()).getByTestId('item-status').textContent).toBe('Påbörjad'));
    expect((screen.getByRole('checkbox', { name: 'Markera som klar: Skapa en podd' }) as HTMLInputElement).checked).toBe(false);
    expect(text('tally')).toBe('0 av 4 obligatoriska klara');
    await expectAccessible(document.body);
  });

  it('shows the coordinator’s tip under its course and the team’s discussion place on the period', async () => {
    const raw = fixturePlan() as unknown as { team: Record<string, unknown>; periods: Array<{ id: string; items: Array<Record<string, unknown>> }> };
    raw.team.discussionUrl = 'https://teams.microsoft.com/l/channel/abc';
    raw.periods.find((p) => p.id === '2026-11')!.items[0]!.tip = 'Klicka Ja och gå vidare, du behöver inget konto.';
    const withTip: StoredPlan = { ...stored, plan: planSchema.parse(raw) };
    await renderPopup(popupProps({ at: '2026-11-23T09:00:00Z', plan: withTip }));
    const items = within(screen.getByRole('list', { name: 'Periodens kurser' })).getAllByRole('listitem');
    expect(items[0]?.querySelector('[data-testid="item-tip"]')?.textContent).toBe('Tips från samordnaren: Klicka Ja och gå vidare, du behöver inget konto.');
    expect(items.slice(1).some((i) => i.querySelector('[data-testid="item-tip"]'))).toBe(false);
    const link = screen.getByRole('link', { name: 'Teamets diskussionsplats' });
    expect(link.getAttribute('href')).toBe('https://teams.microsoft.com/l/channel/abc');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    // In a pause too: the discussion goes on between periods.
    cleanup();
    await renderPopup(popupProps({ at: '2026-12-10T09:00:00Z', plan: withTip }));
    expect(within(screen.getByTestId('paused')).getByRole('link', { name: 'Teamets diskussionsplats' })).toBeTruthy();
    await expectAccessible(document.body);
  });

  it('offers no discussion place when the plan names none', async () => {
    await renderPopup(popupProps({ at: '2026-11-23T09:00:00Z' }));
    expect(screen.queryByTestId('discussion-link')).toBeNull();
    expect(screen.queryByTestId('item-tip')).toBeNull();
  });

  it('shows a pause and when the next period starts', async () => {
    await renderPopup(popupProps({ at: '2026-12-10T09:00:00Z' }));
    expect(text('paused')).toContain('Paus');
    expect(text('next-period')).toBe('Nästa period börjar 1 jan: Januari: Säkerhet');
  });

  it('shows the time between two periods', async () => {
    await renderPopup(popupProps({ at: '2026-10-31T09:00:00Z' }));
    expect(text('between')).toContain('Ingen period pågår just nu');
    expect(text('next-period')).toBe('Nästa period börjar 1 nov: November: Skapa innehåll');
  });

  it('tells what a new version of the plan changed, until dismissed', async () => {
    const dismissChanges = vi.fn(async () => undefined);
    const changes = {
      at: '2026-11-22T09:00:00Z',
      changes: [
        { kind: 'itemsAdded' as const, period: 'November: Skapa innehåll', count: 2 },
        { kind: 'deadlineMoved' as const, period: 'November: Skapa innehåll', from: '2026-11-30', to: '2026-12-04' },
      ],
    };
    await renderPopup(popupProps({ at: '2026-11-23T09:00:00Z', dismissChanges, load: async () => ({ stored, progress: new Map(), changes }) }));
    const notice = screen.getByTestId('plan-changes');
    expect(within(notice).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '2 nya kurser i ”November: Skapa innehåll”',
      '”November: Skapa innehåll” ska nu vara klar 4 dec (var 30 nov)',
    ]);
    fireEvent.click(within(notice).getByRole('button'));
    expect(screen.queryByTestId('plan-changes')).toBeNull();
    expect(dismissChanges).toHaveBeenCalled();
  });

  it('points to the site check when asked to, and keeps it up while the popup is open', async () => {
    const openSiteCheck = vi.fn();
    let suggest = true;
    let listener = () => {};
    await renderPopup(
      popupProps({
        at: '2026-11-23T09:00:00Z',
        openSiteCheck,
        subscribe: (l) => ((listener = l), () => undefined),
        load: async () => {
          const answer = { stored, progress: new Map(), suggestSiteCheck: suggest };
          suggest = false;
          return answer;
        },
      }),
    );
    const hint = screen.getByTestId('site-check-hint');
    expect(hint.textContent).toMatch(/inte sett någon kurs bli klar på Digiteket/);
    listener();
    await screen.findByTestId('site-check-hint');
    fireEvent.click(within(hint).getByRole('button', { name: 'Öppna sidkontrollen' }));
    expect(openSiteCheck).toHaveBeenCalled();
  });

  it('says in two sentences what Kurskompis does and offers the example plan first, then a plan file or address', async () => {
    const props = popupProps({ at: '2026-11-23T09:00:00Z', plan: undefined });
    await renderPopup(props);
    const welcome = screen.getByRole('region', { name: 'Välkommen till Kurskompis' });
    expect(within(welcome).getByText(/^Kurskompis visar teamets plan på Digiteket/).textContent?.match(/[.!?](\s|$)/g)).toHaveLength(2);
    expect(screen.getByRole('button', { name: 'Prova med en exempelplan' }).classList.contains('primary')).toBe(true);
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Prova med en exempelplan',
      'Läs in en planfil',
      'Hämta planen från en adress',
      'Mina reflektioner',
      'Inställningar',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Prova med en exempelplan' }));
    expect(props.useDemo).toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Hämta planen från en adress' }));
    expect(props.openOptions).toHaveBeenCalledWith('plan-url');
  });

  it('offers the discussion sessions that follow a period even once its deadline has passed', async () => {
    await renderPopup(
      popupProps({
        at: '2026-12-01T12:00:00Z',
        signUp: vi.fn(async () => ({ ok: true })),
        load: async () => ({
          stored,
          progress: new Map(),
          team: { state: { base: 'x', failures: 0, lastOkAt: '2026-12-01T11:00:00Z', signupCounts: { '2026-11-s2': 8 } }, signedUp: new Set(['2026-11-s3']) },
        }),
      }),
    );
    // December is a pause; the November sessions of 1–3 Dec are still there to sign up for.
    expect(within(screen.getByTestId('signup')).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '2 dec kl. 13.00–14.30, Konferensrummet Fullt. Anmäl mig',
      '3 dec kl. 15.00–16.00, Teams Platser kvar: 10. Du är anmäld. Avanmäl',
    ]);
    expect(text('sync-line')).toBe('Synkat 12.00.');
  });

  it('in the first days of a month puts the last period’s discussion first, above the new period’s courses', async () => {
    // 2 November, 08.10 in Sweden: November's courses run, October's session is at 09.00 today.
    await renderPopup(
      popupProps({
        at: '2026-11-02T07:10:00Z',
        signUp: vi.fn(async () => ({ ok: true })),
        load: async () => ({ stored, progress: new Map(), team: { state: undefined, signedUp: new Set<string>() } }),
      }),
    );
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('November: Skapa innehåll');
    const signup = screen.getByTestId('signup');
    const tally = screen.getByTestId('tally');
    expect(signup.compareDocumentPosition(tally) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(signup).getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).toEqual([
      'Diskussion om ”Oktober: Informationskompetens”',
      'Diskussion om ”November: Skapa innehåll”',
    ]);
    expect(within(signup).getAllByRole('listitem').map((li) => li.getAttribute('data-session-id'))).toEqual([
      '2026-10-s1',
      '2026-11-s1',
      '2026-11-s2',
      '2026-11-s3',
    ]);
  });

  it('once the last period’s discussions are over, shows the courses first and the sign-up after them', async () => {
    await renderPopup(
      popupProps({
        at: '2026-11-20T10:00:00Z',
        signUp: vi.fn(async () => ({ ok: true })),
        load: async () => ({ stored, progress: new Map(), team: { state: undefined, signedUp: new Set<string>() } }),
      }),
    );
    const signup = screen.getByTestId('signup');
    const tally = screen.getByTestId('tally');
    expect(signup.compareDocumentPosition(tally) & Node.DOCUMENT_POSITION_PRECEDING).toBeTruthy();
    expect(within(signup).getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).toEqual(['Diskussion om ”November: Skapa innehåll”']);
  });

  it('draws what was read before it started in its first frame, and takes the next reading when told of a change', async () => {
    const load = vi.fn(async () => ({ stored, progress: new Map([[done('digiteket.se/kurs/skapa-en-podd/').courseKey, done('digiteket.se/kurs/skapa-en-podd/')]]) }));
    const announce = renderFromReading(load);
    // No waiting: the content is there as soon as render returns.
    expect(screen.getByRole('main').getAttribute('aria-busy')).toBe('false');
    expect(text('tally')).toBe('0 av 4 obligatoriska klara');
    await new Promise((r) => setTimeout(r, 20));
    expect(load).not.toHaveBeenCalled();
    announce();
    await waitFor(() => expect(text('tally')).toBe('1 av 4 obligatoriska klara'));
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('says so when what is saved cannot be read, and still offers its buttons', async () => {
    const openOptions = vi.fn();
    const rendered = await renderPopup(popupProps({ at: '2026-11-23T09:00:00Z', openOptions, load: async () => Promise.reject(new DOMException('gone', 'UnknownError')) }));
    expect(screen.getByRole('alert').textContent).toMatch(/^Kurskompis kunde inte läsa det som sparats i den här webbläsaren\. Inget har ändrats/);
    expect(screen.queryByTestId('tally')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Inställningar' }));
    expect(openOptions).toHaveBeenCalled();
    await expectAccessible(rendered.container);
  });

  it('keeps what it drew when a later reading fails, says so, and drops the message once a reading succeeds', async () => {
    let failing = true;
    const load = vi.fn(async () => {
      if (failing) throw new DOMException('gone', 'UnknownError');
      return { stored, progress: new Map([[done('digiteket.se/kurs/skapa-en-podd/').courseKey, done('digiteket.se/kurs/skapa-en-podd/')]]) };
    });
    const announce = renderFromReading(load);
    announce();
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^Det som visas kan vara inaktuellt: det som sparats i webbläsaren kunde inte läsas just nu\./));
    expect(text('tally')).toBe('0 av 4 obligatoriska klara');
    failing = false;
    announce();
    await waitFor(() => expect(text('tally')).toBe('1 av 4 obligatoriska klara'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('has no serious accessibility problems: with a plan and sign-up, and with none', async () => {
    const withPlan = await renderPopup(
      popupProps({
        at: '2026-11-23T09:00:00Z',
        progress: [done('digiteket.se/kurs/skapa-en-podd/')],
        signUp: vi.fn(async () => ({ ok: true })),
        load: async () => ({ stored, progress: new Map(), team: { state: undefined, signedUp: new Set(['2026-11-s1']) } }),
      }),
    );
    await expectAccessible(withPlan.container);
    withPlan.unmount();
    const noPlan = await renderPopup(popupProps({ at: '2026-11-23T09:00:00Z', plan: undefined }));
    await expectAccessible(noPlan.container);
  });
});
