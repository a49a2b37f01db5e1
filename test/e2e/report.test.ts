import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { fixturePage } from '../support/fixtures';
import { ClosedRoots } from './closed-root';
import { fixturePlanAt, launch, loadPlanFile, message, seriousViolations, type Browser } from './harness';

// The self-assessment saved from Digiteket's result page, a course finished, and the
// development-talk report printed to PDF by Chromium, its text read back.

/** Each page's size in PDF points (A4 is 595 × 842). */
async function pdfPageSizes(data: Buffer): Promise<Array<[number, number]>> {
  const pdf = await getDocument({ data: new Uint8Array(data), useSystemFonts: false }).promise;
  const sizes: Array<[number, number]> = [];
  for (let i = 1; i <= pdf.numPages; i += 1) {
    const [, , width, height] = (await pdf.getPage(i)).view as [number, number, number, number];
    sizes.push([Math.round(width), Math.round(height)]);
  }
  return sizes;
}

async function pdfText(data: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(data), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i += 1) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return pages.join('\n').replace(/\s+/g, ' ');
}

describe('self-assessment and the development-talk report', () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
    await loadPlanFile(browser, fixturePlanAt());
  });
  after(() => browser.close());

  it('saves the result from Digiteket’s result page as the start', async () => {
    const page = await browser.open('/sjalvskattningstest/resultat/');
    const bar = await ClosedRoots.of(page);
    await bar.click({ selector: 'button', text: 'Spara mitt resultat i Kurskompis', in: { selector: 'kurskompis-assessment' } });
    await bar.waitFor({ selector: '[role="status"]', text: 'Sparat som ditt resultat i början.', in: { selector: 'kurskompis-assessment' } });
  });

  it('saves nothing from a result page that changed shape, and offers to type it in', async () => {
    browser.pages.set(
      '/sjalvskattningstest/resultat/',
      `html:${fixturePage('sjalvskattningstest-resultat.html').replace(/<li class="result-area">.*Säkerhet.*<\/li>/, '')}`,
    );
    const page = await browser.open('/sjalvskattningstest/resultat/');
    const bar = await ClosedRoots.of(page);
    await bar.waitFor({ selector: '[role="status"]', text: 'Kurskompis kunde inte läsa resultatet på sidan, så inget sparades.', in: { selector: 'kurskompis-assessment' } });
    const opened = browser.context.waitForEvent('page');
    await bar.click({ selector: 'button', text: 'Skriv in resultatet själv', in: { selector: 'kurskompis-assessment' } });
    const report = await opened;
    await report.waitForURL(/report\.html#self-assessment$/);
    browser.pages.set('/sjalvskattningstest/resultat/', 'sjalvskattningstest-resultat.html');
  });

  it('prints the report with courses, time, the chart and only the chosen notes', async () => {
    const course = await browser.open('/kurs/skapa-en-podd/');
    const strip = await ClosedRoots.of(course);
    await strip.click({ selector: 'button', text: 'Markera som klar', in: { selector: 'kurskompis-panel' } });
    await strip.waitFor({ selector: '.badge', text: 'Klar ✓', in: { selector: 'kurskompis-panel' } });
    const options = await browser.options();
    for (const text of ['Ta med den här tanken', 'Den här är privat']) {
      await message(options, { type: 'noteCreate', key: 'digiteket.se/kurs/skapa-en-podd/', title: 'Skapa en podd', text });
    }
    const report = await browser.context.newPage();
    await report.goto(`chrome-extension://${browser.extensionId}/report.html`);
    await report.getByTestId('report-summary').filter({ hasText: 'Klara kurser: 1. Ungefärlig tid: 45 min.' }).waitFor();
    // The end result, typed in by hand on the same 1–5 scale as the start read from the page.
    await report.getByText('Skriv in resultatet själv').click();
    assert.equal(await report.locator('#assessment-scale').inputValue(), '7');
    await report.locator('#assessment-scale').selectOption('5');
    for (const [i, value] of ['4', '4,2', '3,5', '3.8', '3.6'].entries()) await report.locator(`#score-${i}`).fill(value);
    await report.locator('#phase').selectOption('end');
    await report.getByRole('button', { name: 'Spara resultatet' }).click();
    await report.getByText('Resultatet är sparat.').waitFor();
    await report.getByTestId('assessment-chart').getByText('4,2', { exact: true }).waitFor();
    assert.equal(await report.getByTestId('assessment-chart').getAttribute('data-scale'), '5');
    assert.equal(await report.getByTestId('scales-differ').count(), 0);
    await report.getByRole('listitem').filter({ hasText: 'Ta med den här tanken' }).getByLabel('Ta med').check();
    assert.deepEqual(await seriousViolations(report), []);
    // The page asks for A4 itself (@page), so the printout is A4 whatever the printer's default.
    const pdf = await report.pdf({ preferCSSPageSize: true });
    for (const size of await pdfPageSizes(pdf)) assert.deepEqual(size, [595, 842]);
    const text = await pdfText(pdf);
    assert.match(text, /Min fortbildning – underlag till medarbetarsamtalet/);
    // The header: the team and today's date the Swedish way ("2 december 2026").
    assert.match(text, /Team Östersunds bibliotek/);
    assert.match(text, /Datum \d{1,2} (januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december) \d{4}/);
    // The timeline: twelve months, this month's column counting the course just finished.
    assert.match(text, /Klara kurser per månad/);
    assert.match(text, /Klara kurser de senaste tolv månaderna: 1\./);
    const thisMonth = report.getByTestId('done-timeline').locator('[data-month]').last();
    assert.equal(await thisMonth.getAttribute('data-count'), '1');
    assert.equal(await report.getByTestId('done-timeline').locator('[data-month]').count(), 12);
    assert.match(text, /November: Skapa innehåll/);
    assert.match(text, /Skapa en podd/);
    assert.match(text, /45 min/);
    // The chart names the areas as the site does, whatever name the result page used.
    assert.match(text, /Information och analys/);
    assert.match(text, /3,2/);
    assert.match(text, /4,2/);
    assert.match(text, /Ta med den här tanken/);
    assert.doesNotMatch(text, /Den här är privat/);
    assert.doesNotMatch(text, /Skriv ut eller spara som PDF/);
  });

  it('shows a reflection written in another tab while it is open', async () => {
    const report = await browser.context.newPage();
    await report.goto(`chrome-extension://${browser.extensionId}/report.html`);
    await report.getByTestId('report-summary').waitFor();
    const options = await browser.options();
    await message(options, {
      type: 'noteCreate',
      key: 'digiteket.se/kurs/skapa-en-podd/',
      title: 'Skapa en podd',
      text: 'Skriven medan rapporten var öppen',
    });
    await report.getByRole('listitem').filter({ hasText: 'Skriven medan rapporten var öppen' }).waitFor({ timeout: 5000 });
    await report.close();
  });

  it('exports the calendar file', async () => {
    const report = await browser.context.newPage();
    await report.goto(`chrome-extension://${browser.extensionId}/report.html`);
    const downloaded = report.waitForEvent('download');
    await report.getByRole('button', { name: 'Lägg till i kalendern' }).click();
    const file = await downloaded;
    assert.equal(file.suggestedFilename(), 'kurskompis.ics');
    const { readFileSync } = await import('node:fs');
    const ics = readFileSync(await file.path(), 'utf8');
    assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
    assert.match(ics, /SUMMARY:Sista dag: November: Skapa innehåll/);
  });

  it('saves a seven-point result page with its scale, and the report shows it apart from the 1–5 result', async () => {
    browser.pages.set('/sjalvskattningstest/resultat/', 'sjalvskattningstest-resultat-7.html');
    const page = await browser.open('/sjalvskattningstest/resultat/');
    const bar = await ClosedRoots.of(page);
    await bar.click({ selector: 'button', text: 'Spara mitt resultat i Kurskompis', in: { selector: 'kurskompis-assessment' } });
    await bar.waitFor({ selector: '[role="status"]', text: 'Sparat som ditt resultat i', in: { selector: 'kurskompis-assessment' } });
    browser.pages.set('/sjalvskattningstest/resultat/', 'sjalvskattningstest-resultat.html');
    const report = await browser.context.newPage();
    await report.goto(`chrome-extension://${browser.extensionId}/report.html`);
    // Start or end, whichever the plan's dates make it, the other result is on 1–5.
    await report.getByTestId('scales-differ').filter({ hasText: 'Resultaten visas var för sig' }).waitFor();
    const scales = await report.getByTestId('assessment-chart').evaluateAll((charts) => charts.map((c) => c.getAttribute('data-scale')).sort());
    assert.deepEqual(scales, ['5', '7']);
    await report.getByTestId('assessment-chart').getByText('6,1', { exact: true }).waitFor();
    assert.deepEqual(await seriousViolations(report), []);
  });
});
