import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { expectAccessible } from '../../test/unit/axe';
import { SigningCard, type Signing } from './SigningCard';

const FINGERPRINT = 'a1b2c3d4e5f60718'.padEnd(64, '9');

function fakeSigning(start: { fingerprint: string; exportable: boolean } | null = null) {
  let key = start;
  const saved: Array<{ name: string; text: string }> = [];
  const signing: Signing = {
    load: async () => key,
    create: vi.fn(async (exportable: boolean) => {
      key = { fingerprint: FINGERPRINT, exportable };
      return { ok: true as const, fingerprint: FINGERPRINT };
    }),
    exportFile: vi.fn(async () => ({ ok: true as const, text: '{"kind":"kurskompis/signing-key"}', fingerprint: FINGERPRINT })),
    importFile: vi.fn(async () => ({ ok: false as const, error: 'signingKeyFileInvalid' as const })),
    save: vi.fn((name: string, text: string) => void saved.push({ name, text })),
  };
  return { signing, saved };
}

describe('SigningCard', () => {
  it('makes a key that stays in this browser unless asked otherwise, and names it', async () => {
    const { signing } = fakeSigning();
    const { container } = render(<SigningCard signing={signing} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Skapa en nyckel' }));
    expect((await screen.findByTestId('signing-key')).textContent).toBe('Planen signeras med nyckeln a1b2 c3d4 e5f6 0718.');
    expect(signing.create).toHaveBeenCalledWith(false);
    expect(screen.getByText('Nyckeln skapades för att stanna i den här webbläsaren och kan inte sparas som fil.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Spara nyckelfilen' })).toBeNull();
    await expectAccessible(container);
  });

  it('saves the key as a file for a co-coordinator when it was made for that', async () => {
    const { signing, saved } = fakeSigning();
    render(<SigningCard signing={signing} />);
    fireEvent.click(await screen.findByLabelText('Nyckeln ska kunna sparas som fil åt en medsamordnare'));
    fireEvent.click(screen.getByRole('button', { name: 'Skapa en nyckel' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Spara nyckelfilen' }));
    await vi.waitFor(() => expect(saved).toEqual([{ name: 'kurskompis-nyckel-a1b2c3d4.json', text: '{"kind":"kurskompis/signing-key"}' }]));
    expect(signing.create).toHaveBeenCalledWith(true);
  });

  it('says so when a key file cannot be read, and keeps the key it has', async () => {
    const { signing } = fakeSigning({ fingerprint: FINGERPRINT, exportable: false });
    render(<SigningCard signing={signing} />);
    await screen.findByTestId('signing-key');
    fireEvent.change(screen.getByLabelText('Läs in en nyckelfil från en medsamordnare'), { target: { files: [new File(['{}'], 'nyckel.json')] } });
    const result = await screen.findByTestId('signing-result');
    expect(result.getAttribute('role')).toBe('alert');
    expect(result.textContent).toBe('Filen är ingen Kurskompis-nyckel, eller så är den skadad. Ingenting ändrades.');
    expect(screen.getByTestId('signing-key').textContent).toContain('a1b2 c3d4 e5f6 0718');
  });
});
