import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectAccessible } from '../../test/unit/axe';
import { notesWorld, PODD, PODD_TITLE } from '../../test/support/notes-world';

const DEBOUNCE = 500;

afterEach(() => void vi.useRealTimers());

const newNote = () => screen.getByLabelText<HTMLTextAreaElement>('Ny reflektion');
const typeInto = (field: HTMLTextAreaElement, value: string) => fireEvent.input(field, { target: { value } });
const listed = () => within(screen.getByRole('list', { name: 'Tidigare reflektioner' })).queryAllByRole('listitem');

describe('NotesPanel', () => {
  it('saves after typing pauses: one note, then updates to it, and says "Sparad" only for what is stored', async () => {
    // Only the panel's own waits are faked; the database keeps its own pace.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const world = await notesWorld();
    world.open({ debounceMs: DEBOUNCE });
    await vi.advanceTimersByTimeAsync(0);
    typeInto(newNote(), 'Först');
    await vi.advanceTimersByTimeAsync(DEBOUNCE - 100);
    typeInto(newNote(), 'Först och');
    // The second keystroke restarted the wait.
    await vi.advanceTimersByTimeAsync(DEBOUNCE - 1);
    expect(world.received).not.toContain('noteCreate');
    expect(screen.getByRole('status').textContent).toBe('Sparar…');
    await vi.advanceTimersByTimeAsync(1);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Sparad'));
    expect((await world.stored()).map((n) => n.text)).toEqual(['Först och']);
    typeInto(newNote(), 'Först och sist');
    expect(screen.getByRole('status').textContent).toBe('Sparar…');
    await vi.advanceTimersByTimeAsync(DEBOUNCE);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Sparad'));
    expect(world.received.filter((type) => type === 'noteCreate')).toHaveLength(1);
    expect((await world.stored()).map((n) => n.text)).toEqual(['Först och sist']);
  });

  it('lists notes, edits one, shares one, deletes and undoes', async () => {
    const world = await notesWorld();
    await world.store.putNotes([
      { id: 'n1', courseKey: PODD, courseTitle: PODD_TITLE, text: 'Gammal tanke', shared: false, createdAt: '2026-11-20T10:00:00.000Z', updatedAt: '2026-11-20T10:00:00.000Z' },
    ]);
    const { container } = world.open();
    const item = await screen.findByRole('listitem');
    expect(item.querySelector('.note-text')?.textContent).toBe('Gammal tanke');
    await expectAccessible(container);

    fireEvent.click(within(item).getByRole('button', { name: 'Redigera' }));
    typeInto(within(item).getByLabelText<HTMLTextAreaElement>('Redigera reflektionen'), 'Gammal tanke, ny insikt');
    fireEvent.click(within(item).getByRole('button', { name: 'Klar' }));
    await waitFor(() => expect(item.querySelector('.note-text')?.textContent).toBe('Gammal tanke, ny insikt'));

    const share = within(item).getByRole<HTMLInputElement>('switch', { name: 'Dela till diskussionen' });
    expect(share.checked).toBe(false);
    fireEvent.click(share);
    await waitFor(async () => expect((await world.stored())[0]?.shared).toBe(true));

    fireEvent.click(within(item).getByRole('button', { name: 'Ta bort' }));
    await waitFor(() => expect(listed()).toHaveLength(0));
    const undo = screen.getByText('Reflektionen togs bort.', { exact: false });
    fireEvent.click(within(undo).getByRole('button', { name: 'Ångra' }));
    await waitFor(() => expect(listed()).toHaveLength(1));
  });

  it('sends what is pending when closing', async () => {
    const world = await notesWorld();
    const close = vi.fn();
    world.open({ debounceMs: 10_000, close });
    await screen.findByText('Inga tidigare reflektioner för den här kursen.');
    typeInto(newNote(), 'Hinner sparas');
    fireEvent.click(screen.getByRole('button', { name: 'Stäng Mina reflektioner' }));
    expect(close).toHaveBeenCalled();
    await waitFor(async () => expect((await world.stored()).map((n) => n.text)).toEqual(['Hinner sparas']));
  });

  it('starts a new note only once the one before is stored', async () => {
    const world = await notesWorld();
    world.open({ debounceMs: 10_000 });
    await screen.findByText('Inga tidigare reflektioner för den här kursen.');
    typeInto(newNote(), 'Första tanken');
    fireEvent.click(screen.getByRole('button', { name: 'Börja på en ny' }));
    await waitFor(() => expect(listed().map((li) => li.querySelector('.note-text')?.textContent)).toEqual(['Första tanken']));
    expect(newNote().value).toBe('');
  });
});
