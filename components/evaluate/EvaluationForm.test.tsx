import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { planSchema } from '../../lib/model/plan';
import type { Evaluation } from '../../lib/model/evaluation';
import { expectAccessible } from '../../test/unit/axe';
import { fixturePlan } from '../../test/support/fixtures';
import { EvaluationForm, type EvaluationFormProps } from './EvaluationForm';
import { expectSaidUnreadable, quietErrors, unreadable } from '../../test/support/unreadable';

const plan = planSchema.parse(fixturePlan());
const PODD = 'digiteket.se/kurs/skapa-en-podd/';
const BILD = 'digiteket.se/kurs/bildredigering-i-webblasaren/';
const saved: Evaluation = { periodId: '2026-11', courseKey: BILD, usefulness: 2, minutes: 90, comment: 'För lång', updatedAt: '2026-12-01T09:00:00Z' };

function props(overrides: Partial<EvaluationFormProps> = {}): EvaluationFormProps {
  return {
    load: async () => ({ plan, stated: { [PODD]: 45 }, evaluations: [saved] }),
    periodId: '2026-11',
    save: vi.fn(async (input) => ({ ok: true as const, evaluation: { ...input, updatedAt: '2026-12-01T10:00:00Z' } })),
    now: () => new Date('2026-12-01T10:00:00Z'),
    ...overrides,
  };
}

const card = async (title: string) => (await screen.findByRole('heading', { name: title })).closest('form') as HTMLFormElement;

describe('EvaluationForm', () => {
  it('lists the period’s courses with the stated time filled in and earlier answers shown, accessibly', async () => {
    const { container } = render(<EvaluationForm {...props()} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Utvärdera kurserna i November: Skapa innehåll' })).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 2 })).toHaveLength(6);
    expect(screen.getByTestId('team-note').textContent).toContain('går dina svar till samordnaren');
    const podd = await card('Skapa en podd');
    expect((within(podd).getByLabelText('Hur lång tid tog den, i minuter?') as HTMLInputElement).value).toBe('45');
    const bild = await card('Bildredigering i webbläsaren');
    expect((within(bild).getByRole('radio', { name: '2 – lite' }) as HTMLInputElement).checked).toBe(true);
    expect((within(bild).getByLabelText('Hur lång tid tog den, i minuter?') as HTMLInputElement).value).toBe('90');
    expect((within(bild).getByLabelText('Kommentar (frivillig)') as HTMLTextAreaElement).value).toBe('För lång');
    expect(within(bild).getByRole('status').textContent).toBe('Du svarade 1 dec. Ändra och spara igen om du vill.');
    expect(within(bild).getByRole('group', { name: 'Hur användbar var kursen för dig?' })).toBeTruthy();
    await expectAccessible(container);
  });

  it('saves a rating, and saves a changed one again', async () => {
    const p = props();
    render(<EvaluationForm {...p} />);
    const podd = await card('Skapa en podd');
    fireEvent.click(within(podd).getByRole('radio', { name: '4 – mycket' }));
    fireEvent.input(within(podd).getByLabelText('Hur lång tid tog den, i minuter?'), { target: { value: '60' } });
    fireEvent.input(within(podd).getByLabelText('Kommentar (frivillig)'), { target: { value: 'Roligt' } });
    fireEvent.click(within(podd).getByRole('checkbox', { name: 'Visa mitt namn för samordnaren' }));
    fireEvent.click(within(podd).getByRole('button', { name: 'Spara' }));
    await waitFor(() => expect(within(podd).getByRole('status').textContent).toBe('Ditt svar är sparat.'));
    expect(p.save).toHaveBeenCalledWith({ periodId: '2026-11', courseKey: PODD, usefulness: 4, minutes: 60, comment: 'Roligt', showName: true });
    const bild = await card('Bildredigering i webbläsaren');
    fireEvent.click(within(bild).getByRole('radio', { name: '5 – väldigt mycket' }));
    fireEvent.input(within(bild).getByLabelText('Kommentar (frivillig)'), { target: { value: '' } });
    fireEvent.click(within(bild).getByRole('button', { name: 'Spara' }));
    await waitFor(() => expect(p.save).toHaveBeenLastCalledWith({ periodId: '2026-11', courseKey: BILD, usefulness: 5, minutes: 90 }));
  });

  it('says what is wrong: no rating chosen (nothing sent), and the worker’s refusal beside its field', async () => {
    const save = vi.fn(async () => ({ ok: false as const, error: 'evaluationMinutes' as const }));
    const { container } = render(<EvaluationForm {...props({ save })} />);
    const podd = await card('Skapa en podd');
    fireEvent.click(within(podd).getByRole('button', { name: 'Spara' }));
    expect((await within(podd).findByRole('alert')).textContent).toBe('Välj hur användbar kursen var, från 1 till 5. Inget sparades.');
    expect(save).not.toHaveBeenCalled();
    fireEvent.click(within(podd).getByRole('radio', { name: '3 – ganska' }));
    fireEvent.input(within(podd).getByLabelText('Hur lång tid tog den, i minuter?'), { target: { value: '0' } });
    fireEvent.click(within(podd).getByRole('button', { name: 'Spara' }));
    await waitFor(() => expect(within(podd).getByRole('alert').textContent).toBe('Skriv tiden som ett helt antal minuter mellan 1 och 6000. Inget sparades.'));
    const minutes = within(podd).getByLabelText('Hur lång tid tog den, i minuter?');
    expect(minutes.getAttribute('aria-invalid')).toBe('true');
    expect(minutes.getAttribute('aria-describedby')).toBe(within(podd).getByRole('alert').id);
    await expectAccessible(container);
  });

  it('shows just one course when opened from its page, with the way to the others', async () => {
    render(<EvaluationForm {...props({ course: PODD })} />);
    await card('Skapa en podd');
    expect(screen.getAllByRole('heading', { level: 2 })).toHaveLength(1);
    expect(screen.getByRole('link', { name: 'Visa alla kurser i perioden' }).getAttribute('href')).toBe('?period=2026-11');
  });

  it('without a period named, offers the one whose deadline passed last', async () => {
    render(<EvaluationForm {...props({ periodId: null, now: () => new Date('2026-11-05T12:00:00Z') })} />);
    expect(await screen.findByRole('heading', { level: 1 })).toHaveProperty('textContent', expect.stringContaining('Utvärdera kurserna i Oktober'));
  });
});

describe('EvaluationForm, when what is saved cannot be read', () => {
  it('says so under its heading with a way to reload, instead of a page that stays busy', async () => {
    const errors = quietErrors();
    render(<EvaluationForm {...props({ load: unreadable })} />);
    await expectSaidUnreadable('Utvärdera kurserna');
    expect(errors).toHaveBeenCalled();
  });
});
