import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parsePlanText } from '../../lib/model/plan-parse';
import type { Plan } from '../../lib/model/plan';
import type { StoredDraft } from '../../lib/model/stored';
import { fixturePlan } from '../../test/support/fixtures';
import { CoordinatorApp, type CoordinatorProps } from './CoordinatorApp';

const NOW = new Date('2026-11-25T10:00:00Z');
let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

const tick = (ms = 0) => act(async () => void (await new Promise((r) => setTimeout(r, ms))));

function fakeServices(overrides: Partial<CoordinatorProps> = {}) {
  let stored: StoredDraft | undefined;
  const listeners = new Set<() => void>();
  const downloads: Array<{ name: string; text: string }> = [];
  const props: CoordinatorProps = {
    load: vi.fn(async () => (stored ? { draft: stored } : {})),
    save: vi.fn(async (plan: Record<string, unknown>) => {
      const checked = parsePlanText(JSON.stringify(plan));
      if (!checked.ok) return checked;
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
    copy: vi.fn(async () => undefined),
    titles: { canRead: async () => false, askToRead: async () => false, lookup: async () => null },
    planAddress: { get: async () => '', set: async () => undefined },
    locale: 'sv',
    now: () => NOW,
    saveDelayMs: 10,
    ...overrides,
  };
  return { props, downloads, stored: () => stored };
}

async function mount(props: CoordinatorProps) {
  root = document.createElement('div');
  document.body.append(root);
  await act(async () => render(<CoordinatorApp {...props} />, root));
  await tick();
}

async function type(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  await act(async () => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function click(el: Element) {
  await act(async () => (el as HTMLElement).click());
}

function button(text: string | RegExp): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) =>
    typeof text === 'string' ? b.textContent === text || b.getAttribute('aria-label') === text : text.test(b.textContent ?? ''),
  );
  if (!found) throw new Error(`no button ${text}`);
  return found;
}

async function createPlan(services: ReturnType<typeof fakeServices>) {
  await mount(services.props);
  await type(root.querySelector<HTMLInputElement>('#new-team-name')!, 'Östersunds bibliotek');
  await act(async () => void root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true, bubbles: true })));
  await tick(20);
}

