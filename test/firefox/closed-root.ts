import type { Browser, Page } from 'puppeteer-core';
import { IN_PAGE, type Found, type Query } from '../e2e/closed-root';

// Firefox's way into the closed shadow roots, for tests: WebDriver BiDi serialises a node's
// shadow root, closed ones too, when asked (`includeShadowTree: 'all'`), and the reference it
// gives can be passed back into a sandbox of the test's own, where the same query runs as in
// Chromium (test/e2e/closed-root.ts). Clicks are real input (`page.mouse`), so trusted.
// Puppeteer has no public call for either, so this reaches its BiDi connection directly.

type Bidi = { send(method: string, params: object): Promise<{ result: BidiResult }> };
type BidiResult = { type: 'success' | 'exception'; result?: BidiValue; exceptionDetails?: { text: string } };
type BidiValue = { type: string; value?: unknown; sharedId?: string };
type BidiNode = { type: 'node'; value?: { shadowRoot?: { sharedId?: string } | null } };

const SANDBOX = 'closed-root-test';
const WAIT_MS = 10_000;

export class BidiClosedRoots {
  constructor(
    private readonly browser: Browser,
    private readonly page: Page,
  ) {}

  private get bidi(): Bidi {
    return (this.browser as unknown as { connection: Bidi }).connection;
  }

  private get context(): string {
    return (this.page.mainFrame() as unknown as { browsingContext: { id: string } }).browsingContext.id;
  }

  private async call(functionDeclaration: string, args: object[], serializationOptions: object = {}): Promise<BidiValue> {
    const { result } = await this.bidi.send('script.callFunction', {
      functionDeclaration,
      arguments: args,
      target: { context: this.context, sandbox: SANDBOX },
      awaitPromise: false,
      resultOwnership: 'none',
      serializationOptions,
    });
    if (result.type === 'exception') throw new Error(result.exceptionDetails?.text ?? 'exception');
    return result.result as BidiValue;
  }

  private async run(query: Query | string, action: 'read' | 'point' | 'style', extra: unknown = null): Promise<unknown> {
    const q: Query = typeof query === 'string' ? { selector: query } : query;
    const listed = await this.call('() => [...document.querySelectorAll("*")]', [], { includeShadowTree: 'all', maxDomDepth: 0 });
    const roots = ((listed.value as BidiNode[] | undefined) ?? [])
      .map((node) => node.value?.shadowRoot?.sharedId)
      .filter((id): id is string => id !== undefined);
    const plain = (text: string | RegExp | undefined) =>
      text === undefined ? null : text instanceof RegExp ? { source: text.source, flags: text.flags } : { source: text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), flags: '' };
    const payload = JSON.stringify({
      query: { selector: q.selector, text: plain(q.text), ...(q.in ? { in: { selector: q.in.selector, text: plain(q.in.text) } } : {}) },
      action,
      extra,
    });
    const value = await this.call(
      `(json, ...roots) => { const { query, action, extra } = JSON.parse(json); return JSON.stringify((${IN_PAGE})(query, action, extra, document, ...roots)); }`,
      [{ type: 'string', value: payload }, ...roots.map((sharedId) => ({ sharedId }))],
    );
    return JSON.parse(String(value.value ?? 'null'));
  }

  async all(query: Query | string): Promise<Found[]> {
    return ((await this.run(query, 'read')) as Found[] | null) ?? [];
  }

  async waitFor(query: Query | string, options: { count?: number } = {}): Promise<Found[]> {
    const until = Date.now() + WAIT_MS;
    for (;;) {
      // The page may be between documents (a reload); look again.
      const found = await this.all(query).catch(() => []);
      if (options.count === undefined ? found.length > 0 : found.length === options.count) return found;
      if (Date.now() > until) throw new Error(`${JSON.stringify(query)}: found ${found.length}, waited for ${options.count ?? 'one or more'}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async click(query: Query | string): Promise<void> {
    await this.waitFor(query);
    const until = Date.now() + WAIT_MS;
    for (;;) {
      const point = (await this.run(query, 'point')) as { x: number; y: number; hit: boolean } | null;
      if (point?.hit) return this.page.mouse.click(point.x, point.y);
      if (Date.now() > until) throw new Error(`${JSON.stringify(query)}: covered or gone`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async style(query: Query | string, properties: string[]): Promise<Record<string, string>> {
    await this.waitFor(query);
    return (await this.run(query, 'style', properties)) as Record<string, string>;
  }
}
