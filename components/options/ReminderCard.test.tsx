import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_REMINDERS } from '../../lib/time/reminders';
import { expectAccessible } from '../../test/unit/axe';
import { parseDays, ReminderCard } from './ReminderCard';

describe('ReminderCard', () => {
  it('reads the days before a deadline, refusing what is not a whole number of days', () => {
    expect(parseDays('7, 2')).toEqual([7, 2]);
    expect(parseDays('2 7 7')).toEqual([7, 2]);
    expect(parseDays('7, två')).toBeNull();
    expect(parseDays('0')).toBeNull();
    expect(parseDays('')).toBeNull();
  });

  it('saves each change and marks a bad day list without saving it', async () => {
    const set = vi.fn(async () => undefined);
    const { container } = render(<ReminderCard get={async () => DEFAULT_REMINDERS} set={set} />);
    const days = await screen.findByLabelText<HTMLInputElement>('Antal dagar före (till exempel 7, 2)');
    expect(days.value).toBe('7, 2');
    await expectAccessible(container);

    fireEvent.input(days, { target: { value: '10, x' } });
    expect(days.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Skriv hela dagar från 1 till 60, med kommatecken emellan.').id).toBe('reminder-days-error');
    expect(days.getAttribute('aria-describedby')).toBe('reminder-days-error');
    expect(set).not.toHaveBeenCalled();

    fireEvent.input(days, { target: { value: '10, 3' } });
    expect(set).toHaveBeenLastCalledWith({ ...DEFAULT_REMINDERS, deadlineDays: [10, 3] });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Dagen före en diskussion jag anmält mig till' }));
    expect(set).toHaveBeenLastCalledWith({ ...DEFAULT_REMINDERS, deadlineDays: [10, 3], session: false });
  });
});
