import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../../test/unit/axe';
import { PrivacyPage } from './PrivacyPage';

describe('PrivacyPage', () => {
  it('says what is kept where, that nothing goes to the makers, who can read the team folder and how to delete everything', async () => {
    const { container } = render(<PrivacyPage />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Integritet i Kurskompis');
    const text = container.textContent ?? '';
    expect(text).toContain('Ingenting skickas till dem som gör Kurskompis');
    expect(text).toContain('Alla som kan läsa mappen kan läsa filen');
    expect(text).toContain('Privata reflektioner lämnar aldrig webbläsaren');
    expect(screen.getByRole('heading', { name: 'Ta bort allt' })).toBeTruthy();
    await expectAccessible(container);
  });
});
