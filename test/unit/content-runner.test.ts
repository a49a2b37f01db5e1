import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { runFeatures, type Feature, type FeatureRun } from '../../entrypoints/content/runner';
import type { PageContext } from '../../lib/messages/protocol';

// The content script's runner: features run on the pages they name, see a reloaded context,
// follow in-site navigation, and one that fails leaves the others working.

let ctx: ContentScriptContext;
beforeEach(() => {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL('https://digiteket.se/kurs/skapa-en-podd/');
  document.body.innerHTML = '<main><article><h1>Skapa en podd</h1></article></main>';
  ctx = new ContentScriptContext('content');
});
afterEach(() => {
  ctx.abort();
});

interface Log {
  calls: string[];
}

function feature(id: string, log: Log, options: { runsOn?: Feature['runsOn']; run?: Partial<FeatureRun>; init?: () => void } = {}): Feature {
  return {
    id,
    runsOn: options.runsOn ?? (() => true),
    init(life) {
      options.init?.();
      log.calls.push(`${id}:init:${life.page.pageKey ?? '-'}`);
      return {
        added: (nodes) => {
          options.run?.added?.(nodes);
          log.calls.push(`${id}:added:${nodes.length}`);
        },
        refresh: () => {
          options.run?.refresh?.();
          log.calls.push(`${id}:refresh:${life.page.done.size}`);
        },
        teardown: () => log.calls.push(`${id}:teardown`),
      };
    },
  };
}

async function start(features: Feature[], context: () => PageContext = () => ({ done: [] })) {
  let changes: (() => void) | undefined;
  const errors: string[] = [];
  await runFeatures({
    ctx,
    features,
    loadContext: async () => context(),
    watchChanges: (listener) => {
      changes = listener;
      return () => (changes = undefined);
    },
    onError: (id) => errors.push(id),
  });
  return { errors, change: () => changes?.() };
}

describe('the content-script runner', () => {
  it('starts each feature on the pages it names, with the page’s course key', async () => {
    const log: Log = { calls: [] };
    await start([
      feature('onCourses', log, { runsOn: (page) => page.pageKey !== null }),
      feature('onMyPages', log, { runsOn: (page) => page.url.pathname === '/mina-sidor/' }),
    ]);
    expect(log.calls).toEqual(['onCourses:init:digiteket.se/kurs/skapa-en-podd/']);
  });

  it('goes on without a feature that throws, when it starts and when the page grows', async () => {
    const log: Log = { calls: [] };
    const { errors } = await start([
      feature('breaksAtStart', log, { init: () => { throw new Error('page changed shape'); } }),
      feature('breaksLater', log, { run: { added: () => { throw new TypeError('null has no properties'); } } }),
      feature('works', log),
    ]);
    expect(errors).toEqual(['breaksAtStart']);
    document.body.append(document.createElement('section'));
    await vi.waitFor(() => expect(log.calls).toContain('works:added:1'));
    expect(errors).toEqual(['breaksAtStart', 'breaksLater']);
    document.body.append(document.createElement('section'));
    await vi.waitFor(() => expect(log.calls.filter((c) => c === 'works:added:1')).toHaveLength(2));
    // Set aside: never called again.
    expect(log.calls.filter((c) => c.startsWith('breaksLater:added'))).toEqual([]);
  });

  it('does not hand features what the extension itself put in the page', async () => {
    const log: Log = { calls: [] };
    await start([feature('f', log)]);
    const ours = document.createElement('span');
    ours.setAttribute('data-kurskompis', 'badge');
    document.body.append(ours, document.createElement('kurskompis-panel'));
    document.body.append(document.createElement('p'));
    await vi.waitFor(() => expect(log.calls).toContain('f:added:1'));
  });

  it('reloads the context after a change elsewhere, refreshes features and starts those it now names', async () => {
    const log: Log = { calls: [] };
    let context: PageContext = { done: [] };
    const { change } = await start(
      [feature('always', log), feature('coordinator', log, { runsOn: (page) => page.context.collect !== undefined })],
      () => context,
    );
    context = { done: ['digiteket.se/kurs/skapa-en-podd/'], collect: { periods: [] } };
    change();
    await vi.waitFor(() => expect(log.calls).toContain('always:refresh:1'));
    expect(log.calls).toContain('coordinator:init:digiteket.se/kurs/skapa-en-podd/');
    context = { done: [] };
    change();
    await vi.waitFor(() => expect(log.calls).toContain('coordinator:teardown'));
  });

  it('starts over when the site changes address in place', async () => {
    const log: Log = { calls: [] };
    await start([feature('f', log)]);
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL('https://digiteket.se/kurser/');
    // WXT's location watcher notices the new address (it looks every second).
    await vi.waitFor(() => expect(log.calls).toEqual(['f:init:digiteket.se/kurs/skapa-en-podd/', 'f:teardown', 'f:init:-']), { timeout: 3000 });
  });
});
