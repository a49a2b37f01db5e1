import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { SessionSignup } from './SessionSignup';

const sessions = [
  { id: 's1', starts: '2026-12-01T09:00:00+01:00', ends: '2026-12-01T10:30:00+01:00', place: 'Konferensrummet', capacity: 8 },
  { id: 's2', starts: '2026-12-02T13:00:00+01:00', ends: '2026-12-02T14:30:00+01:00', place: 'Teams', capacity: 2 },
];

const period = { id: '2026-11', title: 'November: Skapa innehåll', starts: '2026-11-01', deadline: '2026-11-30', items: [], sessions };

describe('SessionSignup', () => {
  it('shows places left, the member’s own sign-up with a way out, and no button for a full session', () => {
    const onSignUp = vi.fn();
    render(<SessionSignup groups={[{ period, sessions }]} signedUp={new Set(['s1'])} counts={{ s1: 3, s2: 2 }} onSignUp={onSignUp} />);
    expect(screen.getByRole('heading', { level: 4 }).textContent).toBe('Diskussion om ”November: Skapa innehåll”');
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items[0]).toBe('1 dec kl. 09.00–10.30, Konferensrummet Platser kvar: 5. Du är anmäld. Avanmäl');
    expect(items[1]).toBe('2 dec kl. 13.00–14.30, Teams Fullt. Anmäl mig');
    // Each button is described by its session's time, so "Anmäl mig" is never ambiguous.
    const full = screen.getByRole('button', { name: 'Anmäl mig', description: '2 dec kl. 13.00–14.30, Teams' }) as HTMLButtonElement;
    expect(full.disabled).toBe(true);
    expect(full.getAttribute('aria-describedby')).toBe('session-s2');
    fireEvent.click(screen.getByRole('button', { name: 'Avanmäl', description: '1 dec kl. 09.00–10.30, Konferensrummet' }));
    expect(onSignUp).toHaveBeenCalledWith('s1', true);
  });
});
