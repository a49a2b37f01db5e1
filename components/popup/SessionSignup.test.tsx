import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionSignup } from './SessionSignup';

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

const sessions = [
  { id: 's1', starts: '2026-12-01T09:00:00+01:00', ends: '2026-12-01T10:30:00+01:00', place: 'Konferensrummet', capacity: 8 },
  { id: 's2', starts: '2026-12-02T13:00:00+01:00', ends: '2026-12-02T14:30:00+01:00', place: 'Teams', capacity: 2 },
];

const period = { id: '2026-11', title: 'November: Skapa innehåll', starts: '2026-11-01', deadline: '2026-11-30', items: [], sessions };

describe('SessionSignup', () => {
  it('shows places left, the member’s own sign-up with a way out, and no button for a full session', async () => {
    const onSignUp = vi.fn();
    root = document.createElement('div');
    document.body.append(root);
    await act(async () => render(<SessionSignup groups={[{ period, sessions }]} signedUp={new Set(['s1'])} counts={{ s1: 3, s2: 2 }} onSignUp={onSignUp} />, root));
    expect(root.querySelector('h4')?.textContent).toBe('Diskussion om ”November: Skapa innehåll”');
    const items = [...root.querySelectorAll('li')].map((li) => li.textContent);
    expect(items[0]).toBe('1 dec kl. 09.00–10.30, Konferensrummet Platser kvar: 5. Du är anmäld. Avanmäl');
    expect(items[1]).toBe('2 dec kl. 13.00–14.30, Teams Fullt. Anmäl mig');
    const buttons = root.querySelectorAll('button');
    expect((buttons[1] as HTMLButtonElement).disabled).toBe(true);
    // Each button is described by its session's time, so "Anmäl mig" is never ambiguous.
    expect(buttons[1]?.getAttribute('aria-describedby')).toBe('session-s2');
    expect(root.querySelector('#session-s2')?.textContent).toBe('2 dec kl. 13.00–14.30, Teams');
    await act(async () => (buttons[0] as HTMLButtonElement).click());
    expect(onSignUp).toHaveBeenCalledWith('s1', true);
  });
});
