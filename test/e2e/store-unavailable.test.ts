import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixturePlanAt, launch, loadPlanFile, type Browser } from './harness';

// A browser whose database cannot be opened (a damaged profile, a disk that fails): every
// extension page says so under its own heading instead of staying blank, and nothing is lost.

const BREAK_DATABASE = 'kurskompis.test.breakDatabase';
const BREAK_READS = 'kurskompis.test.breakReads';
const HANG_DATABASE = 'kurskompis.test.hangDatabase';
const PAGES = [
  ['notes.html', 'Mina reflektioner'],
  ['team.html', 'Teamöversikt'],
  ['coordinator.html', 'Planering för samordnare'],
  ['report.html', 'Min fortbildning'],
] as const;

describe('a database that cannot be opened', () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
    await browser.context.addInitScript((flag) => {
      if (localStorage.getItem(flag) === null) return;
      IDBFactory.prototype.open = () => {
        throw new DOMException('The database could not be opened.', 'UnknownError');
      };
    }, BREAK_DATABASE);
    // A database that opens but then cannot be read.
    await browser.context.addInitScript((flag) => {
      if (localStorage.getItem(flag) === null) return;
      IDBDatabase.prototype.transaction = () => {
        throw new DOMException('The database could not be read.', 'UnknownError');
      };
    }, BREAK_READS);
    // A database that never answers: the page's listeners are never heard.
    await browser.context.addInitScript((flag) => {
      if (localStorage.getItem(flag) === null) return;
      const open = IDBFactory.prototype.open;
      IDBFactory.prototype.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
        const request = open.apply(this, args);
        request.addEventListener = () => undefined;
        return request;
      };
    }, HANG_DATABASE);
    const options = await loadPlanFile(browser, fixturePlanAt());
    await options.evaluate((flag) => localStorage.setItem(flag, '1'), BREAK_DATABASE);
    await options.close();
  });
  after(() => browser.close());

  it('is said on each page under its heading, with a button that reloads, and the page works again once it opens', async () => {
    for (const [path, heading] of PAGES) {
      const page = await browser.context.newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
      await page.getByRole('alert').filter({ hasText: /^Kurskompis kunde inte läsa det som sparats i den här webbläsaren\. Inget har ändrats/ }).waitFor();
      assert.match((await page.getByRole('heading', { level: 1 }).textContent()) ?? '', new RegExp(`^${heading}`), path);
      await page.close();
    }
    const notes = await browser.context.newPage();
    await notes.goto(`chrome-extension://${browser.extensionId}/notes.html`);
    await notes.getByRole('alert').waitFor();
    await notes.evaluate((flag) => localStorage.removeItem(flag), BREAK_DATABASE);
    await notes.getByRole('button', { name: 'Ladda om sidan' }).click();
    // The notes view's own main: the message's page has no busy state.
    await notes.locator('main.notes-view[aria-busy="false"]').waitFor();
    assert.equal(await notes.getByRole('alert').filter({ hasText: /kunde inte läsa det som sparats/ }).count(), 0);
    await notes.close();
  });

  it('once open but unreadable, is said the same way on the pages that read after opening', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.evaluate(([open, read]) => {
      localStorage.removeItem(open);
      localStorage.setItem(read, '1');
    }, [BREAK_DATABASE, BREAK_READS] as const);
    try {
      for (const [path, heading] of [...PAGES, ['summary.html', 'Kurskompis – sammanfattning'], ['evaluate.html', 'Utvärdera kurserna'], ['discussion.html', 'Förbered diskussionen'], ['options.html', 'Kurskompis']] as const) {
        const page = await browser.context.newPage();
        await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
        await page.getByRole('alert').filter({ hasText: /^Kurskompis kunde inte läsa det som sparats i den här webbläsaren\. Inget har ändrats/ }).waitFor();
        assert.match((await page.getByRole('heading', { level: 1 }).textContent()) ?? '', new RegExp(`^${heading}`), path);
        assert.equal(await page.locator('[aria-busy="true"]').count(), 0, path);
        await page.close();
      }
    } finally {
      await options.evaluate((read) => localStorage.removeItem(read), BREAK_READS);
      await options.close();
    }
  });

  it('that does not answer at all, is waited for and said after a while, not left blank', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.evaluate(([open, read, hang]) => {
      localStorage.removeItem(open);
      localStorage.removeItem(read);
      localStorage.setItem(hang, '1');
    }, [BREAK_DATABASE, BREAK_READS, HANG_DATABASE] as const);
    const report = await browser.context.newPage();
    try {
      await report.goto(`chrome-extension://${browser.extensionId}/report.html`);
      const waiting = report.getByRole('alert').filter({ hasText: /^Kurskompis väntar fortfarande på det som sparats/ });
      await waiting.waitFor({ timeout: 15_000 });
      assert.match((await report.getByRole('heading', { level: 1 }).textContent()) ?? '', /^Min fortbildning/);
      // Once the database answers again, reloading draws the page.
      await options.evaluate((hang) => localStorage.removeItem(hang), HANG_DATABASE);
      await report.getByRole('button', { name: 'Ladda om sidan' }).click();
      await report.getByTestId('report-summary').waitFor();
      assert.equal(await waiting.count(), 0);
    } finally {
      await options.evaluate((hang) => localStorage.removeItem(hang), HANG_DATABASE);
      await report.close();
      await options.close();
    }
  });
});
