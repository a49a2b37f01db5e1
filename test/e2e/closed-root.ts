import type { CDPSession, Page } from 'playwright-core';

// Everything Kurskompis puts in Digiteket's page sits in closed shadow roots, which the page's
// scripts cannot enter, and Playwright's locators cannot either (they run as a script in the
// page). Tests go in through the Chrome DevTools Protocol instead, as the browser itself sees
// the page: `DOM.getDocument({ pierce: true })` lists every shadow root, open or closed, and a
// world of the test's own (not the page's, whose globals a hostile page may have replaced)
// reads and measures the elements. Clicks and keys are real input (`page.mouse`,
// `page.keyboard`), so the extension gets the trusted events a person makes. Nothing here
// changes the extension: its roots stay closed.

/** What a test reads of an element. */
export interface Found {
  text: string;
  attributes: Record<string, string>;
  disabled: boolean;
  checked: boolean;
  /** The host element of the shadow root it is in ('' in the document itself). */
  host: string;
}

export interface Query {
  /** A CSS selector, matched in the document and inside every shadow root. */
  selector: string;
  /** Only elements whose text contains this, or matches it. */
  text?: string | RegExp;
  /** Only elements inside one that matches this (across shadow roots: a badge in a card). */
  in?: { selector: string; text?: string | RegExp };
}

type DomNode = { backendNodeId: number; nodeName: string; children?: DomNode[]; shadowRoots?: DomNode[] };

const WAIT_MS = 10_000;
const POLL_MS = 50;

// Runs in the test's own world with the roots as arguments; returns plain data only. The
// Firefox tests (test/firefox/closed-root.ts) run the same function over WebDriver BiDi.
export const IN_PAGE = `function (query, action, extra, ...roots) {
  const pattern = (p) => (p === null ? null : new RegExp(p.source, p.flags));
  const matches = (el, text) => text === null || text.test(el.textContent ?? '');
  const text = pattern(query.text);
  const within = query.in && { selector: query.in.selector, text: pattern(query.in.text) };
  // Ancestors across shadow boundaries: the parent, or at the top of a root, its host.
  const inside = (el) => {
    for (let n = el.parentElement ?? el.getRootNode().host; n; n = n.parentElement ?? n.getRootNode().host) {
      if (n.matches(within.selector) && matches(n, within.text)) return true;
    }
    return false;
  };
  const found = roots.flatMap((root) => [...root.querySelectorAll(query.selector)])
    .filter((el) => matches(el, text) && (!within || inside(el)));
  const describe = (el) => ({
    text: el.textContent ?? '',
    attributes: Object.fromEntries([...el.attributes].map((a) => [a.name, a.value])),
    disabled: el.disabled === true,
    checked: el.checked === true,
    host: el.getRootNode().host?.localName ?? '',
  });
  if (action === 'read') return found.map(describe);
  const el = found[0];
  if (!el) return null;
  if (action === 'point') {
    el.scrollIntoView({ block: 'center', inline: 'center' });
    const box = el.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    // What a click at that point would hit, seen from the element's own root.
    const top = el.getRootNode().elementFromPoint(x, y);
    return { x, y, hit: top === el || el.contains(top) || (el.labels && [...el.labels].some((l) => l.contains(top))) };
  }
  if (action === 'style') {
    const style = getComputedStyle(el);
    return Object.fromEntries(extra.map((name) => [name, style.getPropertyValue(name)]));
  }
  if (action === 'untrusted') {
    // What a script could do if it ever got hold of the element: events it makes itself.
    for (const target of found) {
      if (target.type === 'checkbox') target.checked = !target.checked;
      target.click();
      target.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      target.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    }
    return found.length;
  }
  if (action === 'focus') {
    el.focus();
    return el.getRootNode().activeElement === el;
  }
  return null;
}`;

export class ClosedRoots {
  private constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  static async of(page: Page): Promise<ClosedRoots> {
    return new ClosedRoots(page, await page.context().newCDPSession(page));
  }

  /** Every element that matches, in the document and in every shadow root. */
  async all(query: Query | string): Promise<Found[]> {
    return ((await this.run(query, 'read')) as Found[] | null) ?? [];
  }

  async count(query: Query | string): Promise<number> {
    return (await this.all(query)).length;
  }

