// The store listing's pictures (store/listing.*.md): 1280×800 PNGs in .output/screenshots/store/,
// taken from the real extension over the fixture pages, in Swedish, so they stay true as the UI
// changes. Part of `npm run screenshots`; look at them before uploading.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ClosedRoots, notesFrame } from '../e2e/closed-root';
import { fixturePlanAt, launch, loadPlanFile, message, type Browser } from '../e2e/harness';

const OUT = join('.output', 'screenshots', 'store');
const SIZE = { width: 1280, height: 800 };

/** A few colleagues' member files for the team overview: some done, some under way. */
function colleagues(plan: { periods: Array<{ id: string; starts: string; deadline: string; items: Array<{ url: string; required?: boolean }> }> }, now: Date) {
  const today = now.toISOString().slice(0, 10);
  const running = plan.periods.find((p) => p.starts <= today && today <= p.deadline) ?? plan.periods[0]!;
  const keys = running.items.map((item) => item.url.replace(/^https:\/\/(www\.)?/, ''));
  const names = ['Anna Berg', 'Johan Lind', 'Maria Ek', 'Sara Holm', 'Erik Nord', 'Lena Sjö'];
  const at = now.toISOString();
  return names.map((displayName, index) => ({
    kind: 'kurskompis/member',
    version: 1,
    memberId: `aaaaaaaa-0000-4000-8000-00000000000${index + 1}`,
    displayName,
    updatedAt: at,
    progress: keys.slice(0, keys.length - (index % 4)).map((courseKey, n) => ({
      courseKey,
      status: n % 3 === 2 && index % 2 === 1 ? 'started' : 'done',
      ...(n % 3 === 2 && index % 2 === 1 ? {} : { completedAt: at }),
      updatedAt: at,
    })),
    signups: [],
  }));
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.setViewportSize(SIZE);
  await page.waitForTimeout(400);
  const file = join(OUT, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(file);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const browser: Browser = await launch({ lang: 'sv' });
  try {
    const planText = fixturePlanAt();
    const options = await loadPlanFile(browser, planText);
    await message(options, { type: 'setDone', key: 'digiteket.se/kurs/filma-med-mobilen/', done: true, title: 'Filma med mobilen' });
    await message(options, { type: 'noteCreate', key: 'digiteket.se/kurs/skapa-en-podd/', title: 'Skapa en podd', text: 'Bokpoddar med skolklasser? Vi kan låna ut inspelningsutrustning och spela in i studion.' });
    await options.close();

    const list = await browser.open('/kurser/');
    await list.locator('[data-kurskompis]').first().waitFor();
    await shoot(list, '1-kurslista');

    const popup = await browser.popup();
    await popup.getByTestId('tally').waitFor();
    // The popup at its own size, on a quiet backdrop, as it opens from the toolbar.
    await popup.addStyleTag({ content: 'html { background: #dfe6ef; min-height: 100%; } body.popup { margin: 48px auto; box-shadow: 0 8px 32px rgb(0 0 0 / .25); border-radius: 8px; background: Canvas; }' });
    await shoot(popup, '2-popup');

    const course = await browser.open('/kurs/skapa-en-podd/');
    await (await ClosedRoots.of(course)).click({ selector: 'button.tab', text: 'Mina reflektioner' });
    const panel = await notesFrame(course);
    await panel.getByText('Bokpoddar med skolklasser', { exact: false }).waitFor();
    await shoot(course, '3-reflektioner');

    const team = await browser.context.newPage();
    await team.goto(`chrome-extension://${browser.extensionId}/team.html`);
    await team.locator('#member-files').setInputFiles(
      colleagues(JSON.parse(planText), new Date()).map((file) => ({ name: `${file.memberId}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) })),
    );
    await team.getByText('Anna Berg').first().waitFor();
    await shoot(team, '4-teamoversikt');
  } finally {
    await browser.close();
  }
}

await main();
