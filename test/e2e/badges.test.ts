import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ClosedRoots } from './closed-root';
import { fixturePlanAt, launch, loadPlanFile, type Browser } from './harness';

/** The badge on the card (or in the link) that holds `text`. */
const badgeIn = (selector: string, text: string) => ({ selector: '.badge', in: { selector, text } });

async function badgeTexts(page: import('playwright-core').Page, cardSelector: string) {
  return page.$$eval(cardSelector, (cards) =>
    cards.map((card) => ({
      title: card.querySelector('h3, h1')?.textContent?.trim() ?? '',
      badge: Array.from(card.querySelectorAll('[data-kurskompis]')).length,
    })),
  );
}

describe('badges on Digiteket', () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
    const options = await loadPlanFile(browser, fixturePlanAt());
    assert.equal(await options.getByTestId('file-result').textContent(), 'Planen är inläst.');
  });
  after(() => browser.close());

  it('marks each card of this period on the course list and nothing else', async () => {
    const page = await browser.open('/kurser/');
    await page.locator('[data-kurskompis]').first().waitFor();
    const cards = await badgeTexts(page, '.course-card');
    const badged = cards.filter((c) => c.badge > 0).map((c) => c.title);
    assert.deepEqual(badged.sort(), [
      'Bildredigering i webbläsaren',
      'Filma med mobilen',
      'Redigera Wikipedia',
      'Skapa en podd',
      'Upphovsrätt och Creative Commons',
    ]);
    assert.ok(cards.every((c) => c.badge <= 1), 'one badge per card');
    const roots = await ClosedRoots.of(page);
    assert.equal(await roots.text(badgeIn('.course-card', 'Skapa en podd')), 'Månadens kurs');
    assert.equal(await roots.text(badgeIn('.course-card', 'Redigera Wikipedia')), 'Valfri');
    // Screen readers hear the badge as part of the link. (Chromium's own accessibility tree
    // drops the space before the badge, a whitespace-only text node; it did so with open roots too.)
    assert.match(await roots.accessibleName('.course-card a[href="/kurs/skapa-en-podd/"]'), /^Skapa en podd ?Månadens kurs$/);
    // The optional article in the sidebar is marked too.
    assert.equal(await roots.text(badgeIn('.article-card', 'Östersundsmodellen')), 'Valfri');
  });

  it('marks cards on the competence-area page, the start page and links in an article', async () => {
    for (const [path, expected] of [
      // Five courses and the optional article in the sidebar.
      ['/kompetensomrade/skapa-innehall/', 6],
      ['/', 5],
    ] as const) {
      const page = await browser.open(path);
      await page.locator('[data-kurskompis]').first().waitFor();
      assert.equal(await page.locator('[data-kurskompis]').count(), expected, path);
      await page.close();
    }
    const article = await browser.open('/inspirationsartikel/ostersundsmodellen/');
    await article.locator('[data-kurskompis]').first().waitFor();
    // "Skapa en podd" is this period's; "Källkritik på nätet" is not.
    assert.equal(await article.locator('a[href="/kurs/skapa-en-podd/"] [data-kurskompis]').count(), 1);
    assert.equal(await article.locator('a[href*="kallkritik"] [data-kurskompis]').count(), 0);
  });

  it('shows the deadline badge by the course title and keeps the layout', async () => {
    const page = await browser.open('/kurs/skapa-en-podd/');
    const roots = await ClosedRoots.of(page);
    assert.match(await roots.text(badgeIn('kurskompis-panel', '')), /^Månadens kurs · klar senast \d{1,2} [a-zåäö]+$/);
    assert.equal(await roots.text({ selector: 'button', in: { selector: 'kurskompis-panel' } }), 'Markera som klar');
    // The page's own heading keeps its text and styles.
    assert.equal(await page.locator('h1.entry-title').textContent(), 'Skapa en podd');
  });

  it('badges cards added after load and follows in-site navigation', async () => {
    const page = await browser.open('/kurser/');
    await page.locator('[data-kurskompis]').first().waitFor();
    const before = await page.locator('[data-kurskompis]').count();
    await page.evaluate(() => {
      const list = document.querySelector('.course-list') as HTMLElement;
      const card = document.createElement('article');
      card.className = 'course-card';
      card.innerHTML = '<a class="course-card__link" href="/kurs/filma-med-mobilen/?ref=more"><h3 class="course-card__title">Filma med mobilen (igen)</h3></a>';
      list.append(card);
    });
    await page.waitForFunction((n) => document.querySelectorAll('[data-kurskompis]').length === n + 1, before);
    // Client-side navigation to a course page without a reload.
    await page.evaluate(() => {
      history.pushState({}, '', '/kurs/skapa-en-podd/');
      document.querySelector('main')!.innerHTML = '<article><header><h1 class="entry-title">Skapa en podd</h1></header></article>';
    });
    await page.locator('kurskompis-panel').waitFor({ timeout: 5000 });
  });

  it('does not move the cards after a badged one', async () => {
    const page = await browser.open('/kurser/');
    await page.locator('[data-kurskompis]').first().waitFor();
    const lastCardTop = () => page.locator('.course-card').last().evaluate((el) => el.getBoundingClientRect().top);
    const withBadges = await lastCardTop();
    await page.evaluate(() => document.querySelectorAll('[data-kurskompis]').forEach((host) => host.remove()));
    assert.equal(withBadges, await lastCardTop());
  });

  it('keeps the site styles and ours apart', async () => {
    const page = await browser.open('/kurser/');
    await page.locator('[data-kurskompis]').first().waitFor();
    const title = page.locator('.course-card__title', { hasText: 'Skapa en podd' });
    const before = await title.evaluate((el) => getComputedStyle(el).fontSize);
    // A site rule that would restyle every span must not reach the badge.
    await page.addStyleTag({ content: 'span { color: rgb(255, 0, 0) !important; font-size: 40px !important; }' });
    const badge = await (await ClosedRoots.of(page)).style(badgeIn('.course-card', 'Skapa en podd'), ['color', 'font-size']);
    assert.deepEqual(badge, { color: 'rgb(255, 255, 255)', 'font-size': '13px' });
    assert.equal(await title.evaluate((el) => getComputedStyle(el).fontSize), before);
  });
});