describe('CoordinatorApp', () => {
  it('creates a plan for the team with this month as its first period and saves it', async () => {
    const services = fakeServices();
    await createPlan(services);
    expect(services.stored()?.plan.team).toEqual({ id: 'ostersunds-bibliotek', name: 'Östersunds bibliotek' });
    expect(services.stored()?.plan.periods.map((p) => [p.title, p.starts, p.deadline])).toEqual([['November 2026', '2026-11-01', '2026-11-30']]);
    expect(root.querySelector('[data-testid="save-state"]')?.textContent).toMatch(/^Sparat /);
  });

  it('marks an invalid field at once, with the reason, and does not save until it is fixed', async () => {
    const services = fakeServices();
    await createPlan(services);
    const saves = vi.mocked(services.props.save).mock.calls.length;
    const title = root.querySelector<HTMLInputElement>('#f-periods-0-title')!;
    await type(title, '');
    const deadline = root.querySelector<HTMLInputElement>('#f-periods-0-deadline')!;
    await type(deadline, '2026-10-15');
    await tick(30);
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector('#f-periods-0-title-error')?.textContent).toBe('Fyll i det här fältet.');
    expect(root.querySelector('#f-periods-0-deadline-error')?.textContent).toBe('Sista dagen ligger före startdagen.');
    expect(root.querySelector('[data-testid="save-state"]')?.textContent).toBe('Inte sparat: rätta de markerade fälten först (fel: 2).');
    expect(button(/^Ladda ner/).disabled).toBe(true);
    expect(vi.mocked(services.props.save).mock.calls.length).toBe(saves);
    expect(services.stored()?.plan.periods[0]?.title).toBe('November 2026');

    await type(title, 'November: Skapa innehåll');
    await type(deadline, '2026-11-27');
    await tick(30);
    expect(title.hasAttribute('aria-invalid')).toBe(false);
    expect(services.stored()?.plan.periods[0]).toMatchObject({ title: 'November: Skapa innehåll', deadline: '2026-11-27' });
  });

  it('adds pasted addresses, refusing the ones that are not Digiteket courses, and reorders by keyboard', async () => {
    const services = fakeServices();
    await createPlan(services);
    const paste = root.querySelector<HTMLTextAreaElement>('#f-periods-0-paste')!;
    await type(paste, 'https://digiteket.se/kurs/skapa-en-podd/\njavascript:alert(1)\nhttps://example.com/kurs/x/\nhttps://www.digiteket.se/kurs/filma-med-mobilen');
    await act(async () => void paste.form!.dispatchEvent(new Event('submit', { cancelable: true, bubbles: true })));
    await tick(30);
    const report = root.querySelector('[data-testid="paste-report"]')!.textContent;
    expect(report).toContain('Tillagda: 2.');
    expect(report).toContain('javascript:alert(1) – är ingen säker webbadress');
    expect(report).toContain('https://example.com/kurs/x/ – ligger inte på digiteket.se.');
    // The refused lines stay in the box to be fixed.
    expect(paste.value).toBe('javascript:alert(1)\nhttps://example.com/kurs/x/');
    const titles = () => [...root.querySelectorAll<HTMLInputElement>('[data-testid="plan-item"] input[type="text"]')].map((i) => i.value);
    expect(titles()).toEqual(['Skapa en podd', 'Filma med mobilen']);
    expect(root.querySelector('[data-testid="title-lookup"]')?.textContent).toContain('gissade');

    await click(button('Flytta ned: Skapa en podd'));
    await tick(30);
    expect(titles()).toEqual(['Filma med mobilen', 'Skapa en podd']);
    expect(services.stored()?.plan.periods[0]?.items.map((i) => i.title)).toEqual(['Filma med mobilen', 'Skapa en podd']);

    await type(paste, 'digiteket.se/kurs/Skapa-en-podd/');
    await act(async () => void paste.form!.dispatchEvent(new Event('submit', { cancelable: true, bubbles: true })));
    expect(root.querySelector('[data-testid="paste-report"]')!.textContent).toBe('Tillagda: 0. Fanns redan i perioden: Skapa en podd.');
  });

  it('looks titles up on Digiteket when it may', async () => {
    const lookup = vi.fn(async (url: string) => (url.includes('podd') ? 'Skapa en podd – på riktigt' : null));
    const services = fakeServices({ titles: { canRead: async () => true, askToRead: async () => true, lookup } });
    await createPlan(services);
    const paste = root.querySelector<HTMLTextAreaElement>('#f-periods-0-paste')!;
    await type(paste, 'https://digiteket.se/kurs/skapa-en-podd/\nhttps://digiteket.se/kurs/filma-med-mobilen/');
    await act(async () => void paste.form!.dispatchEvent(new Event('submit', { cancelable: true, bubbles: true })));
    await tick(40);
    expect(services.stored()?.plan.periods[0]?.items.map((i) => i.title)).toEqual(['Skapa en podd – på riktigt', 'Filma med mobilen']);
    expect(root.querySelector('[data-testid="title-lookup"]')?.textContent).toBe(
      'Rubriker hämtade från Digiteket: 1. Kunde inte hämtas: 1 – skriv de rubrikerna själv.',
    );
  });

  it('adds a period after the last one and a discussion session on its deadline', async () => {
    const services = fakeServices();
    await createPlan(services);
    await click(button('Lägg till period'));
    await click(root.querySelectorAll<HTMLButtonElement>('.sessions > button')[1]!);
    const place = root.querySelector<HTMLInputElement>('#f-periods-1-sessions-0-place')!;
    await type(place, 'Lilla mötesrummet');
    await tick(30);
    const december = services.stored()?.plan.periods[1];
    expect(december).toMatchObject({ title: 'December 2026', starts: '2026-12-01', deadline: '2026-12-31' });
    expect(december?.sessions).toEqual([
      expect.objectContaining({ starts: '2026-12-31T13:00:00+01:00', ends: '2026-12-31T14:30:00+01:00', place: 'Lilla mötesrummet', capacity: 8 }),
    ]);
  });

  it('removes a period with a way back', async () => {
    const services = fakeServices();
    await createPlan(services);
    await click(button('Lägg till period'));
    await tick(30);
    await click(button('Ta bort perioden ”November 2026”'));
    await tick(30);
    expect(services.stored()?.plan.periods.map((p) => p.title)).toEqual(['December 2026']);
    expect(root.querySelector('.removed-notice')?.textContent).toContain('Perioden ”November 2026” togs bort.');
    await click(button('Ångra'));
    await tick(30);
    expect(services.stored()?.plan.periods.map((p) => p.title)).toEqual(['November 2026', 'December 2026']);
  });

  it('downloads the saved plan as kurskompis-plan-<team>.json, a valid plan file', async () => {
    const services = fakeServices();
    await createPlan(services);
    await click(button(/^Ladda ner/));
    await tick(10);
    expect(services.downloads).toHaveLength(1);
    const { name, text } = services.downloads[0]!;
    expect(name).toBe('kurskompis-plan-ostersunds-bibliotek.json');
    const parsed = parsePlanText(text);
    expect(parsed.ok && (parsed.plan as Plan).updatedAt).toBe(services.stored()?.plan.updatedAt);
    expect(root.querySelector<HTMLTextAreaElement>('[data-testid="join-text"]')?.value).toContain(
      'Spara filen kurskompis-plan-ostersunds-bibliotek.json som jag skickar',
    );
  });

  it('opens another plan file in place of the one being edited', async () => {
    const services = fakeServices();
    await createPlan(services);
    const input = root.querySelector<HTMLInputElement>('.start-over #open-plan-file')!;
    const file = new File([JSON.stringify(fixturePlan())], 'plan.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file] });
    await act(async () => void input.dispatchEvent(new Event('change', { bubbles: true })));
    await tick(30);
    expect(services.stored()?.plan.team.name).toBe('Östersunds bibliotek');
    expect(root.querySelector<HTMLInputElement>('#f-team-name')?.value).toBe('Östersunds bibliotek');
  });

  it('refuses to open a broken plan file and names the problems', async () => {
    const services = fakeServices();
    await mount(services.props);
    const input = root.querySelector<HTMLInputElement>('#open-plan-file')!;
    const file = new File(['{"kind": "kurskompis/plan", "version": 1}'], 'plan.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file] });
    await act(async () => void input.dispatchEvent(new Event('change', { bubbles: true })));
    await tick(20);
    expect(root.querySelector('[data-testid="plan-problems"]')?.textContent).toContain('Planen lästes inte in.');
    expect(services.props.save).not.toHaveBeenCalled();
  });
});
