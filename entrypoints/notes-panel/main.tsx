import { render } from 'preact';
import { browser } from 'wxt/browser';
import { NotesPanel } from '../../components/notes/NotesPanel';
import { courseKey } from '../../lib/course-key';
import { t } from '../../lib/i18n';
import { send } from '../../lib/messaging';

// The notes panel, shown in an iframe beside a Digiteket course. It is an extension page, so
// what is typed here is out of reach of the site's own scripts. Inside a site's page the
// browser gives a frame partitioned (or no) storage, so the notes go through the background,
// which owns the database.

document.documentElement.lang = t('localeCode');
document.title = t('notesTitle');
const params = new URLSearchParams(location.search);
const key = courseKey(`https://${params.get('key') ?? ''}`);
const title = params.get('title') ?? '';

const closePanel = async () => {
  const tab = await browser.tabs.getCurrent();
  if (tab?.id !== undefined) await browser.tabs.sendMessage(tab.id, { type: 'closeNotes' });
};

const app = document.getElementById('app') as HTMLElement;
if (!key) {
  app.textContent = t('notesNoCourse');
} else {
  render(
    <NotesPanel
      courseTitle={title}
      list={() => send({ type: 'notesOf', key })}
      create={(text) => send({ type: 'noteCreate', key, title, text })}
      update={(id, patch) => send({ type: 'noteUpdate', id, patch })}
      remove={(id) => send({ type: 'noteRemove', id })}
      restore={(id) => send({ type: 'noteRestore', id })}
      close={() => void closePanel()}
    />,
    app,
  );
  document.getElementById('draft')?.focus();
}
