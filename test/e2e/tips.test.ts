import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ClosedRoots } from './closed-root';
import { fixturePlanAt, launch, loadPlanFile, message, seriousViolations, type Browser } from './harness';

// What the coordinator adds to a course and to the team: a tip beside the badge on the
// course's pages and in the popup, and the team's place for discussion. And a done course
// whose landing page later lists another step says so, and stays done.

const COURSE_PATH = '/kurs/ner-i-kaninhalet-starta-din-egen-studiecirkel-om-ai/';
const COURSE_KEY = `digiteket.se${COURSE_PATH}`;
const STEP_1 = `${COURSE_PATH}en-studiecirkel-blir-till-17992.66d6b462575cc5.95724959/`;
const DISCUSSION = 'https://teams.microsoft.com/l/channel/kurskompis-ostersund';
// Long on purpose: the strip must take it on a line of its own without breaking.
const TIP =
  'Kursen ber dig bekräfta att du skapat ett Wikipedia-konto: klicka Ja och gå vidare, du behöver inget konto. ' +
  'Filmen i andra steget tar en kvart; titta gärna på den tillsammans med en kollega och anteckna två frågor ' +
  'som ni vill ta upp på träffen. Kommentarsfältet längst ned på sidan är offentligt, så skriv dina reflektioner ' +
  'i Kurskompis i stället om du inte vill att andra ska se dem.';

const strip = (selector: string, text?: string | RegExp) => ({ selector, ...(text ? { text } : {}), in: { selector: 'kurskompis-panel' } });
const SHOTS = process.env.KURSKOMPIS_SHOTS ?? '';

function planWithTip(): string {
  const plan = JSON.parse(fixturePlanAt()) as { team: Record<string, unknown>; periods: Array<{ id: string; items: unknown[] }> };
  plan.team.discussionUrl = DISCUSSION;
  plan.periods.find((p) => p.id === '2026-11')!.items.push({ url: `https://digiteket.se${COURSE_PATH}`, title: 'Ner i kaninhålet', kind: 'course', tip: TIP });
  return JSON.stringify(plan);
}

