import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { NotesView } from '../../components/notes/NotesView';
import type { Note } from '../../lib/model/note';

// A note stored with a key for another site (kept from before keys were checked where they
// come in) must not become a link away from Digiteket in "Alla reflektioner".

const AT = '2026-11-20T10:00:00.000Z';
const note = (id: string, courseKey: string, courseTitle: string): Note => ({ id, courseKey, courseTitle, text: `Om ${courseTitle}`, shared: true, createdAt: AT, updatedAt: AT });

describe('"Alla reflektioner" with a note on a foreign site', () => {
  it('shows the foreign note’s course as text, and links Digiteket’s own courses', async () => {
    const notes = [note('a', 'digiteket.se.evil.example/kurs/x/', 'Klicka här'), note('b', 'digiteket.se/kurs/skapa-en-podd/', 'Skapa en podd')];
    render(<NotesView load={async () => ({ notes, plan: undefined })} discussionHref="discussion.html" />);
    await screen.findByText('Om Klicka här');
    expect(screen.getByRole('heading', { name: 'Klicka här' }).querySelector('a')).toBeNull();
    expect(screen.getByRole('link', { name: 'Skapa en podd' }).getAttribute('href')).toBe('https://digiteket.se/kurs/skapa-en-podd/');
    for (const link of screen.getAllByRole('link')) expect(link.getAttribute('href')).not.toContain('evil');
  });
});
