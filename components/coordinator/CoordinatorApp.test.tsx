import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parsePlanText } from '../../lib/model/plan-parse';
import type { Plan } from '../../lib/model/plan';
import type { StoredDraft } from '../../lib/model/stored';
import { expectAccessible } from '../../test/unit/axe';
import { fixturePlan } from '../../test/support/fixtures';
import { CoordinatorApp, type CoordinatorProps } from './CoordinatorApp';
import { expectSaidUnreadable, quietErrors, unreadable } from '../../test/support/unreadable';

const NOW = new Date('2026-11-25T10:00:00Z');
const SAVE_DELAY = 600;

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

function fakeServices(overrides: Partial<CoordinatorProps> = {}) {
  let stored: StoredDraft | undefined;
  const listeners = new Set<() => void>();
  const downloads: Array<{ name: string; text: string }> = [];
  const props: CoordinatorProps = {
    load: vi.fn(async () => (stored ? { draft: stored } : {})),
    save: vi.fn(async (plan: Record<string, unknown>) => {
      const checked = parsePlanText(JSON.stringify(plan));
      if (!checked.ok) return { ok: false as const, error: 'notSavedProblems' as const, problems: checked.problems };
      stored = { plan: checked.plan, savedAt: NOW.toISOString() };
      listeners.forEach((l) => l());
      return { ok: true as const, savedAt: NOW.toISOString() };
    }),
    useMyself: vi.fn(async () => ({ ok: true as const, changed: true })),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    download: vi.fn((name: string, text: string) => void downloads.push({ name, text })),
    planFile: vi.fn(async () => (stored ? { ok: true as const, text: `${JSON.stringify(stored.plan, null, 2)}\n` } : { ok: false as const, error: 'noDraftSaved' as const })),
    copy: vi.fn(async () => undefined),
    titles: { canRead: async () => false, askToRead: async () => false, lookup: async () => null },
    planAddress: { get: async () => '', set: async () => undefined },
    locale: 'sv',
    now: () => NOW,
    saveDelayMs: SAVE_DELAY,
    ...overrides,
  };
  return { props, downloads, stored: () => stored };
}

/** Lets pending promises settle and time pass (fake timers): `ms` past the save delay saves. */
const wait = (ms = 0) => vi.advanceTimersByTimeAsync(ms);
const type = (field: HTMLElement, value: string) => fireEvent.input(field, { target: { value } });
const choose = (field: HTMLElement, files: File[]) => fireEvent.change(field, { target: { files } });
const periods = () => screen.getAllByRole('region', { name: /^Period \d+/ });
const saveState = () => screen.getByTestId('save-state').textContent;

async function createPlan(services: ReturnType<typeof fakeServices>) {
  render(<CoordinatorApp {...services.props} />);
  await wait();
  type(screen.getByLabelText('Teamets namn'), 'Östersunds bibliotek');
  fireEvent.click(screen.getByRole('button', { name: 'Skapa planen' }));
  await wait();
}

async function paste(period: HTMLElement, text: string) {
  type(within(period).getByLabelText(/^Klistra in adresser/), text);
  fireEvent.click(within(period).getByRole('button', { name: 'Lägg till i perioden' }));
  await wait();
}

