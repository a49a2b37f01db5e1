// npm run screenshots: every page of Kurskompis in real Chromium, in Swedish and English, light
// and dark, at 1280×800 and 360 px wide (a phone, or 400 % zoom), written to .output/screenshots/ to be looked at (and for the store
// listing). Digiteket's pages are the fixture pages; the plan is the fixture plan as it stands today.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { fixturePlanAt, launch, loadPlanFile, message, type Browser } from '../e2e/harness';

const OUT = join('.output', 'screenshots');

interface Shot {
  name: string;
  open: (browser: Browser) => Promise<Page>;
  /** What shows that the page has drawn its content. */
  ready?: string;
  fullPage?: boolean;
  /** The popup is shown at its own size, not in a window. */
  viewport?: { width: number; height: number };
  /** What a person does first for the page to show what it is for. */
  act?: (page: Page) => Promise<void>;
}

const extensionPage = (file: string) => async (browser: Browser) => {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/${file}`);
  return page;
};

const SHOTS: Shot[] = [
  { name: 'digiteket-course-list', open: (b) => b.open('/kurser/'), ready: '[data-kurskompis]' },
  { name: 'digiteket-course', open: (b) => b.open('/kurs/skapa-en-podd/'), ready: 'kurskompis-panel' },
  { name: 'digiteket-my-pages', open: (b) => b.open('/mina-sidor/'), ready: 'kurskompis-import' },
  { name: 'popup', open: extensionPage('popup.html'), ready: '[data-testid="tally"]', viewport: { width: 400, height: 640 } },
  { name: 'options', open: extensionPage('options.html'), fullPage: true },
  {
    name: 'planner',
    open: extensionPage('coordinator.html'),
    fullPage: true,
    act: async (page) => {
      await page.getByRole('button', { name: /^(Utgå från planen som gäller nu|Start from the plan in force now)/ }).click();
      await page.getByTestId('save-state').waitFor();
    },
  },
  { name: 'team-overview', open: extensionPage('team.html'), fullPage: true },
  { name: 'report', open: extensionPage('report.html'), fullPage: true },
  { name: 'summary', open: extensionPage('summary.html'), fullPage: true },
  { name: 'evaluate', open: extensionPage('evaluate.html'), fullPage: true },
  { name: 'notes', open: extensionPage('notes.html'), ready: '[data-testid="notes-count"]', fullPage: true },
  { name: 'discussion', open: extensionPage('discussion.html'), fullPage: true },
  { name: 'privacy', open: extensionPage('privacy.html'), fullPage: true },
];

async function prepare(browser: Browser): Promise<void> {
  const options = await loadPlanFile(browser, fixturePlanAt());
  const created = (await message(options, { type: 'noteCreate', key: 'digiteket.se/kurs/skapa-en-podd/', title: 'Skapa en podd', text: 'Bokpoddar med skolklasser? Låna ut inspelningsutrustning.' })) as { note: { id: string } };
  await message(options, { type: 'noteUpdate', id: created.note.id, patch: { shared: true } });
  await message(options, { type: 'setDone', key: 'digiteket.se/kurs/filma-med-mobilen/', done: true, title: 'Filma med mobilen' });
  await options.close();
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const only = process.env.SHOTS_ONLY;
  for (const lang of ['sv', 'en'] as const) {
    for (const colorScheme of ['light', 'dark'] as const) {
      const browser = await launch({ lang, colorScheme });
      try {
        await prepare(browser);
        for (const shot of SHOTS.filter((s) => !only || s.name.includes(only))) {
          const page = await shot.open(browser);
          await page.setViewportSize(shot.viewport ?? { width: 1280, height: 800 });
          if (shot.ready) await page.locator(shot.ready).first().waitFor({ timeout: 10_000 }).catch(() => undefined);
          await page.waitForLoadState('load');
          await shot.act?.(page).catch((error: unknown) => console.warn(`${shot.name}: ${String(error)}`));
          await page.waitForTimeout(400);
          const file = join(OUT, `${shot.name}-${lang}-${colorScheme}.png`);
          await page.screenshot({ path: file, fullPage: shot.fullPage ?? false });
          console.log(file);
          await page.setViewportSize({ width: 360, height: shot.viewport?.height ?? 800 });
          await page.waitForTimeout(200);
          const narrow = join(OUT, `${shot.name}-${lang}-${colorScheme}-360.png`);
          await page.screenshot({ path: narrow, fullPage: shot.fullPage ?? false });
          console.log(narrow);
          await page.close();
        }
      } finally {
        await browser.close();
      }
    }
  }
}

await main();
