// The popup as a person opens it: the toolbar button's popup (chrome.action.openPopup), not
// popup.html in a tab. A tab first starts on about:blank and then navigates across processes to
// the extension, which costs this machine ~50 ms that no click on the toolbar pays. Playwright
// does not see the popup's view, so this part drives Chromium with puppeteer-core over a pipe.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page, type WebWorker } from 'puppeteer-core';
import { CHROMIUM, CHROMIUM_ARGS, EXTENSION_DIR } from '../e2e/harness';

const SNAPSHOT_KEY = 'kurskompis.popupSnapshot';
const MARKS = ['content', 'script', 'db', 'read', 'snapshot'] as const;
/** The popup's own marks, and `paint`: its first contentful paint, what a person sees. */
type Marks = Record<(typeof MARKS)[number] | 'paint', number>;

export interface PopupFigures {
  /** Nothing changed since it last opened: drawn from its snapshot. */
  unchanged: Marks[];
  /** Right after a change: the snapshot does not fit and it waits for the database. */
  changed: Marks[];
  /** An empty popup page of the same extension: what Chromium takes to open any popup here (its script's run as `content`). */
  empty: Array<Pick<Marks, 'content' | 'paint'>>;
}

async function openPopup(browser: Browser, worker: WebWorker): Promise<Page> {
  await worker.evaluate(() => (globalThis as unknown as { chrome: { action: { openPopup(): Promise<void> } } }).chrome.action.openPopup());
  const target = await browser.waitForTarget((t) => t.type() === 'page' && /\/(popup|bench-empty)\.html$/.test(new URL(t.url()).pathname), { timeout: 10_000 });
  const page = await target.asPage();
  await page.waitForFunction(() => performance.getEntriesByName('kurskompis-popup-content').length > 0, { timeout: 10_000 });
  return page;
}

async function marksOf(page: Page): Promise<Marks> {
  // The paint entry is written once the frame is shown, a little after the page draws it.
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, { timeout: 10_000 });
  const names = [...MARKS.map((n) => `kurskompis-popup-${n}`), 'first-contentful-paint'];
  const values = await page.evaluate((list) => list.map((n) => performance.getEntriesByName(n)[0]?.startTime ?? -1), names);
  return Object.fromEntries([...MARKS, 'paint'].map((name, i) => [name, values[i] === -1 ? NaN : (values[i] as number)])) as Marks;
}

/** Opens the popup `runs` times each way, in turn with an empty popup, with `setup` run first on an extension page. */
export async function benchPopup(runs: number, setup: (send: (message: unknown) => Promise<unknown>) => Promise<void>): Promise<PopupFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'kurskompis-popup-ext-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  writeFileSync(join(dir, 'bench-empty.html'), '<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>-</title><script type="module" src="/bench-empty.js"></script></head><body><main>Kurskompis</main></body></html>');
  writeFileSync(join(dir, 'bench-empty.js'), "performance.mark('kurskompis-popup-content');");
  const profile = mkdtempSync(join(tmpdir(), 'kurskompis-popup-profile-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    pipe: true,
    enableExtensions: true,
    userDataDir: profile,
    env: { ...process.env, LANGUAGE: 'sv', LANG: 'sv_SE.UTF-8' },
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
  });
  try {
    const workerTarget = await browser.waitForTarget((t) => t.type() === 'service_worker');
    const worker = (await workerTarget.worker()) as WebWorker;
    const extensionId = new URL(workerTarget.url()).host;
    const options = await browser.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await setup((message) => options.evaluate((m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m), message as never));
    // A popup opens over the window in front.
    const front = await browser.newPage();
    await front.goto('data:text/html,<title>-</title>');
    await front.bringToFront();
    const setPopup = (popup: string) =>
      worker.evaluate((p) => (globalThis as unknown as { chrome: { action: { setPopup(d: object): Promise<void> } } }).chrome.action.setPopup({ popup: p }), popup);
    const figures: PopupFigures = { unchanged: [], changed: [], empty: [] };
    for (let i = 0; i <= runs; i += 1) {
      for (const kind of ['unchanged', 'changed', 'empty'] as const) {
        await setPopup(kind === 'empty' ? 'bench-empty.html' : 'popup.html');
        if (kind === 'changed') await options.evaluate((key) => localStorage.removeItem(key), SNAPSHOT_KEY);
        const page = await openPopup(browser, worker);
        if (kind !== 'empty') await page.waitForFunction(() => performance.getEntriesByName('kurskompis-popup-read').length > 0);
        const marks = await marksOf(page);
        // The first round also starts the extension's page process and writes the first snapshot.
        if (i > 0) {
          if (kind === 'empty') figures.empty.push({ content: marks.content, paint: marks.paint });
          else figures[kind].push(marks);
        }
        if (kind !== 'empty') await options.waitForFunction((key) => localStorage.getItem(key) !== null, {}, SNAPSHOT_KEY);
        await page.close();
      }
    }
    return figures;
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}
