import type { Frame, Page } from 'playwright-core';
import type { Roots, SiteTab, StaffDriver, Surface } from '../scenarios/driver';
import { ClosedRoots, notesFrame } from './closed-root';
import { launch, loadPlanFile, type Browser } from './harness';

// The shared scenarios' driver for Chromium: the e2e harness (harness.ts) and its way into the
// closed roots over the DevTools Protocol (closed-root.ts).

function surface(target: Page | Frame): Surface {
  return {
    evaluate: <R, A>(fn: (arg: A) => R, arg: A) => target.evaluate(fn as never, arg) as Promise<R>,
    click: (selector) => target.click(selector),
    type: (selector, text) => target.locator(selector).pressSequentially(text),
  };
}

function roots(page: Page): Roots {
  const open = ClosedRoots.of(page);
  return {
    all: async (query) => (await open).all(query),
    waitFor: async (query, options) => (await open).waitFor(query, options),
    click: async (query) => (await open).click(query),
  };
}

function siteTab(page: Page): SiteTab {
  return {
    ...surface(page),
    roots: () => roots(page),
    notesPanel: async () => surface(await notesFrame(page)),
    reload: async () => void (await page.reload()),
    close: () => page.close(),
  };
}

export async function chromiumDriver(lang: 'sv' | 'en' = 'sv'): Promise<StaffDriver & { browser: Browser }> {
  const browser = await launch({ lang });
  return {
    browser,
    lang,
    serve: (path, file) => void browser.pages.set(path, file),
    open: async (path) => siteTab(await browser.open(path)),
    async extensionPage(file) {
      const page = await browser.context.newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/${file}`);
      return { ...surface(page), close: () => page.close() };
    },
    loadPlan: async (text) => void (await (await loadPlanFile(browser, text)).close()),
  };
}