describe('the coordinator’s tips and the team’s discussion place', () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
    browser.pages.set(COURSE_PATH, 'kurs-kaninhalet.html');
    browser.pages.set(STEP_1, 'kurs-kaninhalet-steg-1.html');
    await (await loadPlanFile(browser, planWithTip())).close();
  });
  after(() => browser.close());

  for (const [where, path] of [
    ['the course’s landing page', COURSE_PATH],
    ['a step', STEP_1],
  ] as const) {
    it(`shows the tip beside the badge on ${where}, as text, without breaking the strip`, async () => {
      const page = await browser.open(path);
      const roots = await ClosedRoots.of(page);
      await roots.waitFor(strip('.badge', 'Månadens kurs'));
      assert.equal(await roots.text(strip('.tip')), `Tips från samordnaren: ${TIP}`);
      // The badge and the button stay on their line; the tip wraps within the page's column.
      const host = (await page.locator('kurskompis-panel').boundingBox())!;
      const column = (await page.locator('kurskompis-panel').evaluate((el) => el.parentElement!.getBoundingClientRect().width)) as number;
      assert.ok(host.width <= column + 1, `strip ${host.width}px wider than its column ${column}px`);
      assert.ok(host.height < 260, `strip ${host.height}px high`);
      assert.equal(await roots.text(strip('button')), 'Markera som klar');
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/tips-${path === COURSE_PATH ? 'kurs' : 'steg'}.png` });
      await page.close();
    });
  }

  it('shows the tip under the course in the popup, and the team’s discussion place', async () => {
    const popup = await browser.popup();
    const item = popup.locator(`.item[data-key="${COURSE_KEY}"]`);
    await item.waitFor();
    assert.equal(await item.getByTestId('item-tip').textContent(), `Tips från samordnaren: ${TIP}`);
    const link = popup.getByRole('link', { name: 'Teamets diskussionsplats' });
    assert.equal(await link.getAttribute('href'), DISCUSSION);
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
    if (SHOTS) await popup.screenshot({ path: `${SHOTS}/tips-popup.png`, fullPage: true });
    await popup.close();
  });

  it('says a done course has changed when its landing page later lists one more step, and keeps it done', async () => {
    const page = await browser.open(COURSE_PATH);
    const roots = await ClosedRoots.of(page);
    await roots.click(strip('button', 'Markera som klar'));
    await roots.waitFor(strip('.badge', 'Klar ✓'));
    // Done on its landing page: the steps it lists now are what the course was.
    const options = await browser.options();
    const remembered = async () => {
      const answer = (await message(options, { type: 'pageContext', key: COURSE_KEY })) as { context: { steps?: { recorded: string[] } } };
      return answer.context.steps?.recorded.length ?? 0;
    };
    for (let i = 0; i < 100 && (await remembered()) === 0; i++) await new Promise((r) => setTimeout(r, 50));
    assert.equal(await remembered(), 2);
    assert.equal(await roots.count(strip('.status', /ändrats/)), 0);
    await page.close();

    browser.pages.set(COURSE_PATH, 'kurs-kaninhalet-tre-steg.html');
    const later = await browser.open(COURSE_PATH);
    const again = await ClosedRoots.of(later);
    await again.waitFor(strip('.status', 'Kursen har ändrats sedan du gjorde den: 1 nytt avsnitt'));
    assert.match(await again.text(strip('.badge')), /Klar/);
    assert.equal(await again.text(strip('button')), 'Ångra');
    // What was remembered stays what the course was when it was done.
    assert.equal(await remembered(), 2);
    if (SHOTS) await later.screenshot({ path: `${SHOTS}/tips-andrad.png` });
    await later.close();
    await options.close();

    const popup = await browser.popup();
    await popup.locator(`.item[data-key="${COURSE_KEY}"][data-status="done"]`).waitFor();
    await popup.close();
  });

  it('lets the coordinator write a tip and the discussion place in the planner, refusing markup and http', async () => {
    const options = await browser.options();
    await options.getByLabel('Jag är samordnare').check();
    await options.getByRole('link', { name: 'Öppna planeringen' }).click();
    await options.waitForURL(/coordinator\.html$/);
    await options.getByLabel('Teamets namn').fill('Testbiblioteket');
    await options.getByRole('button', { name: 'Skapa planen' }).click();
    await options.getByLabel(/^Klistra in adresser/).first().fill(`https://digiteket.se${COURSE_PATH}`);
    await options.getByRole('button', { name: 'Lägg till i perioden' }).first().click();
    const tip = options.getByRole('textbox', { name: /^Tips till deltagarna om/ });
    await tip.fill('Klicka <b>Ja</b>');
    await options.getByLabel(/^Teamets diskussionsplats/).fill('http://example.org/forum');
    await options.locator('.field-error', { hasText: 'Texten får inte innehålla HTML eller andra taggar, bara vanlig text.' }).waitFor();
    await options.locator('.field-error', { hasText: /^Adressen måste vara en fullständig https-adress/ }).waitFor();
    await options.getByTestId('save-state').filter({ hasText: /^Inte sparat/ }).waitFor();
    if (SHOTS) await options.screenshot({ path: `${SHOTS}/tips-planner-fel.png`, fullPage: true });

    await tip.fill(TIP);
    assert.equal(await options.getByTestId('tip-count').textContent(), `${TIP.length} av 500 tecken`);
    await options.getByLabel(/^Teamets diskussionsplats/).fill(DISCUSSION);
    await options.getByTestId('save-state').filter({ hasText: /^Sparat / }).waitFor();
    assert.deepEqual(await seriousViolations(options), []);
    if (SHOTS) await options.screenshot({ path: `${SHOTS}/tips-planner.png`, fullPage: true });
    await options.close();
  });
});
