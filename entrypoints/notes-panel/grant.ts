import { send } from '../../lib/messages/send';
import { courseKey } from '../../lib/site/course-key';

// The notes panel opens only on a ticket the content script put in this frame's address; the
// background trades it once for the course (lib/services/panel-tickets.ts says why). A frame
// the page made has no ticket, or one that is guessed or already used: it gets nothing.

export interface PanelCourse {
  key: string;
  title: string;
}

const TICKET = /^[0-9a-f]{64}$/;

/** The course this panel is for, or null: then it shows no notes and sends nothing more. */
export async function panelCourse(): Promise<PanelCourse | null> {
  const ticket = location.hash.slice(1);
  // Used up either way: out of the address, so a reload or the history carries nothing further.
  if (location.hash) history.replaceState(null, '', location.pathname);
  if (!TICKET.test(ticket)) return null;
  const answer = await send({ type: 'notesPanelOpen', ticket });
  if (!answer.ok) return null;
  const key = courseKey(`https://${answer.key}`);
  return key ? { key, title: answer.title } : null;
}
