import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageContext, PageItem } from '../../lib/messages/protocol';
import { pageItem, pageItemTitle, type PageItem as ItemOfPage } from '../../lib/site/page-item';
import { applyProfile } from '../../lib/site/profile';
import { HOST_ATTR } from './badges';

// Runs the in-page features: owns the page context, one batched observation of what the site
// adds, in-site navigation and the refresh after a change elsewhere. Each feature runs on its
// own: one that throws (a page that changed shape) is set aside, the others go on.

/** What every feature sees of the page: the worker's context and this page's address. */
export interface PageState {
  readonly context: PageContext;
  /** This period's planned items by course key. */
  readonly items: ReadonlyMap<string, PageItem>;
  /** Course keys done; a feature that sees a course finished adds it and calls `changed`. */
  readonly done: Set<string>;
  readonly url: URL;
  /** The course or article this page belongs to (a step's is its course), or null. */
  readonly pageKey: string | null;
  /** How the page was recognised as that course or article. */
  readonly item: ItemOfPage | null;
  /** The course's or article's title as this page shows it (on a step: the course's, not the step's). */
  title(): string;
}

/** A feature's lifetime on one page: until the site navigates or the extension goes away. */
export interface FeatureLife {
  readonly ctx: ContentScriptContext;
  readonly page: PageState;
  /** Something a feature learned changes what others show: every running feature refreshes. */
  changed(): void;
  /** A step the feature finished later (a mount) failed: the feature is set aside. */
  failed(error: unknown): void;
}

export interface FeatureRun {
  /** Elements the site added since the last call (batched), never our own. */
  added?(nodes: readonly Element[]): void;
  /** The page context changed (plan, progress, coordinator mode). */
  refresh?(): void;
  /** The page is being left; remove what was put in it. */
  teardown?(): void;
}

export interface Feature {
  id: string;
  /** The pages it runs on, from the site adapter's detectors and the page context. */
  runsOn(page: PageState): boolean;
  init(life: FeatureLife): FeatureRun | void;
}

export interface RunnerDeps {
  ctx: ContentScriptContext;
  features: readonly Feature[];
  loadContext: () => Promise<PageContext>;
  /** Calls back when progress or the plan changed elsewhere; returns a way to stop. */
  watchChanges: (listener: () => void) => () => void;
  /** Told of a feature that failed, for the console; the page goes on without it. */
  onError?: (featureId: string, error: unknown) => void;
}

const BATCH_MS = 30;
/** The event comes before the new URL is committed and before the site draws the new page. */
const NAVIGATION_SETTLE_MS = 50;

function isOurs(node: Node): boolean {
  return node instanceof Element && (node.hasAttribute(HOST_ATTR) || node.tagName.startsWith('KURSKOMPIS-'));
}

/** Resolves once the document is parsed (at DOMContentLoaded, or at once if that has passed). */
function parsed(ctx: ContentScriptContext): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => ctx.addEventListener(document, 'DOMContentLoaded', () => resolve(), { once: true }));
}

/** The page's state; `doc` once it is parsed, for pages recognised by what they show. */
export function pageState(context: PageContext, done: Set<string>, href: string, doc?: Document): PageState {
  const url = new URL(href);
  const items = new Map((context.period?.items ?? []).map((item) => [item.key, item]));
  const item = pageItem(url, doc);
  return {
    context,
    items,
    done,
    url,
    pageKey: item?.key ?? null,
    item,
    title: () => (item ? pageItemTitle(document, item, href, items.get(item.key)?.title) : ''),
  };
}

const parsedDocument = (): Document | undefined => (document.readyState === 'loading' ? undefined : document);

export async function runFeatures(deps: RunnerDeps): Promise<void> {
  const { ctx, features } = deps;
  let page = pageState({ done: [] }, new Set(), location.href);
  const running = new Map<Feature, FeatureRun>();
  const broken = new Set<Feature>();
  let pending: Element[] = [];
  let flushScheduled = false;
  /** Whether `page` was read from the parsed document, not from the address alone. */
  let readParsed = false;

  const guard = (feature: Feature, step: () => void) => {
    if (broken.has(feature)) return;
    try {
      step();
    } catch (error) {
      broken.add(feature);
      running.delete(feature);
      deps.onError?.(feature.id, error);
    }
  };

  const load = async () => {
    let context: PageContext = { done: [] };
    try {
      context = await deps.loadContext();
    } catch (error) {
      deps.onError?.('pageContext', error);
    }
    // The plan's site profile, if newer than the built-in one, before anything reads the page.
    applyProfile(context.profile);
    const doc = parsedDocument();
    readParsed = doc !== undefined;
    page = pageState(context, new Set(context.done), location.href, doc);
  };

  const changed = () => {
    for (const [feature, run] of [...running]) guard(feature, () => run.refresh?.());
  };
  // `page` always reads the runner's current page, so a feature sees a reloaded context.
  const lifeOf = (feature: Feature): FeatureLife => ({
    ctx,
    get page() {
      return page;
    },
    changed,
    failed(error) {
      const run = running.get(feature);
      broken.add(feature);
      running.delete(feature);
      deps.onError?.(feature.id, error);
      try {
        run?.teardown?.();
      } catch {
        // Already set aside; what it left in the page goes with the next navigation.
      }
    },
  });

  /** Starts what should run on this page and stops what no longer should. */
  const settle = () => {
    for (const feature of features) {
      const wanted = !broken.has(feature) && runsOn(feature);
      const run = running.get(feature);
      if (wanted && !run) {
        guard(feature, () => running.set(feature, feature.init(lifeOf(feature)) ?? {}));
      } else if (!wanted && run) {
        running.delete(feature);
        guard(feature, () => run.teardown?.());
      }
    }
  };
  const runsOn = (feature: Feature): boolean => {
    try {
      return feature.runsOn(page);
    } catch (error) {
      broken.add(feature);
      deps.onError?.(feature.id, error);
      return false;
    }
  };

  const teardown = () => {
    for (const [feature, run] of [...running]) guard(feature, () => run.teardown?.());
    running.clear();
  };

  const flush = () => {
    flushScheduled = false;
    const nodes = pending.filter((n) => n.isConnected);
    pending = [];
    if (nodes.length === 0) return;
    for (const [feature, run] of [...running]) guard(feature, () => run.added?.(nodes));
  };

  const context = load();
  await parsed(ctx);
  await context;
  if (ctx.isInvalid) return;
  // The context may have come before the page was parsed: read the page itself now.
  if (!readParsed) page = pageState(page.context, page.done, location.href, document);
  settle();

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element && !isOurs(node)) pending.push(node);
    }
    if (pending.length === 0 || flushScheduled) return;
    flushScheduled = true;
    // Bursts (infinite scroll adds many cards at once) become one pass.
    ctx.setTimeout(flush, BATCH_MS);
  });
  observer.observe(document.body, { childList: true, subtree: true });
  ctx.onInvalidated(() => {
    observer.disconnect();
    teardown();
  });
  // Digiteket may change the address without a reload: start over for the new page.
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    teardown();
    ctx.setTimeout(() => {
      page = pageState(page.context, page.done, location.href, document);
      settle();
    }, NAVIGATION_SETTLE_MS);
  });
  const unwatch = deps.watchChanges(() => {
    void load().then(() => {
      if (ctx.isInvalid) return;
      settle();
      changed();
    });
  });
  ctx.onInvalidated(unwatch);
}
