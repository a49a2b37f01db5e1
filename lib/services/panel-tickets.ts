import { z } from 'zod';

// Who may open the notes panel inside a Digiteket page.
//
// The panel (notes-panel.html) has to be a web-accessible resource, or our own frame could not
// load it inside the course page; and web-accessible means a script of Digiteket's page can
// frame it too, invisible, over its own content, and steer the user's click onto "Dela till
// diskussionen". The ways out, and why this one:
// - The browser's side panel cannot be framed by any page, but it is Chrome's `sidePanel` and
//   Firefox's `sidebar_action`, two APIs that open only on a gesture in browser chrome, and it
//   takes the notes away from beside the course: not chosen.
// - `use_dynamic_url` (Chrome only) gives the panel an address that changes every session, so
//   a page cannot guess it; a page that learned it once could frame it for the rest of the
//   session. Used as a second layer where the browser has it.
// - A one-time ticket, here. The content script of the tab's top frame (the browser names the
//   sender's tab and frame; nothing the page says counts) asks for a ticket for its course.
//   The ticket travels in the fragment of the address of the frame that content script
//   creates, inside a closed shadow root: the page cannot reach that element, and in Chromium
//   and Firefox a frame in a shadow tree is neither in `window.frames` nor in the page's
//   resource timing. The panel trades the ticket for its course once; the trade must come
//   from one of our pages framed in the same tab, within a minute, and the grant is bound to
//   that frame's document. A frame the page made has no ticket, or a guessed, replayed,
//   expired or another tab's one: it shows nothing and can do nothing, and the worker refuses
//   note messages from any framed page of ours that holds no grant.
// What the page can still do to our own panel: restyle or cover the element that holds it
// (it sits in the page's DOM). That hides or blocks the panel; it does not reach the notes.

/** Where a message came from, as the browser names it. */
export interface SenderPlace {
  tabId: number;
  /** 0 is the tab's top frame. */
  frameId: number;
  /** The document in that frame, where the browser says (a new page in the frame is a new one). */
  documentId?: string;
}

/** What a granted panel is for. */
export interface PanelGrant {
  key: string;
  title: string;
}

/** The kept tickets and grants, in storage that lasts as long as the browser session. */
export interface TicketStore {
  read(): Promise<unknown>;
  write(value: unknown): Promise<void>;
}

/** Our frame loads from disk in milliseconds; a minute covers a slow, busy machine. */
export const TICKET_LIFETIME_MS = 60_000;
const TICKETS_PER_TAB = 4;
const GRANTS_KEPT = 64;

const place = { tabId: z.number().int(), frameId: z.number().int(), documentId: z.string().max(200).optional() };
const keptSchema = z.object({
  tickets: z.array(z.object({ token: z.string(), tabId: z.number().int(), key: z.string(), title: z.string(), expiresAt: z.number() })),
  grants: z.array(z.object({ ...place, key: z.string(), title: z.string() })),
});
type Kept = z.infer<typeof keptSchema>;

/** 256 random bits as hex: nothing to guess. */
export function newTicket(): string {
  return [...crypto.getRandomValues(new Uint8Array(32))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const sameFrame = (a: SenderPlace, b: SenderPlace) => a.tabId === b.tabId && a.frameId === b.frameId && a.documentId === b.documentId;

export class PanelTickets {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: TicketStore,
    private readonly token: () => string = newTicket,
  ) {}

  /** A ticket for the panel of `key`, only for a content script in the top frame of a tab. */
  issue(site: SenderPlace, key: string, title: string, now: Date): Promise<string | null> {
    if (site.frameId !== 0) return Promise.resolve(null);
    return this.change((kept) => {
      const token = this.token();
      const live = kept.tickets.filter((ticket) => ticket.expiresAt > now.getTime());
      const others = live.filter((ticket) => ticket.tabId !== site.tabId);
      const tab = live.filter((ticket) => ticket.tabId === site.tabId).slice(-(TICKETS_PER_TAB - 1));
      kept.tickets = [...others, ...tab, { token, tabId: site.tabId, key, title, expiresAt: now.getTime() + TICKET_LIFETIME_MS }];
      return token;
    });
  }

  /**
   * Trades a ticket for its course, once: from one of our pages framed in the tab the ticket
   * was issued to, before it expires. Any attempt uses the ticket up.
   */
  redeem(token: string, frame: SenderPlace, now: Date): Promise<PanelGrant | null> {
    if (frame.frameId === 0) return Promise.resolve(null);
    return this.change((kept) => {
      const ticket = kept.tickets.find((t) => t.token === token);
      kept.tickets = kept.tickets.filter((t) => t !== ticket && t.expiresAt > now.getTime());
      if (!ticket || ticket.expiresAt <= now.getTime() || ticket.tabId !== frame.tabId) return null;
      const grant = { key: ticket.key, title: ticket.title };
      kept.grants = [...kept.grants.filter((g) => !sameFrame(g, frame)), { ...frame, ...grant }].slice(-GRANTS_KEPT);
      return grant;
    });
  }

  /** What the framed page at `frame` was granted, if anything. */
  async grantOf(frame: SenderPlace): Promise<PanelGrant | null> {
    await this.queue;
    const grant = (await this.read()).grants.find((g) => sameFrame(g, frame));
    return grant ? { key: grant.key, title: grant.title } : null;
  }

  /** A closed tab's tickets and grants go with it. */
  forgetTab(tabId: number): Promise<void> {
    return this.change((kept) => {
      kept.tickets = kept.tickets.filter((t) => t.tabId !== tabId);
      kept.grants = kept.grants.filter((g) => g.tabId !== tabId);
    });
  }

  private async read(): Promise<Kept> {
    const parsed = keptSchema.safeParse(await this.store.read());
    return parsed.success ? parsed.data : { tickets: [], grants: [] };
  }

  /** One change at a time: two tickets issued at once must not lose one another. */
  private change<T>(edit: (kept: Kept) => T): Promise<T> {
    const next = this.queue.then(async () => {
      const kept = await this.read();
      const result = edit(kept);
      await this.store.write(kept);
      return result;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}
