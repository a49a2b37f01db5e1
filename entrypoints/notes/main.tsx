import { render } from 'preact';
import { NotesView, firstScreen, type NotesLoaded } from '../../components/notes/NotesView';
import { whenOpen } from '../../components/shared/StoreUnavailable';
import { t } from '../../lib/text/i18n';
import { openReader, type StoreReader } from '../../lib/storage/store';
import type { Note } from '../../lib/model/note';

performance.mark('kurskompis-script-start');

/** Notes as they are read, with the plan they are grouped by. */
async function read(store: StoreReader, notes: Promise<Note[]>): Promise<NotesLoaded> {
  const [list, stored] = await Promise.all([notes, store.activePlan()]);
  return { notes: list, plan: stored?.plan };
}

// Asked for first: the database opens while the browser hands this page its message catalogue
// (the first t() waits for it), and a screenful of the newest notes is asked for the moment it
// is open, so that the page is drawn once, with them; the rest is read after that frame.
const opening = openReader().then(async (store) => {
  performance.mark('kurskompis-db-open');
  return { store, newest: await read(store, store.recentNotes(firstScreen())) };
});
document.documentElement.lang = t('localeCode');
document.title = `${t('notesTitle')} – ${t('extName')}`;

void whenOpen(opening, t('notesTitle'), ({ store, newest }) => {
  render(
    <NotesView
      newest={newest}
      loadRecent={async (limit) => ({ notes: await store.recentNotes(limit), plan: newest.plan })}
      load={async () => {
        const loaded = await read(store, store.allNotes());
        performance.mark('kurskompis-notes-read');
        return loaded;
      }}
      discussionHref="/discussion.html"
    />,
    document.getElementById('app') as HTMLElement,
  );
});
