import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page, type Worker } from 'playwright-core';
import { fixturePage, fixtureRoutes } from '../support/fixtures';

// Real Chromium with the built extension; Digiteket is served from the fixture pages.

export const EXTENSION_DIR = resolve('.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Path → fixture file (or HTML text via `html:`); tests may change it. */
  pages: Map<string, string>;
  open(path: string): Promise<Page>;
  popup(): Promise<Page>;
  options(): Promise<Page>;
  toolbarBadge(): Promise<string>;
  profileDir: string;
  close(): Promise<void>;
}

export async function launch(
  options: {
    lang?: 'sv' | 'en';
    extension?: boolean;
    profileDir?: string;
    keepProfile?: boolean;
    colorScheme?: 'light' | 'dark';
    /** More command-line switches, e.g. to send a host name to a server on loopback. */
    args?: string[];
    /** Another build of the extension than this one's, e.g. the last release's. */
    extensionDir?: string;
  } = {},
): Promise<Browser> {
  const lang = options.lang ?? 'sv';
  const dir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'kurskompis-e2e-'));
  const withExtension = options.extension ?? true;
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    locale: lang === 'sv' ? 'sv-SE' : 'en-GB',
    colorScheme: options.colorScheme ?? 'light',
    // Chromium on Linux takes its UI language (and so the extension's) from the environment.
    env: { ...process.env, LANGUAGE: lang === 'sv' ? 'sv' : 'en_GB', LANG: lang === 'sv' ? 'sv_SE.UTF-8' : 'en_GB.UTF-8' },
    args: [
      ...CHROMIUM_ARGS,
      `--lang=${lang === 'sv' ? 'sv' : 'en-GB'}`,
      ...(withExtension ? [`--disable-extensions-except=${options.extensionDir ?? EXTENSION_DIR}`, `--load-extension=${options.extensionDir ?? EXTENSION_DIR}`] : []),
      ...(options.args ?? []),
    ],
  });
  const pages = fixtureRoutes();
  await context.route(/^https:\/\/(www\.)?digiteket\.se\//, async (route) => {
    const url = new URL(route.request().url());
    const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
    const file = pages.get(path);
    if (!file) {
      const isPage = route.request().resourceType() === 'document';
      await route.fulfill({ status: 404, contentType: isPage ? 'text/html' : 'text/plain', body: isPage ? '<h1>404</h1>' : '' });
      return;
    }
    const body = file.startsWith('html:') ? file.slice(5) : fixturePage(file);
    await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
  });
  let worker: Worker | undefined;
  let extensionId = '';
  if (withExtension) {
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    extensionId = new URL(worker.url()).host;
  }
  const extensionPage = async (file: string) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/${file}`);
    return page;
  };
  return {
    context,
    worker: worker as Worker,
    extensionId,
    pages,
    async open(path) {
      const page = await context.newPage();
      await page.goto(path.startsWith('http') ? path : `https://digiteket.se${path}`);
      return page;
    },
    popup: () => extensionPage('popup.html'),
    options: () => extensionPage('options.html'),
    toolbarBadge: () =>
      (worker as Worker).evaluate(() => (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({})),
    profileDir: dir,
    async close() {
      await context.close();
      if (!options.keepProfile) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export { fixturePlanAt } from '../support/plan-at';

type Chrome = { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };

/** Sends a message as the extension page `page` would. */
export async function message(page: Page, body: Record<string, unknown>): Promise<unknown> {
  return page.evaluate((m) => (globalThis as unknown as Chrome).chrome.runtime.sendMessage(m), body);
}

/**
 * Joins the team folder as the settings page does once the browser's permission prompt is
 * answered (headless Chromium cannot answer it; the test folder answers CORS instead).
 */
export async function joinTeam(browser: Browser, name: string, server: { url: string }, shareNotes = false): Promise<Page> {
  const options = await browser.options();
  const result = await message(options, {
    type: 'joinTeam',
    url: server.url,
    username: 'demo',
    password: 'kurskompis',
    displayName: name,
    shareProgress: true,
    shareNotes,
  });
  assert.equal((result as { ok: boolean }).ok, true, JSON.stringify(result));
  return options;
}

export async function loadPlanFile(browser: Browser, text: string, name = 'plan.json'): Promise<Page> {
  const page = await browser.options();
  await page.locator('#plan-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.locator('[data-testid="file-result"], [data-testid="plan-problems"]').first().waitFor();
  return page;
}

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

/** Serious and critical axe-core findings on a page or frame. */
export async function seriousViolations(page: Page | Frame) {
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; impact: string | null; nodes: unknown[] }> }> } }).axe;
    return axe.run();
  });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
}

