import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { addDays, todayInSweden } from '../../lib/time/dates';
import { ClosedRoots } from './closed-root';
import { launch, seriousViolations, type Browser } from './harness';

// The coordinator browses Digiteket's course lists in coordinator mode; Kurskompis learns the
// catalogue from them, marks the cards the plan does not hold, and the planner's coverage view
// counts the year's plan against everything seen. Staff see none of it.

const SCREENSHOT = process.env.COVERAGE_SCREENSHOT;

async function planner(browser: Browser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/coordinator.html`);
  return page;
}

const saved = (page: Page) => page.getByTestId('save-state').filter({ hasText: /^Sparat / }).waitFor();
const cardBadge = (title: string) => ({ selector: '.badge', in: { selector: '.course-card', text: title } });

describe('the year\'s coverage from the course lists the coordinator browses', () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  it('starts a plan and puts one course in it', async () => {
    const options = await browser.options();
    await options.getByLabel('Jag är samordnare').check();
    await options.getByRole('link', { name: 'Öppna planeringen' }).click();
    await options.waitForURL(/coordinator\.html$/);
    await options.getByLabel('Teamets namn').fill('Testbiblioteket');
    await options.getByRole('button', { name: 'Skapa planen' }).click();
    await saved(options);
    await options.locator('#f-periods-0-deadline').fill(addDays(todayInSweden(), 14));
    await saved(options);
    await options.close();
    const page = await browser.open('/kurs/skapa-en-podd/');
    const roots = await ClosedRoots.of(page);
    await roots.click({ selector: 'button', text: 'Lägg till i planen', in: { selector: 'kurskompis-collect' } });
    await roots.waitFor({ selector: 'button', text: 'I planen ✓', in: { selector: 'kurskompis-collect' } });
    await page.close();
  });

  it('marks the cards the plan does not hold with "Inte i planen" while browsing the lists', async () => {
    for (const path of ['/kurser/', '/kompetensomrade/skapa-innehall/']) {
      const page = await browser.open(path);
      const roots = await ClosedRoots.of(page);
      await roots.waitFor(cardBadge('Filma med mobilen'));
      assert.equal(await roots.text(cardBadge('Filma med mobilen')), 'Inte i planen');
      // The planned course has no such badge.
      assert.equal(await roots.count(cardBadge('Skapa en podd')), 0);
      await page.close();
    }
  });

  it('shows every course seen on the lists in the planner, planned or not', async () => {
    const edit = await planner(browser);
    const view = edit.getByTestId('coverage');
    const count = view.getByTestId('coverage-count');
    // The lists' cards reach the catalogue when the page is idle: wait for them.
    await count.filter({ hasText: /^1 av (2\d) kurser planerade i år$/ }).waitFor();
    const row = (title: string) => view.locator('tbody tr').filter({ has: edit.getByRole('link', { name: title, exact: true }) });
    assert.match((await row('Skapa en podd').locator('td').nth(1).textContent()) ?? '', /\S/);
    assert.notEqual(await row('Skapa en podd').locator('td').nth(1).textContent(), 'Inte planerad');
    assert.equal(await row('Filma med mobilen').locator('td').nth(1).textContent(), 'Inte planerad');
    // The lists were browsed after the plan last changed: what it does not hold is new.
    assert.match((await row('Filma med mobilen').locator('th').textContent()) ?? '', /Ny sedan \d{1,2} [a-zé]+/);
    assert.doesNotMatch((await row('Skapa en podd').locator('th').textContent()) ?? '', /Ny sedan/);
    // The area the card showed is kept.
    assert.equal(await row('Filma med mobilen').locator('td').nth(0).textContent(), 'Skapa innehåll');
    // Not in a team folder: nobody's progress is read.
    assert.equal(await row('Filma med mobilen').locator('td').nth(2).textContent(), '–');
    await view.getByLabel('Bara kurser som inte är planerade').check();
    assert.equal(await row('Skapa en podd').count(), 0);
    assert.equal(await row('Filma med mobilen').count(), 1);
    await view.getByLabel('Bara kurser som inte är planerade').uncheck();
    assert.deepEqual(await seriousViolations(edit), []);
    if (SCREENSHOT) {
      await view.scrollIntoViewIfNeeded();
      await view.screenshot({ path: SCREENSHOT });
    }
    await edit.close();
  });

  it('shows staff no "Inte i planen" once coordinator mode is off', async () => {
    const options = await browser.options();
    await options.getByLabel('Jag är samordnare').uncheck();
    await options.close();
    const page = await browser.open('/kurser/');
    // The page has settled once the site check has run; badges would have come before.
    await page.waitForLoadState('load');
    await page.waitForTimeout(1_000);
    const roots = await ClosedRoots.of(page);
    assert.equal(await roots.count({ selector: '.badge', text: 'Inte i planen' }), 0);
    assert.equal(await page.locator('kurskompis-collect').count(), 0);
    await page.close();
  });
});
