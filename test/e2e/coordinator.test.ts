import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { addDays, addMonths, firstOfMonth, todayInSweden } from '../../lib/time/dates';
import { ClosedRoots } from './closed-root';
import { launch, loadPlanFile, seriousViolations, type Browser } from './harness';

const inBar = (selector: string, text: string) => ({ selector, text, in: { selector: 'kurskompis-collect' } });

// The coordinator builds a two-period plan in the planner and on Digiteket's pages, downloads
// it, and a colleague with a fresh browser loads the file and sees the badges.

async function planner(browser: Browser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/coordinator.html`);
  return page;
}

const saved = (page: Page) => page.getByTestId('save-state').filter({ hasText: /^Sparat / }).waitFor();

describe('the coordinator builds and hands out a plan', () => {
  let coordinator: Browser;
  let colleague: Browser;
  let planText = '';
  before(async () => {
    coordinator = await launch();
  });
  after(async () => {
    await coordinator?.close();
    await colleague?.close();
  });

  it('turns on coordinator mode and creates a plan for the team', async () => {
    const options = await coordinator.options();
    await options.getByLabel('Jag är samordnare').check();
    await options.getByRole('link', { name: 'Öppna planeringen' }).click();
    await options.waitForURL(/coordinator\.html$/);
    await options.getByLabel('Teamets namn').fill('Testbiblioteket');
    await options.getByRole('button', { name: 'Skapa planen' }).click();
    await saved(options);
    const thisMonth = firstOfMonth(todayInSweden());
    assert.equal(await options.locator('#f-periods-0-starts').inputValue(), thisMonth);
    // The default deadline is the month's last weekday, which on a month's last days is past:
    // the period is made to run two weeks from today, whatever day the test runs.
    await options.locator('#f-periods-0-deadline').fill(addDays(todayInSweden(), 14));
    await saved(options);
    assert.deepEqual(await seriousViolations(options), []);
    await options.close();
  });

  it('collects every course of a competence-area page into the first period', async () => {
    const page = await coordinator.open('/kompetensomrade/skapa-innehall/');
    const roots = await ClosedRoots.of(page);
    const addAll = inBar('button', 'Lägg till alla (11)');
    await roots.waitFor(addAll);
    // A tick box sits on each card, named after the course.
    assert.equal(await roots.count('input[type="checkbox"][aria-label="Välj Skapa en podd"]'), 1);
    await roots.click(addAll);
    await roots.waitFor(inBar('[role="status"]', 'Tillagda: 11'));
    await roots.waitFor('input[type="checkbox"][aria-label="Välj Skapa en podd"]:disabled');
    await page.close();

    const edit = await planner(coordinator);
    const items = edit.getByTestId('plan-period').first().getByTestId('plan-item');
    await items.first().waitFor();
    const titles = await items.locator('input[type="text"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    assert.equal(titles.length, 11);
    assert.ok(titles.includes('Skapa en podd'));
    await edit.close();
  });

  it('adds one course from its own page', async () => {
    const page = await coordinator.open('/kurs/kallkritik-pa-natet/');
    const roots = await ClosedRoots.of(page);
    await roots.click(inBar('button', 'Lägg till i planen'));
    await roots.waitFor(inBar('button', 'I planen ✓'));
    await page.close();
  });

  it('adds a second period with pasted addresses and a discussion session, refusing bad lines', async () => {
    const edit = await planner(coordinator);
    await edit.getByRole('button', { name: 'Lägg till period' }).click();
    const second = edit.getByTestId('plan-period').nth(1);
    await second.getByLabel('Rubrik', { exact: true }).fill('Nästa månad: Säkerhet');
    await second.locator('textarea').fill(
      ['https://digiteket.se/kurs/starka-losenord/', 'javascript:alert(1)', 'https://www.digiteket.se/kurs/kallkritik-pa-natet/?utm_source=x'].join('\n'),
    );
    await second.getByRole('button', { name: 'Lägg till i perioden' }).click();
    const report = second.getByTestId('paste-report');
    await report.filter({ hasText: 'Tillagda: 2.' }).waitFor();
    assert.match((await report.textContent()) ?? '', /javascript:alert\(1\) – är ingen säker webbadress/);
    // Titles are read from Digiteket's pages; Starka lösenord has no page here, so it keeps its stand-in.
    await second.getByTestId('title-lookup').filter({ hasText: 'Rubriker hämtade från Digiteket: 1.' }).waitFor();
    const pasted = await second.getByTestId('plan-item').locator('input[type="text"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    assert.deepEqual(pasted, ['Starka losenord', 'Källkritik på nätet']);
    // The session has no place yet: the plan is not saved, and the field says why.
    await second.getByRole('button', { name: 'Lägg till diskussionstillfälle' }).click();
    await edit.getByTestId('save-state').filter({ hasText: 'Inte sparat' }).waitFor();
    assert.equal(await second.locator('#f-periods-1-sessions-0-place-error').textContent(), 'Fyll i det här fältet.');
    await second.getByLabel('Plats eller möteslänk').fill('Lilla mötesrummet');
    await saved(edit);
    // Keyboard reordering: the second item moves up.
    const items = second.getByTestId('plan-item');
    const secondTitle = await items.nth(1).locator('input[type="text"]').inputValue();
    await items.nth(1).getByRole('button', { name: `Flytta upp: ${secondTitle}` }).press('Enter');
    await saved(edit);
    assert.equal(await items.nth(0).locator('input[type="text"]').inputValue(), secondTitle);

    const downloadEvent = edit.waitForEvent('download');
    await edit.getByTestId('download-plan').click();
    const download = await downloadEvent;
    assert.equal(download.suggestedFilename(), 'kurskompis-plan-testbiblioteket.json');
    planText = readFileSync(await download.path(), 'utf8');
    const plan = JSON.parse(planText) as { periods: Array<{ starts: string; items: unknown[]; sessions: unknown[] }> };
    assert.equal(plan.periods.length, 2);
    assert.equal(plan.periods[1]?.starts, addMonths(firstOfMonth(todayInSweden()), 1));
    assert.deepEqual(plan.periods.map((p) => [p.items.length, p.sessions.length]), [[12, 0], [2, 1]]);
    assert.match(await edit.getByTestId('join-text').inputValue(), /kurskompis-plan-testbiblioteket\.json/);
    assert.deepEqual(await seriousViolations(edit), []);
    await edit.close();
  });

  it('gives a colleague with a fresh browser the badges from the downloaded file', async () => {
    colleague = await launch();
    const options = await loadPlanFile(colleague, planText, 'kurskompis-plan-testbiblioteket.json');
    assert.equal(await options.getByTestId('file-result').textContent(), 'Planen är inläst.');
    const page = await colleague.open('/kurser/');
    await page.locator('[data-kurskompis]').first().waitFor();
    const podd = { selector: '.badge', in: { selector: '.course-card', text: 'Skapa en podd' } };
    assert.equal(await (await ClosedRoots.of(page)).text(podd), 'Månadens kurs');
    // Staff never see the coordinator's tick boxes.
    assert.equal(await page.locator('kurskompis-collect').count(), 0);
    const popup = await colleague.popup();
    await popup.getByTestId('tally').waitFor();
    assert.match((await popup.getByTestId('tally').textContent()) ?? '', /0 av 12/);
  });
});
