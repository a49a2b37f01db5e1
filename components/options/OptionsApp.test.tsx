import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { parseBackup } from '../../lib/domain/backup';
import { planSchema } from '../../lib/model/plan';
import { DEFAULT_REMINDERS } from '../../lib/time/reminders';
import type { StoredPlan, TrustState } from '../../lib/model/stored';
import { expectAccessible } from '../../test/unit/axe';
import { fixturePlan } from '../../test/support/fixtures';
import { OptionsApp, type OptionsProps } from './OptionsApp';
import { expectSaidUnreadable, quietErrors, unreadable } from '../../test/support/unreadable';

const stored: StoredPlan = { plan: planSchema.parse(fixturePlan()), source: { kind: 'file', name: 'plan.json' }, loadedAt: '2026-11-01T00:00:00Z' };

function optionsProps(overrides: Partial<OptionsProps> = {}): OptionsProps {
  return {
    load: async () => ({ stored, fetchState: undefined, planUrl: null }),
    forgetTrustedKey: vi.fn(async () => undefined),
    importPlan: vi.fn(async () => ({ ok: true as const, changed: true })),
    useDemo: vi.fn(async () => ({ ok: true as const, changed: true })),
    setPlanUrl: vi.fn(async () => ({ ok: true as const, changed: true })),
    refreshPlan: vi.fn(async () => ({ ok: true as const, changed: false })),
    subscribe: () => () => undefined,
    backup: {
      exportBackup: vi.fn(async () => undefined),
      importBackup: vi.fn(async (text: string) => {
        const parsed = parseBackup(text);
        return parsed.ok ? { ok: true as const, notes: parsed.backup.notes.length, progress: parsed.backup.progress.length } : { ok: false as const, error: `backup_${parsed.problem}` as const };
      }),
    },
    coordinatorMode: { get: async () => true, set: vi.fn(async () => undefined) },
    team: {
      load: async () => ({ settings: null, state: undefined }),
      join: vi.fn(async () => ({ ok: false as const, error: 'syncError_auth' as const })),
      leave: vi.fn(async () => ({ ok: true as const })),
      syncNow: vi.fn(async () => undefined),
      setSharing: vi.fn(async () => undefined),
      subscribe: () => () => undefined,
    },
    reminders: { get: async () => DEFAULT_REMINDERS, set: vi.fn(async () => undefined) },
    siteCheck: { load: async () => [], copy: vi.fn(async () => undefined), version: '1.0.0', subscribe: () => () => undefined },
    ...overrides,
  };
}

