import { currentFixturePlan, launch, loadPlanFile } from './test/e2e/harness';
const browser = await launch();
await loadPlanFile(browser, currentFixturePlan());
for (const path of ['/kurser/', '/kompetensomrade/skapa-innehall/', '/']) {
  const page = await browser.open(path);
  await page.locator('[data-kurskompis]').first().waitFor();
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.locator('[data-kurskompis]').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: `/tmp/shots/${path.replace(/\W/g, '_')}.png` });
}
await browser.close();
