import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixturePage } from '../support/fixtures';
import { ClosedRoots } from './closed-root';
import { fixturePlanAt, launch, loadPlanFile, type Browser } from './harness';

// A course as SITE.md shows the real site: most of it is spent on step pages under the
// course's address, each opening with "Gå direkt till kursmenyn". Kurskompis shows the course's
// strip and notes tab there, records the course started, and says in the site check what it saw.

const COURSE_PATH = '/kurs/ner-i-kaninhalet-starta-din-egen-studiecirkel-om-ai/';
const COURSE_KEY = `digiteket.se${COURSE_PATH}`;
const COURSE_TITLE = 'Ner i kaninhålet – starta din egen studiecirkel om AI';
const STEP_1 = `${COURSE_PATH}en-studiecirkel-blir-till-17992.66d6b462575cc5.95724959/`;
const STEP_2 = `${COURSE_PATH}att-leda-samtalet-17993.66d6b4626c1a43.10482215`;

const strip = (selector: string, text?: string) => ({ selector, ...(text ? { text } : {}), in: { selector: 'kurskompis-panel' } });

/** The fixture plan with the course added to November, the period running now. */
function planWithCourse(): string {
  const plan = JSON.parse(fixturePlanAt()) as { periods: Array<{ id: string; items: unknown[] }> };
  plan.periods.find((p) => p.id === '2026-11')!.items.push({ url: `https://digiteket.se${COURSE_PATH}`, title: 'Ner i kaninhålet', kind: 'course' });
  return JSON.stringify(plan);
}

describe('course steps', () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
    browser.pages.set(COURSE_PATH, 'kurs-kaninhalet.html');
    browser.pages.set(STEP_1, 'kurs-kaninhalet-steg-1.html');
    browser.pages.set(`${STEP_2}/`, 'kurs-kaninhalet-steg-2.html');
    await (await loadPlanFile(browser, planWithCourse())).close();
  });
  after(() => browser.close());

  it('shows the course’s strip and notes tab on a step, and records the course started', async () => {
    const page = await browser.open(STEP_1);
    const roots = await ClosedRoots.of(page);
    await roots.waitFor(strip('.badge', 'Månadens kurs'));
    assert.match(await roots.text(strip('.badge')), /^Månadens kurs · klar senast \d{1,2} [a-zåäö]+$/);
    assert.equal(await roots.text(strip('button')), 'Markera som klar');
    await roots.waitFor({ selector: 'button.tab', text: 'Mina reflektioner' });
    // The step keeps its own heading; the strip goes under it.
    assert.equal(await page.locator('h1').textContent(), 'En studiecirkel blir till');
    assert.equal(await roots.count(strip('.status', 'Kursens sista steg')), 0);

    const popup = await browser.popup();
    await popup.locator(`.item[data-key="${COURSE_KEY}"][data-status="started"]`).waitFor();
    await popup.close();
    await page.close();
  });

  it('marks the course done from its last step, under the course’s title, not the step’s', async () => {
    const page = await browser.open(STEP_2);
    const roots = await ClosedRoots.of(page);
    // The last step in the course menu is a sign, not proof: the strip says so, the user decides.
    await roots.waitFor(strip('.status', 'Kursens sista steg'));
    await roots.click(strip('button', 'Markera som klar'));
    await roots.waitFor(strip('.badge', 'Klar ✓'));
    const popup = await browser.popup();
    const item = popup.locator(`.item[data-key="${COURSE_KEY}"]`);
    await popup.locator(`.item[data-key="${COURSE_KEY}"][data-status="done"]`).waitFor();
    assert.match((await item.textContent()) ?? '', /Ner i kaninhålet/);
    await popup.close();
    await page.close();
  });

  it('gives no badge to the course’s own menu on its landing page', async () => {
    const page = await browser.open(COURSE_PATH);
    const roots = await ClosedRoots.of(page);
    await roots.waitFor(strip('.badge'));
    assert.equal(await roots.count({ selector: '.badge', in: { selector: '#kursmeny' } }), 0);
    await page.close();
  });

  it('keys a short link by the page’s canonical address', async () => {
    // The short link is served at the site's root, as WordPress does without redirecting.
    const start = browser.pages.get('/')!;
    browser.pages.set('/', `html:${fixturePage('kurs-kaninhalet.html')}`);
    try {
      const page = await browser.open('/?p=22556');
      const roots = await ClosedRoots.of(page);
      await roots.waitFor(strip('.badge', 'Klar ✓'));
      await page.close();
    } finally {
      browser.pages.set('/', start);
    }
  });

  it('says in the site check what it recognised on the step pages', async () => {
    const options = await browser.options();
    const card = options.getByTestId('site-check');
    await card.waitFor();
    const step = card.getByRole('listitem').filter({ hasText: 'att-leda-samtalet' });
    assert.match((await step.textContent()) ?? '', /ett steg i kursen/);
    assert.match((await step.textContent()) ?? '', new RegExp(COURSE_TITLE));
    assert.match((await step.textContent()) ?? '', /Hittade.*kursens sista steg/);
    await options.close();
  });
});