describe('OptionsApp', () => {
  it('shows the plan in force and every card: plan file, address, team folder, reminders, coordinator, backup', async () => {
    const { container } = render(<OptionsApp {...optionsProps()} />);
    const source = await screen.findByText('Planfil plan.json');
    expect(screen.getByTestId('current-plan').contains(source)).toBe(true);
    expect(within(screen.getByTestId('current-plan')).getByText('Östersunds bibliotek', { exact: false })).toBeTruthy();
    await screen.findByRole('heading', { level: 2, name: 'Påminnelser' });
    await screen.findByRole('link', { name: 'Öppna planeringen' });
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(
      expect.arrayContaining(['Plan som gäller', 'Teamets mapp', 'Påminnelser', 'Säkerhetskopia']),
    );
    await expectAccessible(container);
  });

  it('arriving for a next step, puts the focus on the control that takes it', async () => {
    for (const [hash, name] of [
      ['plan-file', 'Välj fil …'],
      ['team-folder', 'Teamets mapp'],
    ] as const) {
      window.location.hash = hash;
      const { unmount } = render(<OptionsApp {...optionsProps()} />);
      await screen.findByText('Planfil plan.json');
      await waitFor(() => expect(document.activeElement?.textContent).toBe(name));
      unmount();
    }
    window.location.hash = '';
  });

  it('locks what the organisation set by policy and says so beside each field', async () => {
    const PRESET = 'https://intranat.example.se/kurskompis/plan.json';
    const FOLDER = 'https://moln.example.se/remote.php/dav/files/team/kurskompis/';
    const props = optionsProps({
      load: async () => ({ stored: { ...stored, source: { kind: 'managed', url: PRESET } }, fetchState: undefined, planUrl: null, managedPlanUrl: PRESET }),
      team: { ...optionsProps().team, load: async () => ({ settings: null, state: undefined, managedUrl: FOLDER }) },
    });
    const { container } = render(<OptionsApp {...props} />);
    const address = (await screen.findByLabelText(/Planens adress/)) as HTMLInputElement;
    await vi.waitFor(() => expect(address.value).toBe(PRESET));
    expect(address.readOnly).toBe(true);
    expect(address.getAttribute('aria-describedby')).toBe('plan-url-managed');
    expect(screen.getByTestId('plan-url-managed').textContent).toBe('Inställt av din organisation. Kontakta IT om det behöver ändras.');
    expect(screen.queryByRole('button', { name: 'Använd adressen' })).toBeNull();
    expect((screen.getByLabelText(/Planfil/) as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Prova med en exempelplan' }) as HTMLButtonElement).disabled).toBe(true);
    const folder = (await screen.findByLabelText(/Mappens adress/)) as HTMLInputElement;
    await vi.waitFor(() => expect(folder.value).toBe(FOLDER));
    expect(folder.readOnly).toBe(true);
    // Who you are is still yours to give: the policy never holds a password.
    expect((screen.getByLabelText(/Lösenord/) as HTMLInputElement).readOnly).toBe(false);
    await expectAccessible(container);
  });

  it('says what is wrong with a backup file that cannot be read, and that nothing changed', async () => {
    const props = optionsProps();
    render(<OptionsApp {...props} />);
    const input = await screen.findByLabelText<HTMLInputElement>('Läs in en säkerhetskopia');
    fireEvent.change(input, { target: { files: [new File(['{"kind": "kurskompis/plan"'], 'kopia.json')] } });
    const result = await screen.findByTestId('backup-result');
    expect(result.getAttribute('role')).toBe('alert');
    expect(result.textContent).toBe('Filen är inte en JSON-fil eller är avklippt. Ingenting ändrades.');
    expect(props.backup.importBackup).toHaveBeenCalledWith('{"kind": "kurskompis/plan"');
  });

  it('shows that the plan is signed and by which key, the key trusted, and a plan refused for its signature', async () => {
    const fingerprint = '3f2a9b1c77d0e4a2'.padEnd(64, '0');
    const key = { kty: 'OKP' as const, crv: 'Ed25519' as const, x: 'A'.repeat(43) };
    let trust: TrustState | undefined = {
      pinned: { fingerprint, key, since: '2026-11-12T08:30:00Z' },
      refused: { at: '2026-11-20T09:15:00Z', error: 'planNotSigned', source: 'folder' },
    };
    const props = optionsProps({
      load: async () => ({ stored: { ...stored, signedBy: fingerprint }, fetchState: undefined, planUrl: null, trust }),
      forgetTrustedKey: vi.fn(async () => void (trust = undefined)),
    });
    const { container } = render(<OptionsApp {...props} />);
    expect((await screen.findByTestId('plan-signature')).textContent).toBe('Signerad av samordnarens nyckel 3f2a 9b1c 77d0 e4a2');
    expect(screen.getByTestId('trusted-key').textContent).toBe('3f2a 9b1c 77d0 e4a2, sparad 12 nov 09.30. Kurskompis tar bara emot planer som är signerade med den.');
    const refused = screen.getByTestId('plan-refused');
    expect(refused.getAttribute('role')).toBe('alert');
    expect(refused.textContent).toBe(
      'En plan från teamets mapp avvisades 20 nov 10.15. Planen är inte signerad av samordnaren. Teamets planer är signerade, så en osignerad plan kan vara ändrad av någon annan. Den plan som gällde tidigare gäller fortfarande.',
    );
    await expectAccessible(container);

    fireEvent.click(screen.getByRole('button', { name: 'Glöm nyckeln' }));
    expect((await screen.findByText(/^Nyckeln är glömd/)).getAttribute('role')).toBe('status');
    expect(props.forgetTrustedKey).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('trusted-key').textContent).toBe('Ingen ännu. Den första signerade planen bestämmer vilken nyckel Kurskompis litar på.');
    expect(screen.queryByTestId('plan-refused')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Glöm nyckeln' })).toBeNull();
  });

  it('says an unsigned plan is not signed, with no key to forget', async () => {
    render(<OptionsApp {...optionsProps()} />);
    expect((await screen.findByTestId('plan-signature')).textContent).toBe('Inte signerad');
    expect(screen.queryByRole('button', { name: 'Glöm nyckeln' })).toBeNull();
  });
});

describe('OptionsApp, when what is saved cannot be read', () => {
  it('says so under its heading with a way to reload', async () => {
    quietErrors();
    render(<OptionsApp {...optionsProps({ load: unreadable })} />);
    await expectSaidUnreadable('Kurskompis');
    // Nothing is claimed of what could not be read.
    expect(screen.queryByTestId('current-plan')).toBeNull();
    expect(screen.queryByText(/^Ingen plan är inläst/)).toBeNull();
  });
});
