import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TeamSettings } from '../../lib/folder/team-settings';
import { TeamFolderCard, type TeamFolderCardProps } from './TeamFolderCard';

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});
const tick = () => act(async () => void (await new Promise((r) => setTimeout(r, 0))));

async function type(id: string, value: string) {
  const input = root.querySelector<HTMLInputElement>(`#${id}`)!;
  await act(async () => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('TeamFolderCard', () => {
  it('joins with the address, sign-in, name and sharing chosen, and says why a join failed', async () => {
    let settings: TeamSettings | null = null;
    const join = vi.fn<TeamFolderCardProps['join']>(async (request) => {
      if (request.password !== 'rätt') return { ok: false, error: 'auth' };
      settings = { ...request, memberId: 'm-00000001' };
      return { ok: true, state: null };
    });
    root = document.createElement('div');
    document.body.append(root);
    const props: TeamFolderCardProps = {
      load: async () => ({ settings, state: settings ? { base: 'x', failures: 0, lastOkAt: '2026-11-25T09:42:00Z' } : undefined }),
      join,
      leave: vi.fn(async () => (settings = null)),
      syncNow: vi.fn(async () => undefined),
      setSharing: vi.fn(async () => undefined),
      subscribe: () => () => undefined,
    };
    await act(async () => render(<TeamFolderCard {...props} />, root));
    await tick();
    await type('team-url', 'https://moln.example.se/s/AbC123');
    await type('team-name', 'Kim');
    await type('team-password', 'fel');
    const submit = () => act(async () => void root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true, bubbles: true })));
    await submit();
    await tick();
    expect(root.querySelector('[data-testid="team-error"]')?.textContent).toBe('Inloggningen godtogs inte. Kontrollera namn och lösenord.');
    await type('team-password', 'rätt');
    await submit();
    await tick();
    expect(join).toHaveBeenLastCalledWith({
      url: 'https://moln.example.se/s/AbC123',
      username: '',
      password: 'rätt',
      displayName: 'Kim',
      shareProgress: true,
      shareNotes: false,
    });
    expect(root.textContent).toContain('Du är med i teamets mapp.');
    expect(root.querySelector('[data-testid="sync-state"]')?.textContent).toBe('Synkat 10.42.');
  });
});
