import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { ClosedRoots } from './closed-root';
import { fixturePlanAt, launch, loadPlanFile, type Browser } from './harness';

const stripBadge = (text?: string) => ({ selector: '.badge', ...(text ? { text } : {}), in: { selector: 'kurskompis-panel' } });
const stripButton = { selector: 'button', in: { selector: 'kurskompis-panel' } };
const cardBadge = (title: string, text: string) => ({ selector: '.badge', text, in: { selector: '.course-card', text: title } });

async function waitForBadge(browser: Browser, expected: string) {
  for (let i = 0; i < 50; i += 1) {
    if ((await browser.toolbarBadge()) === expected) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(await browser.toolbarBadge(), expected);
}

describe('progress', () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
    await (await loadPlanFile(browser, fixturePlanAt())).close();
  });
  after(() => browser.close());

  it('starts with four required courses left on the toolbar and in the popup', async () => {
    await waitForBadge(browser, '4');
    const popup = await browser.popup();
    await popup.getByTestId('tally').waitFor();
    assert.equal(await popup.getByRole('heading', { level: 2 }).textContent(), 'November: Skapa innehåll');
    assert.match((await popup.getByTestId('tally').textContent()) ?? '', /^0 av 4 obligatoriska klara/);
    assert.match((await popup.getByTestId('optional').textContent()) ?? '', /0 av 2/);
    assert.match((await popup.getByTestId('deadline').textContent()) ?? '', /Klar senast \d{1,2} \S+ \(vecka \d+\)/);
    assert.match((await popup.getByTestId('pace').textContent()) ?? '', /kurser|Ungefär/);
    // The bar: named by the tally; the plan is half way (day 15 of 29), so the pace line stands
    // at about half and two of four should be done by tonight.
    const bar = popup.getByRole('progressbar', { name: '0 av 4 obligatoriska klara' });
    assert.equal(await bar.getAttribute('aria-valuenow'), '0');
    assert.equal(await popup.getByTestId('pace-standing').textContent(), 'Strecket visar takten: i dag borde 2 av 4 vara klara. Du ligger efter.');
    const barBox = await bar.boundingBox();
    const markerBox = await popup.getByTestId('pace-marker').boundingBox();
    assert.ok(barBox && markerBox);
    const at = (markerBox.x + markerBox.width / 2 - barBox.x) / barBox.width;
    assert.ok(Math.abs(at - 15 / 29) < 0.03, `the pace line at ${at.toFixed(3)} of the bar`);
    // Each course says its status in words beside the icon; marking done is a checkbox.
    assert.deepEqual(await popup.getByTestId('item-status').allTextContents(), ['Inte påbörjad', 'Inte påbörjad', 'Inte påbörjad', 'Inte påbörjad', 'Inte påbörjad', 'Inte påbörjad']);
    assert.equal(await popup.getByRole('checkbox', { name: /^Markera som klar: / }).count(), 6);
    assert.equal(await popup.locator('.item').count(), 6);
    const first = popup.locator('.item').first();
    assert.equal(await first.getByRole('link').getAttribute('href'), 'https://digiteket.se/kurs/skapa-en-podd/');
    await popup.close();
  });

  it('records a visit as started and a finished course as done', async () => {
    const page = await browser.open('/kurs/skapa-en-podd/');
    await (await ClosedRoots.of(page)).waitFor(stripBadge());
    let popup = await browser.popup();
    await popup.locator('.item[data-status="started"]').waitFor();
    assert.equal(await popup.locator('.item[data-key="digiteket.se/kurs/skapa-en-podd/"]').getAttribute('data-status'), 'started');
    await popup.close();

    // The last step of the course shows the completion section and the certificate link.
    browser.pages.set('/kurs/skapa-en-podd/', 'kurs-skapa-en-podd-klar.html');
    await page.reload();
    const roots = await ClosedRoots.of(page);
    await roots.waitFor(stripBadge('Klar ✓'));
    assert.equal(await roots.text(stripButton), 'Ångra');
    await waitForBadge(browser, '3');
    popup = await browser.popup();
    await popup.getByTestId('tally').waitFor();
    assert.match((await popup.getByTestId('tally').textContent()) ?? '', /^1 av 4 obligatoriska klara/);
    assert.equal(await popup.locator('.item[data-key="digiteket.se/kurs/skapa-en-podd/"]').getAttribute('data-status'), 'done');
    await popup.close();

    // Open course lists show the check at once.
    const list = await browser.open('/kurser/');
    await (await ClosedRoots.of(list)).waitFor(cardBadge('Skapa en podd', 'Klar ✓'));
    await list.close();
    await page.close();
  });

  it('marks and unmarks by hand on the course page', async () => {
    browser.pages.set('/kurs/filma-med-mobilen/', `html:${readFileSync('test/fixtures/kurs-filma-med-mobilen.html', 'utf8')}`);
    const page = await browser.open('/kurs/filma-med-mobilen/');
    const roots = await ClosedRoots.of(page);
    await roots.waitFor(stripBadge('Månadens kurs'));
    assert.equal(await roots.text(stripButton), 'Markera som klar');
    await roots.click(stripButton);
    await waitForBadge(browser, '2');
    assert.equal(await roots.text(stripButton), 'Ångra');
    assert.equal(await roots.text({ selector: '[role="status"]', in: { selector: 'kurskompis-panel' } }), 'Markerad som klar.');
    await roots.click(stripButton);
    await waitForBadge(browser, '3');
    assert.equal(await roots.text(stripButton), 'Markera som klar');
    await page.close();
  });

  it('marks and unmarks from the popup, and open pages follow', async () => {
    const page = await browser.open('/kurser/');
    await page.locator('[data-kurskompis]').first().waitFor();
    const roots = await ClosedRoots.of(page);
    const popup = await browser.popup();
    const item = popup.locator('.item[data-key="digiteket.se/kurs/bildredigering-i-webblasaren/"]');
    const box = item.getByRole('checkbox', { name: 'Markera som klar: Bildredigering i webbläsaren' });
    assert.equal(await box.isChecked(), false);
    await box.check();
    await popup.locator('.item[data-key="digiteket.se/kurs/bildredigering-i-webblasaren/"][data-status="done"]').waitFor();
    assert.equal(await item.getByTestId('item-status').textContent(), 'Klar');
    assert.equal(await box.isChecked(), true);
    await waitForBadge(browser, '2');
    await roots.waitFor(cardBadge('Bildredigering i webbläsaren', 'Klar ✓'));
    await box.uncheck();
    await popup.locator('.item[data-key="digiteket.se/kurs/bildredigering-i-webblasaren/"][data-status="started"]').waitFor();
    assert.equal(await box.isChecked(), false);
    await waitForBadge(browser, '3');
    await roots.waitFor(cardBadge('Bildredigering i webbläsaren', 'Månadens kurs'));
    await popup.close();
    await page.close();
  });

  it('imports every course on Mina sidor in one click', async () => {
    const page = await browser.open('/mina-sidor/');
    const roots = await ClosedRoots.of(page);
    const inBar = (selector: string, text: string) => ({ selector, text, in: { selector: 'kurskompis-import' } });
    await roots.waitFor(inBar('.status', 'Digiteket listar 3 genomförda kurser.'));
    await roots.click(inBar('button', 'Importera till Kurskompis'));
    // Skapa en podd was already done; the other two are new.
    await roots.waitFor(inBar('.status', '2 kurser importerades som klara (1 fanns redan).'));
    const list = await browser.open('/kurser/');
    const listRoots = await ClosedRoots.of(list);
    for (const title of ['Källkritik på nätet', 'Starka lösenord']) {
      await listRoots.waitFor(cardBadge(title, 'Klar ✓'));
    }
    // Neither belongs to this period: the toolbar count stays.
    assert.equal(await browser.toolbarBadge(), '3');
    await list.close();
    await page.close();
  });
});
