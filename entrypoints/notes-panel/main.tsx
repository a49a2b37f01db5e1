import { render } from 'preact';
import { browser } from 'wxt/browser';
import { NotesPanel } from '../../components/notes/NotesPanel';
import { t } from '../../lib/text/i18n';
import type { Answer } from '../../lib/messages/protocol';
import { send, sendToTab } from '../../lib/messages/send';
import { panelCourse } from './grant';

// The notes panel, shown in an iframe beside a Digiteket course. It is an extension page, so
// what is typed here is out of reach of the site's own scripts. Inside a site's page the
// browser gives a frame partitioned (or no) storage, so the notes go through the background,
// which owns the database.

document.documentElement.lang = t('localeCode');
document.title = t('notesTitle');
const course = await panelCourse();
const key = course?.key ?? null;
const title = course?.title ?? '';

const closePanel = async () => {
  const tab = await browser.tabs.getCurrent();
  if (tab?.id !== undefined) await sendToTab(tab.id, { type: 'closeNotes' });
};

// The panel says "Kunde inte spara" and keeps the text when a call fails: a failed answer
// (the worker refused it, or never got it) is thrown as such.
class NotSaved extends Error {}
const noted = async (answer: Promise<Answer<'noteCreate'> | Answer<'noteUpdate'>>) => {
  const result = await answer;
  if (!result.ok) throw new NotSaved(result.error);
  return result.note;
};

const app = document.getElementById('app') as HTMLElement;
if (!key) {
  app.textContent = t('notesPanelRefused');
} else {
  render(
    <NotesPanel
      courseTitle={title}
      list={async () => {
        const result = await send({ type: 'notesOf', key });
        if (!result.ok) throw new NotSaved(result.error);
        return result.notes;
      }}
      create={(text) => noted(send({ type: 'noteCreate', key, title, text }))}
      update={(id, patch) => noted(send({ type: 'noteUpdate', id, patch }))}
      remove={(id) => noted(send({ type: 'noteRemove', id }))}
      restore={(id) => noted(send({ type: 'noteRestore', id }))}
      close={() => void closePanel()}
    />,
    app,
  );
  document.getElementById('draft')?.focus();
}