  /** Waits until `query` matches (at least once, or exactly `count` times) and returns the matches. */
  async waitFor(query: Query | string, options: { count?: number; timeout?: number } = {}): Promise<Found[]> {
    const until = Date.now() + (options.timeout ?? WAIT_MS);
    for (;;) {
      const found = await this.all(query);
      if (options.count === undefined ? found.length > 0 : found.length === options.count) return found;
      if (Date.now() > until) {
        throw new Error(`${describe(query)}: found ${found.length}, waited for ${options.count ?? 'one or more'}`);
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /** The text of the first match, once there is one. */
  async text(query: Query | string): Promise<string> {
    return (await this.waitFor(query))[0]!.text;
  }

  /** A real mouse click in the middle of the first match, once it is there and nothing covers it. */
  async click(query: Query | string): Promise<void> {
    const until = Date.now() + WAIT_MS;
    for (;;) {
      const point = (await this.run(query, 'point')) as { x: number; y: number; hit: boolean } | null;
      if (point?.hit) return this.page.mouse.click(point.x, point.y);
      if (Date.now() > until) throw new Error(`${describe(query)}: ${point ? 'covered' : 'not found'}, not clicked`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /** Moves the keyboard focus to the first match (as Tab would), for real key presses after it. */
  async focus(query: Query | string): Promise<void> {
    await this.waitFor(query);
    if (!(await this.run(query, 'focus'))) throw new Error(`${describe(query)}: could not take the focus`);
  }

  /**
   * Clicks every match the way a script would (`click()`, `dispatchEvent`): untrusted events,
   * delivered right at the element, which the page itself cannot even reach. Returns how many.
   */
  async untrustedClick(query: Query | string): Promise<number> {
    await this.waitFor(query);
    return (await this.run(query, 'untrusted')) as number;
  }

  /** Computed style values of the first match. */
  async style(query: Query | string, properties: string[]): Promise<Record<string, string>> {
    await this.waitFor(query);
    return (await this.run(query, 'style', properties)) as Record<string, string>;
  }

  /** What a screen reader is told an element in the document is called (from the browser's accessibility tree). */
  async accessibleName(selector: string): Promise<string> {
    const { root } = (await this.cdp.send('DOM.getDocument', { depth: 0 })) as { root: { nodeId: number } };
    const { nodeId } = (await this.cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector })) as { nodeId: number };
    if (!nodeId) throw new Error(`${selector}: not found`);
    const { nodes } = (await this.cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false })) as {
      nodes: Array<{ name?: { value?: string } }>;
    };
    return nodes[0]?.name?.value ?? '';
  }

  private async run(query: Query | string, action: 'read' | 'point' | 'style' | 'focus' | 'untrusted', extra: unknown = null): Promise<unknown> {
    const q: Query = typeof query === 'string' ? { selector: query } : query;
    const inPage = {
      selector: q.selector,
      text: pattern(q.text),
      ...(q.in ? { in: { selector: q.in.selector, text: pattern(q.in.text) } } : {}),
    };
    // A fresh look each time: the page and its roots change between calls.
    const { root } = (await this.cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const { frameTree } = (await this.cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const { executionContextId } = (await this.cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'closed-root-test' })) as {
      executionContextId: number;
    };
    const objects: string[] = [];
    for (const backendNodeId of [root.backendNodeId, ...shadowRoots(root)]) {
      const { object } = (await this.cdp.send('DOM.resolveNode', { backendNodeId, executionContextId })) as { object: { objectId: string } };
      objects.push(object.objectId);
    }
    const result = (await this.cdp.send('Runtime.callFunctionOn', {
      functionDeclaration: IN_PAGE,
      objectId: objects[0]!,
      arguments: [
        { value: inPage },
        { value: action },
        { value: extra },
        ...objects.map((objectId) => ({ objectId })),
      ],
      returnByValue: true,
    })) as { result: { value?: unknown }; exceptionDetails?: { text: string } };
    if (result.exceptionDetails) throw new Error(`${describe(query)}: ${result.exceptionDetails.text}`);
    return result.result.value ?? null;
  }
}

/** The shadow roots under `node`, closed ones included, in document order; not inside frames. */
function shadowRoots(node: DomNode): number[] {
  return [...(node.shadowRoots ?? []).flatMap((root) => [root.backendNodeId, ...shadowRoots(root)]), ...(node.children ?? []).flatMap(shadowRoots)];
}

/** A text to look for as a pattern the page's world can rebuild. */
function pattern(text: string | RegExp | undefined): { source: string; flags: string } | null {
  if (text === undefined) return null;
  const re = text instanceof RegExp ? text : new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return { source: re.source, flags: re.flags };
}

function describe(query: Query | string): string {
  if (typeof query === 'string') return query;
  const text = query.text ? ` with "${String(query.text)}"` : '';
  return `${query.selector}${text}${query.in ? ` in ${describe(query.in)}` : ''}`;
}

/** The notes panel's frame in `page`, once it has loaded its panel. */
export async function notesFrame(page: Page) {
  const until = Date.now() + WAIT_MS;
  for (;;) {
    const frame = page.frames().find((f) => f.url().includes('/notes-panel.html'));
    if (frame) return frame;
    if (Date.now() > until) throw new Error('no notes panel frame');
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
