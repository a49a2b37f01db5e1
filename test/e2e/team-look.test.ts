import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Locator, Page } from 'playwright-core';
import { fixturePlanAt, launch, loadPlanFile, seriousViolations, type Browser } from './harness';

// The team overview as it is shown at a staff meeting: 40 members and 14 courses, read in as
// member files. The grid scrolls in its own box with its header row and name column in view,
// its long course titles do not run into each other, and the page itself never scrolls sideways.

const MEMBERS = 40;
const now = new Date();
const EXTRA = [
  'Källkritik för bibliotekarier i sociala medier',
  'Digitalt berättande',
  'Informationssäkerhet i vardagen',
  'Programmering med Scratch för nybörjare',
  'Tillgänglighetsanpassade dokument',
  'AI-verktyg i referensarbetet',
  'Makerspace',
  'Licenser',
];

function plan(): { text: string; keys: string[] } {
  const laid = JSON.parse(fixturePlanAt(now)) as { periods: Array<{ id: string; items: Array<{ url: string; title: string }> }> };
  const november = laid.periods.find((p) => p.id === '2026-11')!;
  november.items.push(...EXTRA.map((title, i) => ({ url: `https://digiteket.se/kurs/extra-${i}/`, title, kind: 'course' })));
  const keys = november.items.map((item) => item.url.replace(/^https:\/\//, ''));
  return { text: JSON.stringify(laid), keys };
}

function memberFiles(keys: string[]): Array<{ name: string; mimeType: string; buffer: Buffer }> {
  const at = now.toISOString();
  // Sessions of November: 8 places, 8 places, 10 places: the first full, the last over-booked.
  const session = (i: number) => (i < 8 ? '2026-11-s1' : i < 11 ? '2026-11-s2' : i < 22 ? '2026-11-s3' : null);
  return Array.from({ length: MEMBERS }, (_, i) => {
    const memberId = `cccccccc-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const progress = keys.flatMap((courseKey, c) => {
      const n = (i * 7 + c * 3) % 10;
      return n < 4 ? [{ courseKey, status: 'done', updatedAt: at }] : n < 7 ? [{ courseKey, status: 'started', updatedAt: at }] : [];
    });
    const id = session(i);
    const file = {
      kind: 'kurskompis/member',
      version: 1,
      memberId,
      displayName: `${['Anna', 'Bo', 'Cecilia', 'David', 'Eva'][i % 5]} ${['Lindqvist', 'Östberg', 'Andersson-Wikström', 'Berg'][i % 4]} ${i + 1}`,
      updatedAt: at,
      progress: i === 0 ? [] : progress,
      signups: id ? [{ sessionId: id, updatedAt: at }] : [],
    };
    return { name: `${memberId}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) };
  });
}

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;

/** Where each header's text is drawn (its text, not its cell), with the cell it belongs to. */
async function headerTexts(page: Page): Promise<Array<{ text: string; ink: Box; cell: Box }>> {
  return page.getByTestId('team-grid').locator('thead th').evaluateAll((cells) =>
    cells.map((th) => {
      const range = document.createRange();
      range.selectNodeContents(th);
      const r = range.getBoundingClientRect();
      const c = th.getBoundingClientRect();
      return { text: th.textContent ?? '', ink: { x: r.x, y: r.y, width: r.width, height: r.height }, cell: { x: c.x, y: c.y, width: c.width, height: c.height } };
    }),
  );
}

async function box(locator: Locator): Promise<Box> {
  const b = await locator.boundingBox();
  assert.ok(b, 'shown');
  return b;
}

/**
 * The words in these cells that are drawn in more than one piece: broken across lines inside
 * the word. A line may end after a hyphen ("Andersson-" / "Wikström"), so that counts as two words.
 */
async function brokenWords(cells: Locator): Promise<string[]> {
  return cells.evaluateAll((elements) =>
    elements.flatMap((element) => {
      const broken: string[] = [];
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const word of (node.textContent ?? '').matchAll(/[^\s-]+-?/g)) {
          const range = document.createRange();
          range.setStart(node, word.index);
          range.setEnd(node, word.index + word[0].length);
          const pieces = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
          if (pieces.length > 1) broken.push(`${word[0]} (${pieces.length} pieces)`);
        }
      }
      return broken;
    }),
  );
}

