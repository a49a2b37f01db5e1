import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import type { Roots, SiteTab, StaffDriver, Surface } from '../scenarios/driver';
import { until } from '../scenarios/driver';
import { fixturePage, fixtureRoutes } from '../support/fixtures';
import { BidiClosedRoots } from './closed-root';

// Firefox ESR with the Firefox build, driven by puppeteer-core over WebDriver BiDi; Digiteket
// is served from the fixture pages (request interception on every tab this opens).
//
// Extension pages (popup, settings): Firefox's remote agent will not wait on a navigation to
// a moz-extension:// address (the navigation happens, the driver never reports it loaded), and
// the address is random per install. So the extension gets a fixed UUID through the pref
// `extensions.webextensions.uuids` (add-on id → UUID, read when the add-on is installed), and
// a tab is sent there with BiDi's `browsingContext.navigate` without waiting (`wait: 'none'`);
// the test then polls the document itself. No system access (`--remote-allow-system-access`)
// is needed for that, and none is given: the tests reach the extension only as a page does.
//
// Optional permissions (a team folder's host, Firefox's data-collection kinds) are granted
// without a prompt (`extensions.webextOptionalPermissionPrompts: false`, Firefox's own testing
// pref): headless Firefox cannot show the prompt, and the request still has to come from a
// real click, as in use.

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const EXTENSION_DIR = resolve('.output/firefox-mv3');
/** The add-on id from wxt.config.ts (browser_specific_settings.gecko.id). */
export const ADDON_ID = 'kurskompis@kurskompis.se';
export const EXTENSION_UUID = '6f1d3a52-2c1e-4b8e-9a57-0b6f3d2c9e11';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

type Bidi = { send(method: string, params: object): Promise<unknown> };

export interface FirefoxBrowser {
  browser: Browser;
  /** Path → fixture file name (or HTML text via `html:`); tests may change it. */
  pages: Map<string, string>;
  /** A new tab on a Digiteket path (or a full https address). */
  open(path: string): Promise<Page>;
  /** An extension page (popup.html, options.html …) in a new tab, loaded. */
  extensionPage(file: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefox(options: { prefs?: Record<string, unknown> } = {}): Promise<FirefoxBrowser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXTENSION_UUID }),
      'extensions.webextOptionalPermissionPrompts': false,
      ...options.prefs,
    },
  });
  await browser.installExtension(EXTENSION_DIR);
  const pages = fixtureRoutes();
  const bidi = (browser as unknown as { connection: Bidi }).connection;

  const serve = async (page: Page) => {
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.hostname !== 'digiteket.se' && url.hostname !== 'www.digiteket.se') return void request.continue();
      const file = pages.get(url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`);
      const body = file === undefined ? '' : file.startsWith('html:') ? file.slice(5) : fixturePage(file);
      void request.respond(
        file === undefined ? { status: 404, contentType: 'text/plain', body } : { status: 200, contentType: 'text/html; charset=utf-8', body },
      );
    });
  };

  return {
    browser,
    pages,
    async open(path) {
      const page = await browser.newPage();
      await serve(page);
      await page.goto(path.startsWith('http') ? path : `https://digiteket.se${path}`);
      return page;
    },
    async extensionPage(file) {
      const page = await browser.newPage();
      const url = `${EXTENSION_ORIGIN}/${file}`;
      const context = (page.mainFrame() as unknown as { browsingContext: { id: string } }).browsingContext.id;
      await bidi.send('browsingContext.navigate', { context, url, wait: 'none' });
      await until(
        () => page.evaluate(() => [location.href, document.readyState]),
        ([href, state]) => href === url && state === 'complete',
        `${file} loaded`,
      );
      return page;
    },
    close: () => browser.close(),
  };
}

export function surface(target: Page | Frame): Surface {
  return {
    evaluate: <R, A>(fn: (arg: A) => R, arg: A) => target.evaluate(fn as never, arg) as Promise<R>,
    async click(selector) {
      await until(() => target.evaluate((s) => document.querySelector(s) !== null, selector), Boolean, selector);
      await target.click(selector);
    },
    type: (selector, text) => target.type(selector, text),
  };
}

/** The notes panel's frame (Firefox's driver names an extension frame about:blank; its document knows). */
export async function notesPanelFrame(page: Page): Promise<Frame> {
  return until(
    async () => {
      for (const frame of page.frames()) {
        if (frame === page.mainFrame()) continue;
        const href = await frame.evaluate(() => location.href).catch(() => '');
        if (href.includes('/notes-panel.html')) return frame;
      }
      return null;
    },
    (frame): frame is Frame => frame !== null,
    'notes panel frame',
  ) as Promise<Frame>;
}

export function bidiRoots(browser: Browser, page: Page): Roots {
  const roots = new BidiClosedRoots(browser, page);
  return { all: (query) => roots.all(query), waitFor: (query, options) => roots.waitFor(query, options), click: (query) => roots.click(query) };
}

/** Reads a plan file in on the settings page, as a person picks one. */
export async function loadPlanFile(firefox: FirefoxBrowser, text: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kurskompis-ff-plan-'));
  const file = join(dir, 'plan.json');
  writeFileSync(file, text);
  const options = await firefox.extensionPage('options.html');
  try {
    await until(() => options.evaluate(() => document.querySelector('#plan-file') !== null), Boolean, '#plan-file');
    const input = await options.$('#plan-file');
    await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(file);
    await until(
      () => options.evaluate(() => document.querySelector('[data-testid="file-result"], [data-testid="plan-problems"]')?.getAttribute('data-testid') ?? null),
      (found) => found !== null,
      'plan read',
    ).then((found) => {
      if (found !== 'file-result') throw new Error('the plan file was refused');
    });
  } finally {
    await options.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function firefoxDriver(): Promise<StaffDriver & { firefox: FirefoxBrowser }> {
  const firefox = await launchFirefox();
  const siteTab = (page: Page): SiteTab => ({
    ...surface(page),
    roots: () => bidiRoots(firefox.browser, page),
    notesPanel: async () => surface(await notesPanelFrame(page)),
    reload: async () => void (await page.reload()),
    close: () => page.close(),
  });
  return {
    firefox,
    // Firefox ESR here has an English UI, and the extension follows it.
    lang: 'en',
    serve: (path, file) => void firefox.pages.set(path, file),
    open: async (path) => siteTab(await firefox.open(path)),
    async extensionPage(file) {
      const page = await firefox.extensionPage(file);
      return { ...surface(page), close: () => page.close() };
    },
    loadPlan: (text) => loadPlanFile(firefox, text),
  };
}
