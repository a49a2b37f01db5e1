import { render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { noteSchema } from '../../lib/model/note';
import { expectAccessible } from '../../test/unit/axe';
import { NotesView } from './NotesView';

const note = noteSchema.parse({
  id: 'n1',
  courseKey: 'digiteket.se/kurs/skapa-en-podd/',
  courseTitle: 'Skapa en podd',
  text: 'Bokpoddar med skolklasser?',
  shared: false,
  createdAt: '2026-11-20T10:00:00Z',
  updatedAt: '2026-11-20T10:00:00Z',
});

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
});
