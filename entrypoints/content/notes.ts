import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { t } from '../../lib/text/i18n';
import { parseTabRequest } from '../../lib/messages/tab';
import { NOTES_TAB_CSS } from './styles';
import { mountNotesFrame, type NotesFrame } from './notes-frame';
import { closedHost } from './shadow-host';
import { onUserEvent } from './trusted';

// The "Mina reflektioner" tab at the page edge and the notes panel it opens. The panel is an
// extension page in an iframe: the site's scripts (analytics, session recording) cannot read
// what is typed in it. The iframe is only created the first time the panel is opened.

export interface NotesDock {
  toggle(): void;
  close(): void;
  remove(): void;
}

export function mountNotesDock(ctx: ContentScriptContext, key: string, title: string): NotesDock {
  const { host, shadow } = closedHost(ctx, { tag: { span: 'notes-tab' }, css: NOTES_TAB_CSS, isolateKeys: true });
  const tab = document.createElement('button');
  tab.type = 'button';
  tab.className = 'tab';
  tab.textContent = t('notesTitle');
  tab.setAttribute('aria-expanded', 'false');
  tab.setAttribute('aria-keyshortcuts', 'Alt+Shift+N');
  shadow.append(tab);
  document.body.append(host);

  let panel: NotesFrame | null = null;
  let open = false;

  const setOpen = (value: boolean) => {
    open = value;
    tab.setAttribute('aria-expanded', String(open));
    if (open && !panel) panel = mountNotesFrame(ctx, key, title);
    if (panel) {
      panel.wrapper.style.display = open ? 'block' : 'none';
      if (open) panel.iframe.focus();
      else tab.focus();
    }
  };

  onUserEvent(tab, 'click', () => setOpen(!open));
  const onMessage = (message: unknown) => {
    const request = parseTabRequest(message);
    if (request?.type === 'toggleNotes') setOpen(!open);
    if (request?.type === 'closeNotes' && open) setOpen(false);
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

  return {
    toggle: () => setOpen(!open),
    close: () => setOpen(false),
    remove() {
      browser.runtime.onMessage.removeListener(onMessage);
      panel?.remove();
      host.remove();
    },
  };
}
