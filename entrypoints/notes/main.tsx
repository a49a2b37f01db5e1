import { render } from 'preact';
import { NotesView } from '../../components/notes/NotesView';
import { t } from '../../lib/i18n';
import { openDatabase, Store } from '../../lib/store';

document.documentElement.lang = t('localeCode');
document.title = `${t('notesTitle')} – ${t('extName')}`;

void openDatabase().then((db) => {
  const store = new Store(db);
  render(
    <NotesView
      load={async () => {
        const [notes, stored] = await Promise.all([store.allNotes(), store.activePlan()]);
        return { notes, plan: stored?.plan };
      }}
      discussionHref="/discussion.html"
    />,
    document.getElementById('app') as HTMLElement,
  );
});