/** Each page's text runs. */
async function pdfPages(data: Buffer): Promise<string[][]> {
  const pdf = await getDocument({ data: new Uint8Array(data), useSystemFonts: false }).promise;
  const pages: string[][] = [];
  for (let i = 1; i <= pdf.numPages; i += 1) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str.trim() : '')).filter(Boolean));
  }
  return pages;
}

/** The elements that reach past the page's right edge, if the page scrolls sideways. */
async function pastTheEdge(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    return [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5 && !el.closest('.grid-wrap *'))
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`);
  });
}

describe('the team overview at a glance', () => {
  let browser: Browser;
  let page: Page;
  before(async () => {
    browser = await launch();
    const { text, keys } = plan();
    await loadPlanFile(browser, text);
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`chrome-extension://${browser.extensionId}/team.html`);
    await page.getByLabel('Medlemsfiler (JSON) som kollegorna skickat').setInputFiles(memberFiles(keys));
    await page.getByTestId('team-grid').locator('tbody tr').nth(MEMBERS - 1).waitFor();
  });
  after(async () => {
    await browser?.close();
  });

  it('shows every member and course, with no header text running into another', async () => {
    await page.screenshot({ path: join(tmpdir(), 'kurskompis-team-1280.png') });
    await page.screenshot({ path: join(tmpdir(), 'kurskompis-team-1280-full.png'), fullPage: true });
    assert.equal(await page.getByTestId('team-grid').locator('tbody tr').count(), MEMBERS);
    const headers = await headerTexts(page);
    assert.equal(headers.length, 1 + 6 + EXTRA.length + 2);
    for (const [i, a] of headers.entries()) {
      // Each text stays inside its own cell…
      assert.ok(a.ink.x >= a.cell.x - 0.5 && a.ink.x + a.ink.width <= a.cell.x + a.cell.width + 0.5, `"${a.text}" stays in its column`);
      // …and so clear of every other.
      for (const b of headers.slice(i + 1)) assert.ok(!overlaps(a.ink, b.ink), `"${a.text}" and "${b.text}" do not overlap`);
    }
    assert.ok(headers.some((h) => h.text.startsWith('Östersundsmodellen')));
    assert.deepEqual(await pastTheEdge(page), []);
    assert.deepEqual(await seriousViolations(page), []);
  });

  it('keeps the header row and the name column in view while the grid scrolls in its own box', async () => {
    const scroller = page.getByTestId('team-grid-scroll');
    await scroller.scrollIntoViewIfNeeded();
    const frame = await box(scroller);
    const firstHeader = page.getByTestId('team-grid').locator('thead th').nth(3);
    const firstName = page.getByTestId('team-grid').locator('tbody th').first();
    const before = { header: await box(firstHeader), name: await box(firstName) };
    const sizes = await scroller.evaluate((el) => ({ down: el.scrollHeight - el.clientHeight, across: el.scrollWidth - el.clientWidth }));
    assert.ok(sizes.down > 200, 'forty members scroll down inside the box');

    await scroller.evaluate((el) => el.scrollTo(el.scrollWidth, 600));
    const pageScroll = await page.evaluate(() => window.scrollY);
    const header = await box(firstHeader);
    assert.ok(Math.abs(header.y - frame.y) <= 2, `the header row stays at the top of the box (${header.y} against ${frame.y})`);
    // A name in the middle of the box: its row moved up, its cell stayed at the left edge.
    const visibleName = page.getByTestId('team-grid').locator('tbody th').nth(20);
    const name = await box(visibleName);
    assert.ok(name.y > frame.y && name.y + name.height < frame.y + frame.height, 'the 21st name is in the box after scrolling');
    assert.ok(Math.abs(name.x - frame.x) <= 2, `the name column stays at the left of the box (${name.x} against ${frame.x})`);
    assert.ok((await box(firstName)).y < before.name.y - 100, 'the rows did move');
    assert.equal(await page.evaluate(() => window.scrollY), pageScroll, 'the page itself did not scroll');
    // The done counts per course stay at the foot of the box.
    const totals = await box(page.getByTestId('team-grid').locator('tfoot td').first());
    assert.ok(Math.abs(totals.y + totals.height - (frame.y + frame.height)) <= 3, `the totals stay at the foot of the box (${totals.y + totals.height} against ${frame.y + frame.height})`);
    await page.screenshot({ path: join(tmpdir(), 'kurskompis-team-1280-scrolled.png') });
    await scroller.evaluate((el) => el.scrollTo(0, 0));
  });

  it('draws the sign-ups as capacity bars, the full session and the over-booked one marked', async () => {
    const sessions = page.getByTestId('team-sessions');
    const bar = (id: string) => sessions.locator(`li[data-session-id="${id}"]`).getByRole('meter');
    assert.equal(await bar('2026-11-s1').getAttribute('aria-valuetext'), '8 av 8 platser tagna');
    assert.match((await sessions.locator('li[data-session-id="2026-11-s1"]').textContent()) ?? '', /Fullt/);
    assert.equal(await bar('2026-11-s2').getAttribute('aria-valuenow'), '3');
    assert.match((await sessions.locator('li[data-session-id="2026-11-s3"]').textContent()) ?? '', /Överbokat med 1\./);
    // The full bar is drawn full, the one with 3 of 8 about three eighths.
    await sessions.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(tmpdir(), 'kurskompis-team-sessions.png') });
    const fill = (id: string) => bar(id).locator('.meter-fill').evaluate((el) => el.getBoundingClientRect().width / (el.parentElement as HTMLElement).clientWidth);
    assert.ok((await fill('2026-11-s1')) > 0.97, String(await fill('2026-11-s1')));
    assert.ok(Math.abs((await fill('2026-11-s2')) - 3 / 8) < 0.05, String(await fill('2026-11-s2')));
  });

  it('on a narrow screen scrolls the grid sideways in its box, never the page', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(tmpdir(), 'kurskompis-team-360.png') });
    await page.screenshot({ path: join(tmpdir(), 'kurskompis-team-360-full.png'), fullPage: true });
    assert.deepEqual(await pastTheEdge(page), []);
    const scroller = page.getByTestId('team-grid-scroll');
    assert.ok(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth + 100), 'the grid is wider than its box');
    // What the browser itself counts as the page's content (a full-page picture, a phone's
    // zoom-out) is no wider either: nothing in the grid escapes its box, hidden words included.
    const cdp = await browser.context.newCDPSession(page);
    const { cssContentSize } = (await cdp.send('Page.getLayoutMetrics')) as { cssContentSize: { width: number } };
    await cdp.detach();
    assert.ok(cssContentSize.width <= 360, `the page's content is ${cssContentSize.width} px wide`);
    // Before scrolling: once it scrolls, titles pass under the name column's header, as they should.
    const headers = await headerTexts(page);
    for (const [i, a] of headers.entries()) for (const b of headers.slice(i + 1)) assert.ok(!overlaps(a.ink, b.ink), `"${a.text}" and "${b.text}" do not overlap`);
    await scroller.scrollIntoViewIfNeeded();
    const frame = await box(scroller);
    await scroller.evaluate((el) => el.scrollTo(400, 300));
    const name = await box(page.getByTestId('team-grid').locator('tbody th').nth(12));
    assert.ok(Math.abs(name.x - frame.x) <= 2, 'the name column stays at the left');
    const header = await box(page.getByTestId('team-grid').locator('thead th').nth(5));
    assert.ok(Math.abs(header.y - frame.y) <= 2, 'the header row stays at the top');
    assert.deepEqual(await pastTheEdge(page), []);
    await page.screenshot({ path: join(tmpdir(), 'kurskompis-team-360-scrolled.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('prints the whole grid, landscape, without buttons', async () => {
    // A4 landscape less its margins is 277 mm wide, 1047 CSS pixels.
    await page.setViewportSize({ width: 1047, height: 740 });
    await page.emulateMedia({ media: 'print' });
    assert.ok(await page.getByTestId('team-grid').evaluate((el) => el.getBoundingClientRect().right <= 1047), 'the grid fits the page width');
    assert.deepEqual(await pastTheEdge(page), []);
    assert.equal(await page.getByRole('button', { name: /^Ge mer tid till / }).first().isVisible(), false);
    // In print nothing is cut off: the grid box is as large as the grid.
    assert.ok(await page.getByTestId('team-grid-scroll').evaluate((el) => el.scrollHeight <= el.clientHeight + 1));
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(tmpdir(), 'kurskompis-team-print.png') });
    await page.emulateMedia({ media: null });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
    assert.ok(pdf.length > 1000);
    writeFileSync(join(tmpdir(), 'kurskompis-team.pdf'), pdf);
  });

  it('prints the course titles and the names whole, on landscape and portrait A4, the header row on every page', async () => {
    const grid = page.getByTestId('team-grid');
    await page.emulateMedia({ media: 'print' });
    // The printable width of A4 less 10 mm margins: 277 mm landscape, 190 mm portrait (a browser
    // that ignores the page's own size).
    for (const [width, height] of [
      [1047, 718],
      [718, 1047],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(tmpdir(), `kurskompis-team-print-${width}.png`), fullPage: true });
      assert.ok(await grid.evaluate((el, w) => el.getBoundingClientRect().right <= w + 0.5, width), `the grid fits ${width} px`);
      // Swedish titles are long ("Tillgänglighetsanpassade dokument"): they wrap between words,
      // never inside one, and the names too.
      assert.deepEqual(await brokenWords(grid.locator('thead th')), [], `no title broken inside a word at ${width} px`);
      assert.deepEqual(await brokenWords(grid.locator('tbody th, tfoot th')), [], `no name broken inside a word at ${width} px`);
      const headers = await headerTexts(page);
      for (const [i, a] of headers.entries()) {
        assert.ok(a.ink.x >= a.cell.x - 0.5 && a.ink.x + a.ink.width <= a.cell.x + a.cell.width + 0.5, `"${a.text}" stays in its column at ${width} px`);
        assert.ok(a.ink.y >= a.cell.y - 0.5 && a.ink.y + a.ink.height <= a.cell.y + a.cell.height + 0.5, `"${a.text}" stays in its cell at ${width} px`);
        for (const b of headers.slice(i + 1)) assert.ok(!overlaps(a.ink, b.ink), `"${a.text}" and "${b.text}" do not overlap at ${width} px`);
      }
      // Chromium repeats a header row only while it is at most a quarter of the page's height.
      const headerHeight = await grid.locator('thead').evaluate((el) => el.getBoundingClientRect().height);
      assert.ok(headerHeight <= 718 / 4, `the header row is ${headerHeight} px high`);
      assert.deepEqual(
        await grid.evaluate((el) => [getComputedStyle(el.querySelector('thead') as Element).display, getComputedStyle(el.querySelector('tbody tr') as Element).breakInside]),
        ['table-header-group', 'avoid'],
        'the header row repeats and a row is never split over two pages',
      );
    }
    await page.emulateMedia({ media: null });
    await page.setViewportSize({ width: 1280, height: 800 });

    // On paper (landscape A4, as the page asks): every page with members on it starts with the header row.
    const pages = await pdfPages(await page.pdf({ preferCSSPageSize: true, printBackground: false }));
    const names = pages.map((runs) => runs.filter((run) => /^(Anna|Bo|Cecilia|David|Eva) \S+ \d+$/.test(run)));
    assert.equal(new Set(names.flat()).size, MEMBERS, 'every member is printed');
    const withMembers = pages.filter((_, i) => names[i]!.length > 0);
    assert.ok(withMembers.length >= 2, `forty members take more than one page (${withMembers.length})`);
    for (const [i, runs] of withMembers.entries()) {
      assert.ok(runs.includes('Namn') && runs.includes('Licenser'), `page ${i + 1} with members has the header row: ${runs.slice(0, 20).join(' | ')}`);
    }
  });
});
