import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { TeamSettings } from '../../lib/folder/team-settings';
import { expectAccessible } from '../../test/unit/axe';
import { TeamFolderCard, type TeamFolderCardProps } from './TeamFolderCard';

const type = (label: string | RegExp, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

describe('TeamFolderCard', () => {
  it('joins with the address, sign-in, name and sharing chosen, and says why a join failed', async () => {
    let settings: TeamSettings | null = null;
    let serverUp = false;
    const join = vi.fn<TeamFolderCardProps['join']>(async (request) => {
      if (request.password !== 'rätt') return { ok: false, error: 'syncError_auth' };
      settings = { ...request, memberId: 'm-00000001' };
      return { ok: true, state: null };
    });
    const props: TeamFolderCardProps = {
      load: async () => ({ settings, state: settings ? { base: 'x', failures: 0, lastOkAt: '2026-11-25T09:42:00Z' } : undefined }),
      join,
      leave: vi.fn<TeamFolderCardProps['leave']>(async (removeFile) => {
        if (removeFile && !serverUp) return { ok: false, error: 'syncError_unreachable' };
        settings = null;
        return { ok: true };
      }),
      syncNow: vi.fn(async () => undefined),
      setSharing: vi.fn(async () => undefined),
      subscribe: () => () => undefined,
    };
    const { container } = render(<TeamFolderCard {...props} />);
    await screen.findByRole('button', { name: 'Gå med' });
    await expectAccessible(container);

    type(/^Mappens adress eller delningslänk/, 'https://moln.example.se/s/AbC123');
    type('Ditt namn, som teamet ser det', 'Kim');
    type('Lösenord (om mappen kräver det)', 'fel');
    fireEvent.click(screen.getByRole('button', { name: 'Gå med' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Inloggningen godtogs inte. Kontrollera namn och lösenord.');

    type('Lösenord (om mappen kräver det)', 'rätt');
    fireEvent.click(screen.getByRole('button', { name: 'Gå med' }));
    await screen.findByText('Du är med i teamets mapp.', { exact: false });
    expect(join).toHaveBeenLastCalledWith({
      url: 'https://moln.example.se/s/AbC123',
      username: '',
      password: 'rätt',
      displayName: 'Kim',
      shareProgress: true,
      shareNotes: false,
    });
    expect(screen.getByTestId('sync-state').textContent).toBe('Synkat 10.42.');
    await expectAccessible(container);

    // Leaving for good with the file removed: while the folder cannot be reached the member stays, and is told.
    fireEvent.click(screen.getByLabelText('Ta också bort min fil ur mappen (mitt namn och allt jag delat)'));
    fireEvent.click(screen.getByRole('button', { name: 'Lämna teamets mapp' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/./);
    expect(props.leave).toHaveBeenLastCalledWith(true);
    expect(screen.getByText('Du är med i teamets mapp.', { exact: false })).toBeTruthy();
    serverUp = true;
    fireEvent.click(screen.getByRole('button', { name: 'Lämna teamets mapp' }));
    await screen.findByRole('button', { name: 'Gå med' });
  });
});
