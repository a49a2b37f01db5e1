import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Note } from '../../lib/model/note';
import { NotesPanel } from './NotesPanel';

const KEY = 'digiteket.se/kurs/skapa-en-podd/';
let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

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

const tick = (ms = 0) => act(async () => void (await new Promise((r) => setTimeout(r, ms))));

async function type(el: HTMLTextAreaElement, value: string) {
  await act(async () => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('NotesPanel', () => {
  it('saves after typing pauses: one note, then updates to it', async () => {
    const api = fakeNotes();
    root = document.createElement('div');
    document.body.append(root);
    await act(async () => render(<NotesPanel courseTitle="Skapa en podd" close={vi.fn()} debounceMs={20} {...api} />, root));
    const draft = root.querySelector<HTMLTextAreaElement>('#draft')!;
    await type(draft, 'Först');
    await type(draft, 'Först och');
    expect(api.create).not.toHaveBeenCalled();
    await tick(40);
    expect(api.create).toHaveBeenCalledTimes(1);
    expect(api.create).toHaveBeenCalledWith('Först och');
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Sparad');
    await type(draft, 'Först och sist');
    await tick(40);
    expect(api.create).toHaveBeenCalledTimes(1);
    expect(api.update).toHaveBeenCalledWith('n1', { text: 'Först och sist' });
  });

  it('lists notes, shares one, deletes and undoes', async () => {
    const api = fakeNotes();
    await api.create('Gammal tanke');
    root = document.createElement('div');
    document.body.append(root);
    await act(async () => render(<NotesPanel courseTitle="Skapa en podd" close={vi.fn()} debounceMs={20} {...api} />, root));
    await tick();
    const item = root.querySelector('.note')!;
    expect(item.querySelector('.note-text')?.textContent).toBe('Gammal tanke');
    const share = item.querySelector<HTMLInputElement>('input[role="switch"]')!;
    expect(share.checked).toBe(false);
    expect(root.querySelector(`label[for="${share.id}"]`)?.textContent).toBe('Dela till diskussionen');
    await act(async () => share.click());
    expect(api.update).toHaveBeenCalledWith('n1', { shared: true });
    const remove = [...item.querySelectorAll('button')].find((b) => b.textContent === 'Ta bort')!;
    await act(async () => remove.click());
    await tick();
    expect(root.querySelectorAll('.note')).toHaveLength(0);
    expect(root.querySelector('.undo')?.textContent).toContain('Reflektionen togs bort.');
    await act(async () => root.querySelector<HTMLButtonElement>('.undo button')!.click());
    await tick();
    expect(root.querySelectorAll('.note')).toHaveLength(1);
  });

  it('saves what is pending before closing', async () => {
    const api = fakeNotes();
    const close = vi.fn();
    root = document.createElement('div');
    document.body.append(root);
    await act(async () => render(<NotesPanel courseTitle="Skapa en podd" close={close} debounceMs={10_000} {...api} />, root));
    await type(root.querySelector<HTMLTextAreaElement>('#draft')!, 'Hinner sparas');
    await act(async () => root.querySelector<HTMLButtonElement>('button.close')!.click());
    await tick();
    expect(api.create).toHaveBeenCalledWith('Hinner sparas');
    expect(close).toHaveBeenCalled();
  });
});
