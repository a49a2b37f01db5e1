import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixturePlanAt, launch, loadPlanFile, type Browser } from './harness';

// A browser whose database cannot be opened (a damaged profile, a disk that fails): every
// extension page says so under its own heading instead of staying blank, and nothing is lost.

const BREAK_DATABASE = 'kurskompis.test.breakDatabase';
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
});
