import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { send } from '../../lib/messages/send';
import { t } from '../../lib/text/i18n';
import { NOTES_FRAME_CSS } from './styles';
import { closedHost } from './shadow-host';

// The frame that shows the notes panel beside a course. The panel opens only with a one-time
// ticket from the background, carried in the fragment of this frame's address; the frame sits
// in a closed shadow root, so the page can neither read that address nor reach the frame (why
// a ticket, and what else was weighed: lib/services/panel-tickets.ts).

export interface NotesFrame {
  /** The box that holds the frame (inside the closed root): shown and hidden with the panel. */
  wrapper: HTMLElement;
  iframe: HTMLIFrameElement;
  remove(): void;
}

export function mountNotesFrame(ctx: ContentScriptContext, key: string, title: string): NotesFrame {
  const { host, shadow, remove } = closedHost(ctx, { tag: { span: 'notes-panel' }, css: NOTES_FRAME_CSS });
  const wrapper = document.createElement('div');
  wrapper.className = 'frame';
  const iframe = document.createElement('iframe');
  iframe.title = t('notesTitle');
  wrapper.append(iframe);
  shadow.append(wrapper);
  document.body.append(host);

  const page = browser.runtime.getURL('/notes-panel.html');
  void send({ type: 'notesPanelTicket', key, title }).then((answer) => {
    if (!host.isConnected) return;
    // Without a ticket the panel only says how to open it.
    iframe.src = answer.ok ? `${page}#${answer.ticket}` : page;
  });
  return { wrapper, iframe, remove };
}
