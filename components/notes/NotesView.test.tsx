import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { render as draw } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { noteSchema, type Note } from '../../lib/model/note';
import { foldForSearch } from '../../lib/domain/notes';
import { expectAccessible } from '../../test/unit/axe';
import { NotesView, PAGE, firstScreen, type NotesLoaded } from './NotesView';
import { expectSaidUnreadable, quietErrors, unreadable } from '../../test/support/unreadable';

const note = noteSchema.parse({
  id: 'n1',
  courseKey: 'digiteket.se/kurs/skapa-en-podd/',
  courseTitle: 'Skapa en podd',
  text: 'Bokpoddar med skolklasser?',
  shared: false,
  createdAt: '2026-11-20T10:00:00Z',
  updatedAt: '2026-11-20T10:00:00Z',
});

/** `count` notes over 30 courses, one a minute, the oldest first; the one at `oldIndex` mentions lånecykler. */
function history(count: number, oldIndex = 3): Note[] {
  return Array.from({ length: count }, (_, i) =>
    noteSchema.parse({
      id: `n-${String(i).padStart(4, '0')}`,
      courseKey: `digiteket.se/kurs/kurs-${i % 30}/`,
      courseTitle: `Kurs ${i % 30}`,
      text: i === oldIndex ? `Reflektion ${i}: om lånecykler på biblioteket` : `Reflektion ${i}: om källkritik`,
      shared: i % 5 === 0,
      createdAt: new Date(Date.UTC(2026, 8, 1) + i * 60_000).toISOString(),
      updatedAt: new Date(Date.UTC(2026, 8, 1) + i * 60_000).toISOString(),
    }),
  );
}

/** The newest `count` notes, newest first, as the page reads them. */
const newestOf = (notes: Note[], count: number): NotesLoaded => ({ notes: [...notes].reverse().slice(0, count), plan: undefined });

/** A read that answers when the test says so. */
function held<Args extends unknown[]>(answerFor: (...args: Args) => NotesLoaded) {
  let answer = () => {};
  const read = vi.fn((...args: Args) => new Promise<NotesLoaded>((resolve) => (answer = () => resolve(answerFor(...args)))));
  return { read, answer: () => answer() };
}

