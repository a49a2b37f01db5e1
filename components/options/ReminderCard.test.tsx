import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_REMINDERS } from '../../lib/time/reminders';
import { parseDays, ReminderCard } from './ReminderCard';

let root: HTMLElement | undefined;
afterEach(() => {
  if (!root) return;
  render(null, root);
  root.remove();
  root = undefined;
});

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
    root = document.createElement('div');
    document.body.append(root);
    const mounted = root;
    await act(async () => render(<ReminderCard get={async () => DEFAULT_REMINDERS} set={set} />, mounted));
    await act(async () => void (await new Promise((r) => setTimeout(r, 0))));
    const days = mounted.querySelector<HTMLInputElement>('#reminder-days')!;
    expect(days.value).toBe('7, 2');
    await act(async () => {
      days.value = '10, x';
      days.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(root!.querySelector('#reminder-days-error')?.textContent).toBe('Skriv hela dagar från 1 till 60, med kommatecken emellan.');
    expect(set).not.toHaveBeenCalled();
    await act(async () => {
      days.value = '10, 3';
      days.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(set).toHaveBeenLastCalledWith({ ...DEFAULT_REMINDERS, deadlineDays: [10, 3] });
    const session = [...root!.querySelectorAll('label')].find((l) => l.textContent?.includes('Dagen före en diskussion'))!.querySelector('input')!;
    await act(async () => session.click());
    expect(set).toHaveBeenLastCalledWith({ ...DEFAULT_REMINDERS, deadlineDays: [10, 3], session: false });
  });
});
