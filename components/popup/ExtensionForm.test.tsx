import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { planSchema } from '../../lib/model/plan';
import type { PersonalExtension } from '../../lib/model/extension';
import type { StoredPlan } from '../../lib/model/stored';
import { expectAccessible } from '../../test/unit/axe';
import { fixturePlan } from '../../test/support/fixtures';
import { PopupApp, type PopupProps } from './PopupApp';
import type { ExtensionInput, ExtensionResult } from './ExtensionForm';

// "Behöver du mer tid?" in the popup's period view: the member sets a personal deadline, and
// the period view then counts to it and says it is personal.

const ME = 'member-0001-abcd';
const plan = planSchema.parse({ ...fixturePlan(), extensions: [{ memberId: ME, periodId: '2026-11', deadline: '2026-12-04' }] });
const stored: StoredPlan = { plan, source: { kind: 'file' }, loadedAt: '2026-11-01T00:00:00Z' };

function popup(at: string, options: { own?: PersonalExtension[]; memberId?: string; answer?: ExtensionResult } = {}) {
  let own = options.own ?? [];
  const setExtension = vi.fn(async (input: ExtensionInput): Promise<ExtensionResult> => {
    if (options.answer) return options.answer;
    own = [{ ...input, updatedAt: at }];
    return { ok: true };
  });
  const removeExtension = vi.fn(async (): Promise<ExtensionResult> => {
    own = [];
    return { ok: true };
  });
  const props: PopupProps = {
    load: async () => ({ stored, progress: new Map(), extensions: { own, granted: plan.extensions ?? [], memberId: options.memberId } }),
    setDone: vi.fn(async () => undefined),
    useDemo: vi.fn(async () => ({ ok: true as const, changed: true })),
    openOptions: vi.fn(),
    openNotes: vi.fn(),
    subscribe: () => () => undefined,
    now: () => new Date(at),
    setExtension,
    removeExtension,
  };
  return { props, setExtension, removeExtension };
}

async function renderPopup(props: PopupProps) {
  render(<PopupApp {...props} />);
  await waitFor(() => expect(screen.getByRole('main').getAttribute('aria-busy')).toBe('false'));
}
const text = (testId: string) => screen.queryByTestId(testId)?.textContent;

describe('a personal deadline in the popup', () => {
  it('sets one from the period view; days left, pace and the line saying it is personal follow', async () => {
    const { props, setExtension } = popup('2026-11-23T09:00:00Z');
    await renderPopup(props);
    expect(text('deadline')).toBe('Klar senast 30 nov (vecka 49) · 7 dagar kvar');
    expect(text('personal-deadline')).toBeUndefined();
    fireEvent.click(screen.getByText('Behöver du mer tid?'));
    fireEvent.input(screen.getByLabelText('Din personliga sista dag'), { target: { value: '2026-12-14' } });
    fireEvent.change(screen.getByLabelText('Anledning'), { target: { value: 'sick' } });
    fireEvent.input(screen.getByLabelText('Anteckning (frivillig)'), { target: { value: 'Influensa' } });
    await expectAccessible(document.body);
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    await waitFor(() => expect(text('personal-deadline')).toBe('Din personliga sista dag: 14 dec (sjuk)'));
    expect(setExtension).toHaveBeenCalledWith({ periodId: '2026-11', deadline: '2026-12-14', reason: 'sick', note: 'Influensa' });
    expect(text('deadline')).toBe('Klar senast 14 dec (vecka 51) · 21 dagar kvar');
    expect(text('pace')).toBe('Ungefär 2 kurser i veckan för att hinna.');
    await waitFor(() => expect(text('extension-message')).toBe('Din personliga sista dag är sparad.'));
    expect(screen.getByLabelText('Anledning')).toHaveProperty('value', 'sick');
  });

  it('shows the worker’s refusal and keeps the period’s deadline', async () => {
    const { props } = popup('2026-11-23T09:00:00Z', { answer: { ok: false, error: 'problem_extensionTooLate' } });
    await renderPopup(props);
    fireEvent.click(screen.getByText('Behöver du mer tid?'));
    fireEvent.input(screen.getByLabelText('Din personliga sista dag'), { target: { value: '2027-04-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    await waitFor(() => expect(text('extension-message')).toBe('Den personliga sista dagen ligger mer än 90 dagar efter periodens sista dag.'));
    expect(text('deadline')).toBe('Klar senast 30 nov (vecka 49) · 7 dagar kvar');
    expect(text('personal-deadline')).toBeUndefined();
  });

  it('asks for a date before sending anything', async () => {
    const { props, setExtension } = popup('2026-11-23T09:00:00Z');
    await renderPopup(props);
    fireEvent.click(screen.getByText('Behöver du mer tid?'));
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    await waitFor(() => expect(text('extension-message')).toBe('Välj ett datum.'));
    expect(setExtension).not.toHaveBeenCalled();
  });

  it('removes the member’s own, back to the period’s deadline', async () => {
    const own: PersonalExtension[] = [{ periodId: '2026-11', deadline: '2026-12-14', reason: 'leave', updatedAt: '2026-11-20T09:00:00Z' }];
    const { props, removeExtension } = popup('2026-11-23T09:00:00Z', { own });
    await renderPopup(props);
    expect(text('personal-deadline')).toBe('Din personliga sista dag: 14 dec (ledig)');
    fireEvent.click(screen.getByRole('button', { name: 'Ta bort' }));
    await waitFor(() => expect(text('personal-deadline')).toBeUndefined());
    expect(removeExtension).toHaveBeenCalledWith('2026-11');
    expect(text('deadline')).toBe('Klar senast 30 nov (vecka 49) · 7 dagar kvar');
  });

  it('says when the coordinator granted it, and keeps the period in view past its own deadline', async () => {
    // Wednesday 2 Dec: November is over and December a pause, but not for this member.
    const { props } = popup('2026-12-02T09:00:00Z', { memberId: ME });
    await renderPopup(props);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('November: Skapa innehåll');
    expect(text('personal-deadline')).toBe('Din personliga sista dag: 4 dec (beviljad av samordnaren)');
    expect(text('deadline')).toBe('Klar senast 4 dec (vecka 49) · 2 dagar kvar');
    await expectAccessible(document.body);
  });
});