describe('CoordinatorApp', () => {
  it('creates a plan for the team with this month as its first period and saves it', async () => {
    const services = fakeServices();
    await createPlan(services);
    expect(services.stored()?.plan.team).toEqual({ id: 'ostersunds-bibliotek', name: 'Östersunds bibliotek' });
    expect(services.stored()?.plan.periods.map((p) => [p.title, p.starts, p.deadline])).toEqual([['November 2026', '2026-11-01', '2026-11-30']]);
    expect(saveState()).toMatch(/^Sparat /);
  });

  it('saves a change by itself once the delay has passed, saying so meanwhile', async () => {
    const services = fakeServices();
    await createPlan(services);
    const saves = vi.mocked(services.props.save).mock.calls.length;
    type(within(periods()[0]!).getByLabelText('Rubrik'), 'November: Skapa innehåll');
    expect(saveState()).toBe('Sparar …');
    await wait(SAVE_DELAY - 1);
    expect(vi.mocked(services.props.save).mock.calls.length).toBe(saves);
    await wait(1);
    expect(vi.mocked(services.props.save).mock.calls.length).toBe(saves + 1);
    expect(services.stored()?.plan.periods[0]?.title).toBe('November: Skapa innehåll');
    expect(saveState()).toMatch(/^Sparat /);
  });

  it('asks before the page is left while a change is unsaved', async () => {
    const services = fakeServices();
    await createPlan(services);
    const leave = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(leave()).toBe(false);
    type(within(periods()[0]!).getByLabelText('Rubrik'), 'November: Skapa innehåll');
    expect(leave()).toBe(true);
    await wait(SAVE_DELAY);
    expect(leave()).toBe(false);
  });

  it('marks an invalid field at once, with the reason, and does not save until it is fixed', async () => {
    const services = fakeServices();
    await createPlan(services);
    const saves = vi.mocked(services.props.save).mock.calls.length;
    const period = periods()[0]!;
    const title = within(period).getByLabelText('Rubrik');
    const deadline = within(period).getByLabelText('Sista dag');
    type(title, '');
    type(deadline, '2026-10-15');
    await wait(SAVE_DELAY * 3);
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(title.getAttribute('aria-describedby')).toBe(screen.getByText('Fyll i det här fältet.').id);
    expect(deadline.getAttribute('aria-describedby')).toContain(screen.getByText('Sista dagen ligger före startdagen.').id);
    expect(saveState()).toBe('Inte sparat: rätta de markerade fälten först (fel: 2).');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: /^Ladda ner/ }).disabled).toBe(true);
    expect(vi.mocked(services.props.save).mock.calls.length).toBe(saves);
    expect(services.stored()?.plan.periods[0]?.title).toBe('November 2026');

    type(title, 'November: Skapa innehåll');
    type(deadline, '2026-11-27');
    await wait(SAVE_DELAY);
    expect(title.hasAttribute('aria-invalid')).toBe(false);
    expect(services.stored()?.plan.periods[0]).toMatchObject({ title: 'November: Skapa innehåll', deadline: '2026-11-27' });
  });

  it('saves a tip per item, counted to 500, and the team’s discussion place; refuses markup and http with the reason', async () => {
    const services = fakeServices();
    await createPlan(services);
    await paste(periods()[0]!, 'https://digiteket.se/kurs/skapa-en-podd/');
    await wait(SAVE_DELAY);
    const tip = screen.getByRole('textbox', { name: /^Tips till deltagarna om/ });
    const place = screen.getByLabelText(/^Teamets diskussionsplats/);

    type(tip, 'Klicka <b>Ja</b>');
    type(place, 'http://example.org/forum');
    await wait(SAVE_DELAY * 3);
    expect(screen.getByText('Texten får inte innehålla HTML eller andra taggar, bara vanlig text.')).toBeTruthy();
    expect(place.getAttribute('aria-invalid')).toBe('true');
    expect(place.getAttribute('aria-describedby')).toContain(screen.getByText(/^Adressen måste vara en fullständig https-adress/).id);
    expect(services.stored()?.plan.periods[0]?.items[0]?.tip).toBeUndefined();
    expect(services.stored()?.plan.team.discussionUrl).toBeUndefined();

    type(tip, 'Klicka Ja och gå vidare, du behöver inget konto.');
    expect(screen.getByTestId('tip-count').textContent).toBe('48 av 500 tecken');
    type(place, 'https://teams.microsoft.com/l/channel/abc');
    await wait(SAVE_DELAY);
    expect(services.stored()?.plan.periods[0]?.items[0]?.tip).toBe('Klicka Ja och gå vidare, du behöver inget konto.');
    expect(services.stored()?.plan.team.discussionUrl).toBe('https://teams.microsoft.com/l/channel/abc');
  });

  it('adds pasted addresses, refusing the ones that are not Digiteket courses, and reorders by keyboard', async () => {
    const services = fakeServices();
    await createPlan(services);
    const period = periods()[0]!;
    await paste(period, 'https://digiteket.se/kurs/skapa-en-podd/\njavascript:alert(1)\nhttps://example.com/kurs/x/\nhttps://www.digiteket.se/kurs/filma-med-mobilen');
    const report = screen.getByTestId('paste-report').textContent;
    expect(report).toContain('Tillagda: 2.');
    expect(report).toContain('javascript:alert(1) – är ingen säker webbadress');
    expect(report).toContain('https://example.com/kurs/x/ – ligger inte på digiteket.se.');
    // The refused lines stay in the box to be fixed.
    expect(within(period).getByLabelText<HTMLTextAreaElement>(/^Klistra in adresser/).value).toBe('javascript:alert(1)\nhttps://example.com/kurs/x/');
    const titles = () => within(period).getAllByRole<HTMLInputElement>('textbox', { name: /^Rubrik för kurs/ }).map((i) => i.value);
    expect(titles()).toEqual(['Skapa en podd', 'Filma med mobilen']);
    expect(screen.getByTestId('title-lookup').textContent).toContain('gissade');

    fireEvent.click(screen.getByRole('button', { name: 'Flytta ned: Skapa en podd' }));
    await wait(SAVE_DELAY);
    expect(titles()).toEqual(['Filma med mobilen', 'Skapa en podd']);
    expect(services.stored()?.plan.periods[0]?.items.map((i) => i.title)).toEqual(['Filma med mobilen', 'Skapa en podd']);

    await paste(period, 'digiteket.se/kurs/Skapa-en-podd/');
    expect(screen.getByTestId('paste-report').textContent).toBe('Tillagda: 0. Fanns redan i perioden: Skapa en podd.');
  });

  it('looks titles up on Digiteket when it may', async () => {
    const lookup = vi.fn(async (url: string) => (url.includes('podd') ? 'Skapa en podd – på riktigt' : null));
    const services = fakeServices({ titles: { canRead: async () => true, askToRead: async () => true, lookup } });
    await createPlan(services);
    await paste(periods()[0]!, 'https://digiteket.se/kurs/skapa-en-podd/\nhttps://digiteket.se/kurs/filma-med-mobilen/');
    await wait(SAVE_DELAY);
    expect(services.stored()?.plan.periods[0]?.items.map((i) => i.title)).toEqual(['Skapa en podd – på riktigt', 'Filma med mobilen']);
    expect(screen.getByTestId('title-lookup').textContent).toBe('Rubriker hämtade från Digiteket: 1. Kunde inte hämtas: 1 – skriv de rubrikerna själv.');
  });

  it('adds a period after the last one and a discussion session on its deadline', async () => {
    const services = fakeServices();
    await createPlan(services);
    fireEvent.click(screen.getByRole('button', { name: 'Lägg till period' }));
    await wait();
    const december = periods()[1]!;
    fireEvent.click(within(december).getByRole('button', { name: 'Lägg till diskussionstillfälle' }));
    type(within(december).getByLabelText('Plats eller möteslänk'), 'Lilla mötesrummet');
    await wait(SAVE_DELAY);
    const saved = services.stored()?.plan.periods[1];
    expect(saved).toMatchObject({ title: 'December 2026', starts: '2026-12-01', deadline: '2026-12-31' });
    expect(saved?.sessions).toEqual([
      expect.objectContaining({ starts: '2026-12-31T13:00:00+01:00', ends: '2026-12-31T14:30:00+01:00', place: 'Lilla mötesrummet', capacity: 8 }),
    ]);
  });

  it('removes a period with a way back', async () => {
    const services = fakeServices();
    await createPlan(services);
    fireEvent.click(screen.getByRole('button', { name: 'Lägg till period' }));
    await wait(SAVE_DELAY);
    fireEvent.click(screen.getByRole('button', { name: 'Ta bort perioden ”November 2026”' }));
    await wait(SAVE_DELAY);
    expect(services.stored()?.plan.periods.map((p) => p.title)).toEqual(['December 2026']);
    const notice = screen.getByText('Perioden ”November 2026” togs bort.', { exact: false });
    fireEvent.click(within(notice).getByRole('button', { name: 'Ångra' }));
    await wait(SAVE_DELAY);
    expect(services.stored()?.plan.periods.map((p) => p.title)).toEqual(['November 2026', 'December 2026']);
  });

  it('downloads the saved plan as kurskompis-plan-<team>.json, a valid plan file', async () => {
    const services = fakeServices();
    await createPlan(services);
    fireEvent.click(screen.getByRole('button', { name: /^Ladda ner/ }));
    await wait();
    expect(services.downloads).toHaveLength(1);
    const { name, text } = services.downloads[0]!;
    expect(name).toBe('kurskompis-plan-ostersunds-bibliotek.json');
    const parsed = parsePlanText(text);
    expect(parsed.ok && (parsed.plan as Plan).updatedAt).toBe(services.stored()?.plan.updatedAt);
    expect(screen.getByTestId<HTMLTextAreaElement>('join-text').value).toContain('Spara filen kurskompis-plan-ostersunds-bibliotek.json som jag skickar');
  });

  it('opens another plan file in place of the one being edited', async () => {
    const services = fakeServices();
    await createPlan(services);
    // Below the editor, under "start over".
    choose(screen.getByLabelText('Planfil'), [new File([JSON.stringify(fixturePlan())], 'plan.json', { type: 'application/json' })]);
    await wait();
    expect(services.stored()?.plan.team.name).toBe('Östersunds bibliotek');
    const team = screen.getByRole('region', { name: 'Team och samordnare' });
    expect(within(team).getByLabelText<HTMLInputElement>('Teamets namn').value).toBe('Östersunds bibliotek');
  });

  it('refuses to open a broken plan file and names the problems', async () => {
    const services = fakeServices();
    render(<CoordinatorApp {...services.props} />);
    await wait();
    choose(screen.getByLabelText('Planfil'), [new File(['{"kind": "kurskompis/plan", "version": 1}'], 'plan.json', { type: 'application/json' })]);
    await wait();
    expect(screen.getByTestId('plan-problems').textContent).toContain('Planen lästes inte in.');
    expect(services.props.save).not.toHaveBeenCalled();
  });

  it('has no serious accessibility problems: the start, and the editor with fields at fault', async () => {
    vi.useRealTimers();
    const services = fakeServices({ saveDelayMs: 10 });
    const { container } = render(<CoordinatorApp {...services.props} />);
    await screen.findByRole('button', { name: 'Skapa planen' });
    await expectAccessible(container);
    type(screen.getByLabelText('Teamets namn'), 'Östersunds bibliotek');
    fireEvent.click(screen.getByRole('button', { name: 'Skapa planen' }));
    await waitFor(() => expect(saveState()).toMatch(/^Sparat /));
    type(screen.getByLabelText(/^Klistra in adresser/), 'https://digiteket.se/kurs/skapa-en-podd/');
    fireEvent.click(screen.getByRole('button', { name: 'Lägg till i perioden' }));
    await screen.findByTestId('paste-report');
    fireEvent.click(screen.getByRole('button', { name: 'Lägg till diskussionstillfälle' }));
    type(within(periods()[0]!).getByLabelText('Rubrik'), '');
    type(screen.getByRole('textbox', { name: /^Tips till deltagarna om/ }), '<i>x</i>');
    type(screen.getByLabelText(/^Teamets diskussionsplats/), 'http://example.org');
    await screen.findByTestId('editor-problems');
    await expectAccessible(container);
  });
});

describe('CoordinatorApp, when what is saved cannot be read', () => {
  it('says so under its heading instead of staying blank, and a later failed reading keeps the edits not yet saved', async () => {
    quietErrors();
    const broken = fakeServices({ load: vi.fn(unreadable) });
    const { unmount } = render(<CoordinatorApp {...broken.props} />);
    await wait();
    await expectSaidUnreadable('Planering för samordnare');
    unmount();

    let changed = () => {};
    const services = fakeServices({ subscribe: (listener) => ((changed = listener), () => undefined) });
    await createPlan(services);
    await wait(SAVE_DELAY + 10);
    const team = screen.getByRole('region', { name: 'Team och samordnare' });
    type(within(team).getByLabelText('Teamets namn'), 'Östersunds stadsbibliotek');
    vi.mocked(services.props.load).mockImplementation(unreadable);
    changed();
    await wait();
    expect(screen.getByTestId('read-failed').textContent).toMatch(/^Det som visas kan vara inaktuellt/);
    expect(within(team).getByLabelText<HTMLInputElement>('Teamets namn').value).toBe('Östersunds stadsbibliotek');
  });
});