describe('NotesView', () => {
  it('with no reflections yet says what the page is for and links to the courses on Digiteket', async () => {
    const { container } = render(<NotesView load={async () => ({ notes: [], plan: undefined })} discussionHref="/discussion.html" />);
    const none = await screen.findByTestId('notes-none');
    expect(none.textContent).toMatch(/^Här samlas dina reflektioner/);
    const link = within(none).getByRole('link', { name: 'Till kurserna på Digiteket' });
    expect(link.getAttribute('href')).toBe('https://digiteket.se/kurser/');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    await expectAccessible(container);
  });

  it('shows the reflections instead once there is one', async () => {
    render(<NotesView load={async () => ({ notes: [note], plan: undefined })} discussionHref="/discussion.html" />);
    await screen.findByText('Bokpoddar med skolklasser?');
    expect(screen.queryByTestId('notes-none')).toBeNull();
  });

  it('reads a screenful for its first frame, at least ten notes and at most a page', () => {
    expect(firstScreen(720)).toBe(15);
    expect(firstScreen(200)).toBe(10);
    expect(firstScreen(2160)).toBe(45);
    expect(firstScreen(100_000)).toBe(PAGE);
  });

  it('draws the newest notes it was given in its first frame, then the rest of the first page and everything once that frame is painted', async () => {
    const all = history(250);
    const rest = held((limit: number) => newestOf(all, limit));
    const everything = held(() => ({ notes: all, plan: undefined }));
    const root = document.body.appendChild(document.createElement('div'));
    try {
      draw(<NotesView newest={newestOf(all, 15)} loadRecent={rest.read} load={everything.read} discussionHref="/discussion.html" />, root);
      // The first frame, as drawn: no waiting for a read.
      const first = root.querySelectorAll('.note');
      expect(first).toHaveLength(15);
      expect(first[0]?.querySelector('.note-text')?.textContent).toBe('Reflektion 249: om källkritik');
      expect(root.querySelector('main')?.getAttribute('aria-busy')).toBe('false');
      expect(root.querySelector('[data-testid="notes-count"]')?.textContent).toBe('Läser in alla reflektioner…');
      expect(rest.read).not.toHaveBeenCalled();
      expect(everything.read).not.toHaveBeenCalled();
      // Once it is on screen: the rest of the first page and everything are asked for.
      await waitFor(() => expect(everything.read).toHaveBeenCalledTimes(1));
      expect(rest.read).toHaveBeenCalledExactlyOnceWith(PAGE);
      rest.answer();
      await waitFor(() => expect(root.querySelectorAll('.note')).toHaveLength(PAGE));
      // "Visa fler" only once everything is read: until then the page has no more to show.
      expect([...root.querySelectorAll('button')].map((b) => b.textContent)).not.toContain('Visa fler');
      everything.answer();
      await waitFor(() => expect(root.querySelector('[data-testid="notes-count"]')?.textContent).toBe('250 reflektioner'));
      expect(root.querySelectorAll('.note')).toHaveLength(PAGE);
      // The same hundred, the newest (grouped by course, as always).
      expect([...root.querySelectorAll('.note-text')].map((n) => n.textContent).sort()).toEqual(
        [...all].reverse().slice(0, PAGE).map((n) => n.text).sort(),
      );
    } finally {
      draw(null, root);
      root.remove();
    }
  });

  it('keeps everything once read when the first page comes after it', async () => {
    const all = history(250);
    const rest = held((limit: number) => newestOf(all, limit));
    render(<NotesView newest={newestOf(all, 15)} loadRecent={rest.read} load={async () => ({ notes: all, plan: undefined })} discussionHref="/discussion.html" />);
    await waitFor(() => expect(screen.getByTestId('notes-count').textContent).toBe('250 reflektioner'));
    rest.answer();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(screen.getByTestId('notes-count').textContent).toBe('250 reflektioner');
    expect(screen.getByRole('button', { name: 'Visa fler' })).toBeTruthy();
  });

  it('keeps what is typed while everything is read, and then searches every note, not only the newest', async () => {
    const all = history(250, 3);
    const everything = held(() => ({ notes: all, plan: undefined }));
    render(<NotesView newest={newestOf(all, 15)} loadRecent={async (limit) => newestOf(all, limit)} load={everything.read} discussionHref="/discussion.html" />);
    await waitFor(() => expect(document.querySelectorAll('.note')).toHaveLength(PAGE));
    const search = screen.getByLabelText('Sök i reflektionerna') as HTMLInputElement;
    fireEvent.input(search, { target: { value: 'lanecykler' } });
    await waitFor(() => expect(document.querySelectorAll('.note')).toHaveLength(0));
    expect(screen.getByTestId('notes-count').textContent).toBe('Läser in alla reflektioner…');
    everything.answer();
    await screen.findByText('Reflektion 3: om lånecykler på biblioteket');
    expect(search.value).toBe('lanecykler');
    expect(screen.getByTestId('notes-count').textContent).toBe('1 reflektioner');
    fireEvent.input(search, { target: { value: '' } });
    await waitFor(() => expect(screen.getByTestId('notes-count').textContent).toBe('250 reflektioner'));
    fireEvent.click(await screen.findByRole('button', { name: 'Visa fler' }));
    await waitFor(() => expect(document.querySelectorAll('.note')).toHaveLength(2 * PAGE));
  });

  it('a search or filter that brings a new page draws a screenful at once and the rest once that is painted, with no "Visa fler" before', async () => {
    const all = history(250, 3);
    render(<NotesView load={async () => ({ notes: all, plan: undefined })} discussionHref="/discussion.html" />);
    await waitFor(() => expect(screen.getByTestId('notes-count').textContent).toBe('250 reflektioner'));
    expect(document.querySelectorAll('.note')).toHaveLength(PAGE);
    const texts = () => [...document.querySelectorAll('.note-text')].map((n) => n.textContent ?? '');
    const search = screen.getByLabelText('Sök i reflektionerna');

    // The same hundred notes: drawn as they are, at once.
    fireEvent.input(search, { target: { value: 'kallkritik' } });
    await waitFor(() => expect(screen.getByTestId('notes-count').textContent).toBe('249 reflektioner'));
    expect(texts()).toHaveLength(PAGE);
    expect(screen.getByRole('button', { name: 'Visa fler' })).toBeTruthy();

    // Every note with both words: a third of the page is new.
    const found = [...all].reverse().filter((n) => ['kurs', '1'].every((word) => foldForSearch(`${n.courseTitle}\n${n.text}`).includes(word)));
    expect(found.slice(0, PAGE).filter((n) => !texts().includes(n.text)).length).toBeGreaterThan(firstScreen());
    fireEvent.input(search, { target: { value: 'kurs 1' } });
    await waitFor(() => expect(screen.getByTestId('notes-count').textContent).toBe(`${found.length} reflektioner`));
    const cut = texts();
    expect(cut).toHaveLength(firstScreen());
    expect(screen.queryByRole('button', { name: 'Visa fler' })).toBeNull();
    await waitFor(() => expect(texts()).toHaveLength(PAGE));
    // The first frame is the top of the page as it stands: the rest is added below it.
    expect(texts().slice(0, firstScreen())).toEqual(cut);
    expect(texts().sort()).toEqual(found.slice(0, PAGE).map((n) => n.text).sort());
    expect(screen.getByRole('button', { name: 'Visa fler' })).toBeTruthy();

    // A filter that brings a screenful of notes not drawn yet is drawn the same way.
    const privateOnes = found.filter((n) => !n.shared);
    expect(privateOnes.slice(0, PAGE).filter((n) => !texts().includes(n.text)).length).toBeGreaterThan(firstScreen());
    fireEvent.click(screen.getByRole('radio', { name: 'Privata' }));
    await waitFor(() => expect(screen.getByTestId('notes-count').textContent).toBe(`${privateOnes.length} reflektioner`));
    const privateCut = texts();
    expect(privateCut).toHaveLength(firstScreen());
    await waitFor(() => expect(texts()).toHaveLength(PAGE));
    expect(texts().slice(0, firstScreen())).toEqual(privateCut);
    expect(texts().sort()).toEqual(privateOnes.slice(0, PAGE).map((n) => n.text).sort());

    // After "Visa fler", a new filter starts its list at its first page again.
    fireEvent.click(screen.getByRole('button', { name: 'Visa fler' }));
    await waitFor(() => expect(texts()).toHaveLength(Math.min(2 * PAGE, privateOnes.length)));
    fireEvent.click(screen.getByRole('radio', { name: 'Alla' }));
    await waitFor(() => expect(screen.getByTestId('notes-count').textContent).toBe(`${found.length} reflektioner`));
    await waitFor(() => expect(texts()).toHaveLength(PAGE));
    expect(texts().sort()).toEqual(found.slice(0, PAGE).map((n) => n.text).sort());
    await screen.findByRole('button', { name: 'Visa fler' });
  });
});

describe('NotesView, when the saved notes cannot be read', () => {
  it('says so under its heading with a way to reload, instead of a page that stays busy', async () => {
    const errors = quietErrors();
    render(<NotesView load={unreadable} loadRecent={unreadable} discussionHref="/discussion.html" />);
    await expectSaidUnreadable('Mina reflektioner');
    expect(errors).toHaveBeenCalled();
  });

  it('keeps the newest notes it drew and says the rest could not be read', async () => {
    quietErrors();
    const all = history(40);
    render(<NotesView newest={newestOf(all, 15)} load={unreadable} discussionHref="/discussion.html" />);
    expect((await screen.findByTestId('read-failed')).textContent).toMatch(/^Bara de senaste reflektionerna visas: resten kunde inte läsas just nu\./);
    expect(document.querySelectorAll('.note')).toHaveLength(15);
    expect(screen.getByTestId('notes-count').textContent).toBe('');
  });
});
