import { render } from 'preact';
import { NotesView } from '../../components/notes/NotesView';
import { whenOpen } from '../../components/shared/StoreUnavailable';
import { t } from '../../lib/text/i18n';
import { openReader } from '../../lib/storage/store';

performance.mark('kurskompis-script-start');
// Asked for first: the database opens while the browser hands this page its message catalogue
// (the first t() waits for it).
const opening = openReader();
document.documentElement.lang = t('localeCode');
document.title = `${t('notesTitle')} – ${t('extName')}`;

void whenOpen(opening, t('notesTitle'), (store) => {
  performance.mark('kurskompis-db-open');
  render(
    <NotesView
      load={async () => {
        const [notes, stored] = await Promise.all([store.allNotes(), store.activePlan()]);
        performance.mark('kurskompis-notes-read');
        return { notes, plan: stored?.plan };
      }}
      loadRecent={async (limit) => {
        const [notes, stored] = await Promise.all([store.recentNotes(limit), store.activePlan()]);
        return { notes, plan: stored?.plan };
      }}
      discussionHref="/discussion.html"
    />,
    document.getElementById('app') as HTMLElement,
  );
});
