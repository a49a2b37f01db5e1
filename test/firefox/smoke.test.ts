import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { fixturePage, fixtureRoutes } from '../support/fixtures';
import { BidiClosedRoots } from './closed-root';

// The Firefox build in Firefox itself (WebDriver BiDi): content script, background and
// database work together, through Digiteket's pages only: Mina sidor import, the checks on the
// course list, and the notes panel in its frame. The closed roots are reached over WebDriver
// BiDi (closed-root.ts). The extension's own pages are opened by harness.ts (staff.test.ts).

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

describe('the Firefox build', () => {
  let browser: Browser;
  let page: Page;
  before(async () => {
    browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
    await browser.installExtension(resolve('.output/firefox-mv3'));
    page = await browser.newPage();
    const routes = fixtureRoutes();
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.hostname !== 'digiteket.se') return void request.continue();
      const file = routes.get(url.pathname);
      void request.respond(
        file
          ? { status: 200, contentType: 'text/html; charset=utf-8', body: fixturePage(file) }
          : { status: 404, contentType: 'text/plain', body: '' },
      );
    });
  });
  after(() => browser?.close());

  it('imports Mina sidor and shows the finished courses on the course list', async () => {
    await page.goto('https://digiteket.se/mina-sidor/');
    const roots = new BidiClosedRoots(browser, page);
    // A real click, found through the closed root; the page itself sees no root at all.
    await roots.click({ selector: 'button', in: { selector: 'kurskompis-import' } });
    await roots.waitFor({ selector: '.status', text: /3/, in: { selector: 'kurskompis-import' } });
    assert.equal(await page.evaluate(() => document.querySelector('kurskompis-import')?.shadowRoot), null);
    await page.goto('https://digiteket.se/kurser/');
    await page.waitForFunction(() => document.querySelectorAll('[data-kurskompis]').length === 3);
    const badged = await page.evaluate(() =>
      [...document.querySelectorAll('[data-kurskompis]')].map((host) => host.closest('article')?.querySelector('h3')?.textContent),
    );
    assert.deepEqual(badged.sort(), ['Källkritik på nätet', 'Skapa en podd', 'Starka lösenord']);
    // The badge's own styles apply in Firefox too (white on green for "done").
    const colours = await new BidiClosedRoots(browser, page).style({ selector: '.badge', in: { selector: '[data-kurskompis]' } }, ['color', 'background-color']);
    assert.deepEqual(colours, { color: 'rgb(255, 255, 255)', 'background-color': 'rgb(30, 107, 58)' });
  });

  it('opens the notes panel from its tab, and a panel the page frames itself shows nothing', async () => {
    await page.goto('https://digiteket.se/kurs/skapa-en-podd/');
    await new BidiClosedRoots(browser, page).click({ selector: 'button.tab' });
    const panel = await panelFrame(page);
    await until(() => panel.evaluate(() => document.getElementById('draft') !== null));
    await panel.type('#draft', 'En tanke i Firefox');
    // This Firefox speaks English.
    await until(() => panel.evaluate(() => document.body.innerText.includes('Saved')));
    // Firefox has no dynamic address: the page is given the panel's, as if it had found it out.
    const address = await panel.evaluate(() => location.origin + location.pathname);
    await page.evaluate((src) => {
      for (const ticket of ['', `#${'0'.repeat(64)}`]) {
        const frame = document.createElement('iframe');
        frame.src = src + ticket;
        frame.className = 'made-by-page';
        document.body.append(frame);
      }
    }, address);
    const refused = 'Open My reflections with the tab beside the course on Digiteket.';
    const texts = async () => {
      const found: string[] = [];
      for (const frame of page.frames()) {
        if (frame === page.mainFrame() || frame === panel) continue;
        found.push(await frame.evaluate(() => document.body?.innerText.trim() ?? '').catch(() => ''));
      }
      return found;
    };
    // Each says only how to open the panel; none shows a note or a field.
    await until(async () => (await texts()).filter((text) => text === refused).length === 2).catch(() => undefined);
    assert.deepEqual(await texts(), [refused, refused]);
  });
});

/** Polls from here: an extension page's policy stops the driver's own waiting script. */
async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('waited in vain');
}

/** The notes panel's frame (Firefox's driver names an extension frame about:blank; its document knows). */
async function panelFrame(page: Page): Promise<Frame> {
  for (let i = 0; i < 100; i += 1) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const href = await frame.evaluate(() => location.href).catch(() => '');
      if (href.includes('/notes-panel.html')) return frame;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('no notes panel frame');
}
