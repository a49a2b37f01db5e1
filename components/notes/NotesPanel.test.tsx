import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Note } from '../../lib/model/note';
import { expectAccessible } from '../../test/unit/axe';
import { NotesPanel } from './NotesPanel';

const KEY = 'digiteket.se/kurs/skapa-en-podd/';
const DEBOUNCE = 500;

afterEach(() => void vi.useRealTimers());

function fakeNotes() {
  const notes: Note[] = [];
  let id = 0;
  return {
    notes,
    list: vi.fn(async () => notes.filter((n) => !n.deleted).sort((a, b) => b.createdAt.localeCompare(a.createdAt))),
    create: vi.fn(async (text: string) => {
      const at = new Date(Date.UTC(2026, 10, 20, 10, id)).toISOString();
      const note: Note = { id: `n${++id}`, courseKey: KEY, text, shared: false, createdAt: at, updatedAt: at };
      notes.push(note);
      return note;
    }),
    update: vi.fn(async (noteId: string, patch: Partial<Note>) => Object.assign(notes.find((n) => n.id === noteId)!, patch)),
    remove: vi.fn(async (noteId: string) => Object.assign(notes.find((n) => n.id === noteId)!, { deleted: true })),
    restore: vi.fn(async (noteId: string) => Object.assign(notes.find((n) => n.id === noteId)!, { deleted: false })),
  };
}

const newNote = () => screen.getByLabelText<HTMLTextAreaElement>('Ny reflektion');
const typeInto = (field: HTMLTextAreaElement, value: string) => fireEvent.input(field, { target: { value } });
const listed = () => within(screen.getByRole('list', { name: 'Tidigare reflektioner' })).queryAllByRole('listitem');

describe('NotesPanel', () => {
  it('saves after typing pauses: one note, then updates to it', async () => {
    vi.useFakeTimers();
    const api = fakeNotes();
    render(<NotesPanel courseTitle="Skapa en podd" close={vi.fn()} debounceMs={DEBOUNCE} {...api} />);
    typeInto(newNote(), 'Först');
    await vi.advanceTimersByTimeAsync(DEBOUNCE - 100);
    typeInto(newNote(), 'Först och');
    // The second keystroke restarted the wait.
    await vi.advanceTimersByTimeAsync(DEBOUNCE - 1);
    expect(api.create).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(api.create).toHaveBeenCalledTimes(1);
    expect(api.create).toHaveBeenCalledWith('Först och');
    expect(screen.getByRole('status').textContent).toBe('Sparad');
    typeInto(newNote(), 'Först och sist');
    await vi.advanceTimersByTimeAsync(DEBOUNCE);
    expect(api.create).toHaveBeenCalledTimes(1);
    expect(api.update).toHaveBeenCalledWith('n1', { text: 'Först och sist' });
  });

  it('lists notes, shares one, deletes and undoes', async () => {
    const api = fakeNotes();
    await api.create('Gammal tanke');
    const { container } = render(<NotesPanel courseTitle="Skapa en podd" close={vi.fn()} debounceMs={DEBOUNCE} {...api} />);
    const item = await screen.findByRole('listitem');
    expect(item.querySelector('.note-text')?.textContent).toBe('Gammal tanke');
    await expectAccessible(container);

    const share = within(item).getByRole<HTMLInputElement>('switch', { name: 'Dela till diskussionen' });
    expect(share.checked).toBe(false);
    fireEvent.click(share);
    await waitFor(() => expect(api.update).toHaveBeenCalledWith('n1', { shared: true }));

    fireEvent.click(within(item).getByRole('button', { name: 'Ta bort' }));
    await waitFor(() => expect(listed()).toHaveLength(0));
    const undo = screen.getByText('Reflektionen togs bort.', { exact: false });
    fireEvent.click(within(undo).getByRole('button', { name: 'Ångra' }));
    await waitFor(() => expect(listed()).toHaveLength(1));
  });

  it('saves what is pending before closing', async () => {
    const api = fakeNotes();
    const close = vi.fn();
    render(<NotesPanel courseTitle="Skapa en podd" close={close} debounceMs={10_000} {...api} />);
    typeInto(newNote(), 'Hinner sparas');
    fireEvent.click(screen.getByRole('button', { name: 'Stäng Mina reflektioner' }));
    await waitFor(() => expect(close).toHaveBeenCalled());
    expect(api.create).toHaveBeenCalledWith('Hinner sparas');
  });
});
