import { render } from 'preact';
import { browser } from 'wxt/browser';
import { NotesPanel } from '../../components/notes/NotesPanel';
import { t } from '../../lib/text/i18n';
import { send, sendToTab } from '../../lib/messages/send';
import { panelCourse } from './grant';
import { draftStore, extensionAlive, notesOf, saver } from './notes-api';

// The notes panel, shown in an iframe beside a Digiteket course. It is an extension page, so
// what is typed here is out of reach of the site's own scripts. Inside a site's page the
// browser gives a frame partitioned (or no) storage, so the notes go through the background,
// which owns the database, and drafts go to the extension's own storage (notes-api.ts).

document.documentElement.lang = t('localeCode');
document.title = t('notesTitle');
const course = await panelCourse();
const key = course?.key ?? null;
const title = course?.title ?? '';

const closePanel = async () => {
  try {
    const tab = await browser.tabs.getCurrent();
    if (tab?.id !== undefined) await sendToTab(tab.id, { type: 'closeNotes' });
  } catch {
    // An orphaned panel (the extension was reloaded) cannot reach its tab; it says so itself.
  }
};

const app = document.getElementById('app') as HTMLElement;
if (!key) {
  app.textContent = t('notesPanelRefused');
} else {
  render(
    <NotesPanel
      courseKey={key}
      courseTitle={title}
      list={() => notesOf(key)}
      saver={saver}
      share={(id, shared) => send({ type: 'noteUpdate', id, patch: { shared } })}
      remove={(id) => send({ type: 'noteRemove', id })}
      restore={(id) => send({ type: 'noteRestore', id })}
      drafts={draftStore()}
      alive={extensionAlive}
      close={() => void closePanel()}
    />,
    app,
  );
  document.getElementById('draft')?.focus();
}
