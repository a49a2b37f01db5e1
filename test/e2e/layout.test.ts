import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { ClosedRoots, notesFrame } from './closed-root';
import { fixturePlanAt, launch, loadPlanFile, message, seriousViolations, type Browser } from './harness';
import { layoutProblems } from './layout-check';

// Every extension page, with a plan and data in it, at a desktop width, at 640 px (that window
// at 200 % zoom) and at 320 px (WCAG's reflow width: a phone, or the window at 400 %), in light
// and in dark: no text cut off or pushed out of
// its box, no sideways scrolling of the page, no control or heading drawn over another, and
// axe finds nothing serious in either theme (its contrast check sees the real colours here).

const WIDTHS = [1280, 640, 320];
const MEMBER = 'aaaaaaaa-0000-4000-8000-000000000001';

function memberFile(): string {
  const at = new Date().toISOString();
  return JSON.stringify({
    kind: 'kurskompis/member',
    version: 1,
    memberId: MEMBER,
    displayName: 'Kim Långnamnsdotter-Björklund',
    updatedAt: at,
    progress: [{ courseKey: 'digiteket.se/kurs/kallkritik-pa-natet/', status: 'done', updatedAt: at }],
    signups: [{ sessionId: '2026-10-s1', updatedAt: at }],
    sharedNotes: [],
    evaluations: [
      { periodId: '2026-10', courseKey: 'digiteket.se/kurs/kallkritik-pa-natet/', usefulness: 5, minutes: 40, comment: 'Mycket matnyttig, med exempel från vår egen verksamhet', showName: true, updatedAt: at },
    ],
  });
}

interface Screen {
  name: string;
  /** Opens the page with its content drawn; returns where to measure (the page or the panel's frame). */
  open(browser: Browser): Promise<{ page: Page; target: Page | Frame }>;
}

const extensionPage =
  (file: string, ready: (page: Page) => Promise<unknown>, after?: (page: Page) => Promise<unknown>) =>
  async (browser: Browser) => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/${file}`);
    await ready(page);
    await after?.(page);
    return { page, target: page };
  };

const SCREENS: Screen[] = [
  { name: 'popup', open: extensionPage('popup.html', (p) => p.getByTestId('tally').waitFor()) },
  { name: 'options', open: extensionPage('options.html', (p) => p.locator('#plan-file').waitFor({ state: 'attached' })) },
  {
    name: 'planner',
    open: extensionPage('coordinator.html', async (p) => {
      await p.getByRole('button', { name: /^Utgå från planen som gäller nu/ }).click();
      await p.getByTestId('save-state').waitFor();
    }),
  },
  {
    name: 'team overview',
    open: extensionPage('team.html', async (p) => {
      await p.getByLabel('Period').selectOption('2026-10');
      await p.locator('#member-files').setInputFiles({ name: `${MEMBER}.json`, mimeType: 'application/json', buffer: Buffer.from(memberFile()) });
      await p.getByText('Mycket matnyttig', { exact: false }).first().waitFor();
    }),
  },
  { name: 'summary', open: extensionPage('summary.html', (p) => p.getByRole('heading', { level: 1 }).waitFor()) },
  { name: 'report', open: extensionPage('report.html', (p) => p.getByRole('heading', { level: 1 }).waitFor()) },
  { name: 'evaluate', open: extensionPage('evaluate.html?period=2026-10', (p) => p.getByRole('form').first().waitFor()) },
  { name: 'all reflections', open: extensionPage('notes.html', (p) => p.getByTestId('notes-count').waitFor()) },
  { name: 'discussion', open: extensionPage('discussion.html', (p) => p.getByRole('heading', { level: 1 }).waitFor()) },
  { name: 'privacy', open: extensionPage('privacy.html', (p) => p.getByRole('heading', { level: 1 }).waitFor()) },
  {
    name: 'notes panel',
    async open(browser) {
      const page = await browser.open('/kurs/skapa-en-podd/');
      await (await ClosedRoots.of(page)).click({ selector: 'button.tab', text: 'Mina reflektioner' });
      const frame = await notesFrame(page);
      await frame.getByRole('heading', { name: 'Mina reflektioner' }).waitFor();
      await frame.locator('.note').first().waitFor();
      return { page, target: frame };
    },
  },
];

async function prepare(browser: Browser): Promise<void> {
  const options = await loadPlanFile(browser, fixturePlanAt(new Date(), 'monthStart'));
  await options.getByLabel('Jag är samordnare').check();
  const created = (await message(options, {
    type: 'noteCreate',
    key: 'digiteket.se/kurs/skapa-en-podd/',
    title: 'Skapa en podd',
    text: 'Bokpoddar med skolklasser? Låna ut inspelningsutrustning: https://digiteket.se/kurs/skapa-en-podd/ett-mycket-langt-avsnitt-utan-mellanslag',
  })) as { note: { id: string } };
  await message(options, { type: 'noteUpdate', id: created.note.id, patch: { shared: true } });
  await message(options, { type: 'setDone', key: 'digiteket.se/kurs/kallkritik-pa-natet/', done: true, title: 'Källkritik på nätet' });
  await options.close();
}

for (const colorScheme of ['light', 'dark'] as const) {
  describe(`every page in ${colorScheme} mode`, () => {
    let browser: Browser;
    before(async () => {
      browser = await launch({ colorScheme });
      await prepare(browser);
    });
    after(() => browser?.close());

    for (const screen of SCREENS) {
      it(`${screen.name}: text fits, nothing overlaps, axe finds nothing serious`, async () => {
        const { page, target } = await screen.open(browser);
        try {
          assert.equal(await target.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), colorScheme === 'dark');
          for (const width of WIDTHS) {
            await page.setViewportSize({ width, height: 900 });
            await page.waitForTimeout(100);
            const found = await layoutProblems(target);
            assert.equal(found.pageOverflow, 0, `${screen.name} at ${width} px scrolls sideways by ${found.pageOverflow} px`);
            assert.deepEqual(found.overflowing, [], `${screen.name} at ${width} px: text out of its box`);
            assert.deepEqual(found.overlapping, [], `${screen.name} at ${width} px: overlapping controls or headings`);
            assert.deepEqual(await seriousViolations(target), [], `${screen.name} at ${width} px: axe`);
          }
        } finally {
          await page.close();
        }
      });
    }
  });
}

// The check has to see what it is for: a heading pulled over the next one, and a line that
// cannot wrap on a narrow screen, both on a page that otherwise passes.
describe('the layout check itself', () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
    await (await loadPlanFile(browser, fixturePlanAt())).close();
  });
  after(() => browser?.close());

  it('finds a heading drawn over the next heading, and text pushed past a narrow window', async () => {
    const page = await browser.options();
    await page.locator('.card h2').nth(1).waitFor();
    await page.setViewportSize({ width: 360, height: 900 });
    assert.deepEqual((await layoutProblems(page)).overlapping, []);
    await page.addStyleTag({ content: '.card h2 { margin-bottom: -2.2em; } .card + .card { margin-top: -4.5rem; }' });
    const overlapping = (await layoutProblems(page)).overlapping;
    assert.ok(overlapping.some((pair) => /^h2.* × /.test(pair)), overlapping.join('\n'));
    await page.addStyleTag({ content: '.card p { white-space: nowrap; }' });
    const found = await layoutProblems(page);
    assert.ok(found.overflowing.length > 0 || found.pageOverflow > 0);
    await page.close();
  });
});
