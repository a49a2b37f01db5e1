import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../../test/unit/axe';
import type { CatalogueEntry } from '../../lib/model/catalogue';
import type { MemberFile } from '../../lib/model/member';
import type { Plan } from '../../lib/model/plan';
import { Coverage, type CoverageSource } from './Coverage';

const NOW = new Date('2026-04-10T10:00:00Z');
const key = (slug: string) => `digiteket.se/kurs/${slug}/`;

const plan = {
  kind: 'kurskompis/plan',
  version: 1,
  team: { id: 't', name: 'Team' },
  updatedAt: '2026-03-15T12:00:00Z',
  periods: [
    {
      id: 'mars',
      title: 'Mars',
      competenceArea: 'Skapa innehåll',
      starts: '2026-03-01',
      deadline: '2026-03-31',
      items: [{ url: `https://${key('skapa-en-podd')}`, title: 'Skapa en podd', kind: 'course' }],
      sessions: [],
    },
  ],
} as Plan;

const entry = (slug: string, title: string, firstSeen: string, area: string): CatalogueEntry => ({ key: key(slug), title, area, firstSeen, lastSeen: firstSeen });
const catalogue = [
  entry('skapa-en-podd', 'Skapa en podd', '2026-01-10T10:00:00Z', 'Skapa innehåll'),
  entry('filma-med-mobilen', 'Filma med mobilen', '2026-01-10T10:00:00Z', 'Skapa innehåll'),
  entry('kallkritik-pa-natet', 'Källkritik på nätet', '2026-04-02T08:00:00Z', 'Information och analys'),
];

const source = (members: MemberFile[] | null): CoverageSource => ({
  load: async () => ({ plan, catalogue, members }),
  subscribe: () => () => undefined,
});

const row = (title: string) => screen.getByRole('link', { name: title }).closest('tr') as HTMLElement;

describe('Coverage', () => {
  it('shows every known course as planned in its period or not planned, with the year\'s count and what is new', async () => {
    const { container } = render(<Coverage source={source(null)} now={() => NOW} />);
    expect((await screen.findByTestId('coverage-count')).textContent).toBe('1 av 3 kurser planerade i år');
    expect(within(row('Skapa en podd')).getByText('Mars')).toBeTruthy();
    expect(within(row('Filma med mobilen')).getByText('Inte planerad')).toBeTruthy();
    expect(within(row('Källkritik på nätet')).getByText(/Ny sedan 2 apr/)).toBeTruthy();
    expect(row('Filma med mobilen').textContent).not.toMatch(/Ny sedan/);
    // Without a team folder nobody's progress is known.
    expect(within(row('Skapa en podd')).getByText('–')).toBeTruthy();
    await expectAccessible(container);
  });

  it('filters by area and by not planned', async () => {
    render(<Coverage source={source(null)} now={() => NOW} />);
    await screen.findByTestId('coverage-count');
    fireEvent.change(screen.getByRole('combobox', { name: 'Kompetensområde' }), { target: { value: 'content' } });
    expect(screen.queryByRole('link', { name: 'Källkritik på nätet' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Skapa en podd' })).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Bara kurser som inte är planerade' }));
    expect(screen.queryByRole('link', { name: 'Skapa en podd' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Filma med mobilen' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Visar 1 kurser.');
  });

  it('says how many members finished each course when their files are read', async () => {
    const member = {
      kind: 'kurskompis/member',
      version: 1,
      memberId: 'member-anna',
      displayName: 'Anna',
      updatedAt: '2026-03-01T10:00:00Z',
      progress: [{ courseKey: key('skapa-en-podd'), status: 'done', updatedAt: '2026-03-01T10:00:00Z' }],
      sharedNotes: [],
      signups: [],
      selfAssessments: [],
    } as MemberFile;
    render(<Coverage source={source([member])} now={() => NOW} />);
    await screen.findByTestId('coverage-count');
    expect(row('Skapa en podd').lastElementChild?.textContent).toBe('1');
    expect(row('Filma med mobilen').lastElementChild?.textContent).toBe('0');
  });
});
