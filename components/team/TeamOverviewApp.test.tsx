import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { memberSchema } from '../../lib/model/member';
import { planSchema } from '../../lib/model/plan';
import { fixturePlan } from '../../test/support/fixtures';
import { TeamOverviewApp, type TeamOverviewProps } from './TeamOverviewApp';

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
});

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});
const tick = () => act(async () => void (await new Promise((r) => setTimeout(r, 0))));

async function mount(props: Partial<TeamOverviewProps> = {}) {
  root = document.createElement('div');
  document.body.append(root);
  const all: TeamOverviewProps = {
    load: async () => ({ plan, reading: { ok: true, members: [kim], skipped: [{ name: 'trasig.json', reason: 'notJson' }] } }),
    download: vi.fn(),
    print: vi.fn(),
    now: () => new Date('2026-11-25T10:00:00Z'),
    ...props,
  };
  await act(async () => render(<TeamOverviewApp {...all} />, root));
  await tick();
  return all;
}

describe('TeamOverviewApp', () => {
  it('shows the running period with each member’s courses and names the files it skipped', async () => {
    await mount();
    expect((root.querySelector('#period') as HTMLSelectElement).value).toBe('2026-11');
    const row = [...root.querySelectorAll('tbody tr')].map((tr) => tr.textContent);
    expect(row).toEqual(['Kim✓ klar1/4']);
    expect(root.querySelector('[data-testid="skipped"]')?.textContent).toContain('trasig.json – är ingen läsbar JSON-fil');
  });

  it('adds member files read in by hand, refusing one whose id does not match its name', async () => {
    await mount({ load: async () => ({ plan, reading: { ok: false, error: 'notJoined' } }) });
    expect(root.querySelector('[data-testid="team-source"]')?.textContent).toMatch(/inte med i en teamets mapp/);
    const input = root.querySelector<HTMLInputElement>('#member-files')!;
    const good = new File([JSON.stringify(kim)], `${kim.memberId}.json`);
    const misnamed = new File([JSON.stringify(kim)], 'bbbbbbbb-0000-4000-8000-000000000000.json');
    Object.defineProperty(input, 'files', { value: [good, misnamed] });
    await act(async () => void input.dispatchEvent(new Event('change', { bubbles: true })));
    await tick();
    await tick();
    expect(root.querySelector('[data-testid="team-summary"]')?.textContent).toBe('Medlemmar: 1. Klara med allt obligatoriskt: 0. Inte påbörjat: 0.');
    expect(root.querySelector('[data-testid="skipped"]')?.textContent).toContain('har ett annat medlems-id än filnamnet');
  });

  it('downloads the grid as CSV and prints the discussion notes', async () => {
    const props = await mount();
    const button = (text: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === text)!;
    await act(async () => button('Ladda ner som CSV (Excel)').click());
    expect(props.download).toHaveBeenCalledWith('kurskompis-2026-11.csv', expect.stringMatching(/^\uFEFFNamn;Skapa en podd;/));
    await act(async () => button('Skriv ut').click());
    expect(props.print).toHaveBeenCalled();
  });
});
