import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { expectAccessible } from '../../test/unit/axe';
import { FilePicker } from './FilePicker';

const plan = () => new File(['{"kind":"kurskompis/plan"}'], 'plan-biblioteket.json', { type: 'application/json' });

/** Drags files onto `target` as the browser does: a drag event carrying them in its dataTransfer. */
function drag(type: 'dragenter' | 'dragover' | 'drop', target: Element, files: File[]): void {
  const event = new Event(type, { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'dataTransfer', { value: { types: ['Files'], files, dropEffect: 'none' } });
  act(() => void target.dispatchEvent(event));
}

describe('FilePicker', () => {
  it('is a button beside the label that opens the file input, which the label still names', async () => {
    const { container } = render(<FilePicker id="plan-file" label="Planfil" accept=".json" onFiles={() => undefined} />);
    const input = screen.getByLabelText('Planfil') as HTMLInputElement;
    expect(input.type).toBe('file');
    expect(input.id).toBe('plan-file');
    // The keyboard reaches the button, not the hidden input as a second stop.
    expect(input.tabIndex).toBe(-1);
    const button = screen.getByRole('button', { name: 'Välj fil …' });
    expect(button.getAttribute('aria-describedby')).toContain('plan-file-label');
    const opened = vi.spyOn(input, 'click');
    button.focus();
    expect(document.activeElement).toBe(button);
    fireEvent.click(button);
    expect(opened).toHaveBeenCalledOnce();
    expect(screen.getByText('Ingen fil vald – eller dra en fil hit')).toBeTruthy();
    await expectAccessible(container);
  });

  it('hands over the chosen file and shows its name', async () => {
    const onFiles = vi.fn();
    render(<FilePicker id="plan-file" label="Planfil" onFiles={onFiles} />);
    const file = plan();
    fireEvent.change(screen.getByLabelText('Planfil'), { target: { files: [file] } });
    await waitFor(() => expect(onFiles).toHaveBeenCalledWith([file]));
    expect(screen.getByText('plan-biblioteket.json')).toBeTruthy();
  });

  it('takes a file dropped on it and shows where it can be dropped while one is dragged over', async () => {
    const onFiles = vi.fn();
    render(<FilePicker id="member-files" label="Medlemsfiler" multiple onFiles={onFiles} />);
    const button = screen.getByRole('button', { name: 'Välj filer …' });
    const zone = button.parentElement as HTMLElement;
    const files = [plan(), new File(['{}'], 'anna.json')];
    drag('dragenter', zone, files);
    expect(zone.classList.contains('dragging')).toBe(true);
    expect(screen.getByRole('button', { name: 'Släpp filen här' })).toBe(button);
    drag('drop', zone, files);
    await waitFor(() => expect(onFiles).toHaveBeenCalledWith(files));
    expect(zone.classList.contains('dragging')).toBe(false);
    expect(screen.getByText('plan-biblioteket.json, anna.json')).toBeTruthy();
  });

  it('takes one file when it asks for one, and no drop while it is disabled', async () => {
    const onFiles = vi.fn();
    const { rerender } = render(<FilePicker id="plan-file" label="Planfil" onFiles={onFiles} />);
    const one = plan();
    const zone = screen.getByRole('button').parentElement as HTMLElement;
    drag('drop', zone, [one, new File(['{}'], 'annan.json')]);
    await waitFor(() => expect(onFiles).toHaveBeenCalledWith([one]));

    onFiles.mockClear();
    rerender(<FilePicker id="plan-file" label="Planfil" disabled onFiles={onFiles} />);
    expect((screen.getByRole('button') as HTMLButtonElement).disabled).toBe(true);
    drag('dragenter', zone, [one]);
    expect(zone.classList.contains('dragging')).toBe(false);
    drag('drop', zone, [one]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(onFiles).not.toHaveBeenCalled();
  });
});
