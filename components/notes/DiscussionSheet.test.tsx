import { render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { DiscussionSheet } from './DiscussionSheet';
import { planSchema } from '../../lib/model/plan';
import type { Note } from '../../lib/model/note';
import { fixturePlan } from '../../test/support/fixtures';
import { expectSaidUnreadable, quietErrors, unreadable } from '../../test/support/unreadable';

const november = planSchema.parse(fixturePlan()).periods[1]!;
const podd = 'digiteket.se/kurs/skapa-en-podd/';
const note = (id: string, text: string): Note => ({
  id,
  courseKey: podd,
  text,
  shared: true,
  createdAt: '2026-11-12T10:00:00Z',
  updatedAt: '2026-11-12T10:00:00Z',
});
const never = () => () => undefined;

/** The sheet with a listener the test calls, as a change to the notes would. */
function withChanges(load: () => Promise<{ notes: Note[]; period: typeof november }>) {
  let changed = () => {};
  const stop = vi.fn();
  const view = render(<DiscussionSheet load={load} copy={vi.fn()} print={vi.fn()} subscribe={(listener) => ((changed = listener), stop)} />);
  return { changed: () => changed(), stop, unmount: view.unmount };
}

describe('DiscussionSheet, when what is saved cannot be read', () => {
  it('says so under its heading with a way to reload, instead of a page that stays busy', async () => {
    const errors = quietErrors();
    render(<DiscussionSheet load={unreadable} copy={vi.fn()} print={vi.fn()} subscribe={never} />);
    await expectSaidUnreadable('Förbered diskussionen');
    expect(errors).toHaveBeenCalled();
  });

  it('keeps the sheet it shows, with a word, when reading again after a change fails', async () => {
    const errors = quietErrors();
    let calls = 0;
    const sheet = withChanges(() => (calls++ === 0 ? Promise.resolve({ notes: [note('n1', 'Bokpoddar med skolklasser?')], period: november }) : unreadable()));
    await screen.findByText('Bokpoddar med skolklasser?');
    sheet.changed();
    expect((await screen.findByTestId('read-failed')).textContent).toMatch(/^Det som visas kan vara inaktuellt/);
    expect(screen.getByText('Bokpoddar med skolklasser?')).toBeTruthy();
    expect(errors).toHaveBeenCalledTimes(1);
  });
});

describe('DiscussionSheet, open while notes are written', () => {
  it('shows a note written after it opened, and stops listening when it closes', async () => {
    const notes = [note('n1', 'Bokpoddar med skolklasser?')];
    const sheet = withChanges(async () => ({ notes: [...notes], period: november }));
    await screen.findByText('Bokpoddar med skolklasser?');
    expect(screen.queryByText('Vem håller i mikrofonen?')).toBeNull();

    notes.push(note('n2', 'Vem håller i mikrofonen?'));
    sheet.changed();
    await screen.findByText('Vem håller i mikrofonen?');
    expect(screen.getByText('Bokpoddar med skolklasser?')).toBeTruthy();

    expect(sheet.stop).not.toHaveBeenCalled();
    // Preact runs an unmounted effect's cleanup after the next paint, as React does.
    sheet.unmount();
    await vi.waitFor(() => expect(sheet.stop).toHaveBeenCalledTimes(1));
  });
});
