import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { fixturePage, fixtureRoutes } from '../support/fixtures';

// The Firefox build in Firefox itself (WebDriver BiDi): content script, background and
// database work together. Firefox refuses navigation to moz-extension:// pages from the
// driver, so this goes through Digiteket's pages only: Mina sidor import, then the checks on
// the course list.

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
    await page.waitForFunction(() => document.querySelector('kurskompis-import')?.shadowRoot?.querySelector('button'));
    await page.evaluate(() => document.querySelector('kurskompis-import')!.shadowRoot!.querySelector('button')!.click());
    await page.waitForFunction(() =>
      /3/.test(document.querySelector('kurskompis-import')!.shadowRoot!.querySelector('.status:last-child')?.textContent ?? ''),
    );
    await page.goto('https://digiteket.se/kurser/');
    await page.waitForFunction(() => document.querySelectorAll('[data-kurskompis]').length === 3);
    const badged = await page.evaluate(() =>
      [...document.querySelectorAll('[data-kurskompis]')].map((host) => host.closest('article')?.querySelector('h3')?.textContent),
    );
    assert.deepEqual(badged.sort(), ['Källkritik på nätet', 'Skapa en podd', 'Starka lösenord']);
    // The badge's own styles apply in Firefox too (white on green for "done").
    const colours = await page.evaluate(() => {
      const label = document.querySelector('[data-kurskompis]')!.shadowRoot!.querySelector('span:last-child')!;
      const style = getComputedStyle(label);
      return [style.color, style.backgroundColor];
    });
    assert.deepEqual(colours, ['rgb(255, 255, 255)', 'rgb(30, 107, 58)']);
  });
});
