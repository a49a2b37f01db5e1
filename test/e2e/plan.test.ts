import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ClosedRoots } from './closed-root';
import { fixturePlanAt, launch, loadPlanFile, seriousViolations, type Browser } from './harness';

describe('loading a plan', () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(() => browser.close());

  it('offers a file, an address and the example plan when there is no plan', async () => {
    const popup = await browser.popup();
    await popup.getByRole('heading', { name: 'Välkommen till Kurskompis' }).waitFor();
    for (const name of ['Läs in en planfil', 'Hämta planen från en adress', 'Prova med en exempelplan']) {
      assert.ok(await popup.getByRole('button', { name }).isVisible(), name);
    }
    assert.deepEqual(await seriousViolations(popup), []);
    await popup.close();
  });

  it('says what it does, offers the example plan first, and a page with nothing to show leads to the step that fills it', async () => {
    const popup = await browser.popup();
    const welcome = popup.getByRole('region', { name: 'Välkommen till Kurskompis' });
    assert.deepEqual(await welcome.getByRole('button').allTextContents(), ['Prova med en exempelplan', 'Läs in en planfil', 'Hämta planen från en adress']);
    await popup.screenshot({ path: '.output/screenshots/popup-welcome-sv.png' });
    await popup.close();

    const team = await browser.context.newPage();
    await team.goto(`chrome-extension://${browser.extensionId}/team.html`);
    await team.getByRole('navigation', { name: 'Nästa steg' }).getByRole('link', { name: 'Läs in teamets plan' }).click();
    await team.waitForURL(/\/options\.html#plan-file$/);
    // The person lands on the button that opens the file dialog, with the focus ring on it.
    await team.waitForFunction(() => document.activeElement?.textContent === 'Välj fil …');
    assert.equal(await team.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle), 'solid');
    await team.close();
  });

  it('tries the example plan: this month, real courses, labelled as an example', async () => {
    const popup = await browser.popup();
    await popup.getByRole('button', { name: 'Prova med en exempelplan' }).click();
    await popup.getByTestId('tally').waitFor();
    assert.equal(await popup.locator('.popup-header .tag').textContent(), 'Exempelplan');
    assert.match((await popup.getByTestId('demo-note').textContent()) ?? '', /exempelplan/);
    const month = new Intl.DateTimeFormat('sv-SE', { month: 'long', timeZone: 'Europe/Stockholm' }).format(new Date());
    assert.match((await popup.getByRole('heading', { level: 2 }).textContent()) ?? '', new RegExp(`^${month}: Skapa innehåll$`, 'i'));
    assert.match((await popup.getByTestId('tally').textContent()) ?? '', /^0 av 4 obligatoriska klara/);
    assert.equal(await browser.toolbarBadge(), '4');
    assert.deepEqual(await seriousViolations(popup), []);
    await popup.close();
    const page = await browser.open('/kurser/');
    await (await ClosedRoots.of(page)).waitFor({ selector: '.badge', text: 'Månadens kurs', in: { selector: '.course-card', text: 'Skapa en podd' } });
    await page.close();
  });

  it('replaces the example with the team plan, then refuses broken plans and keeps it', async () => {
    const options = await loadPlanFile(browser, fixturePlanAt(), 'plan-ostersund-2026.json');
    assert.equal(await options.getByTestId('file-result').textContent(), 'Planen är inläst.');
    await options.getByText('Östersunds bibliotek').waitFor();
    assert.deepEqual(await seriousViolations(options), []);

    const good = JSON.parse(fixturePlanAt());
    const broken: Array<[string, string, RegExp]> = [
      ['inte-json.json', '{ "kind": "kurskompis/plan", ', /inte en JSON-fil/],
      ['fel-sort.json', JSON.stringify({ ...good, kind: 'kurskompis/member' }), /ingen Kurskompis-plan/],
      ['nyare.json', JSON.stringify({ ...good, version: 2 }), /nyare version/],
      [
        'javascript.json',
        JSON.stringify({
          ...good,
          periods: good.periods.map((p: { items: unknown[] }, i: number) =>
            i === 1 ? { ...p, items: [{ url: 'javascript:alert(1)', title: '<img src=x onerror=alert(1)>', kind: 'course' }] } : p,
          ),
        }),
        /Period 2 ”November: Skapa innehåll” \(periods\[1\]\.items\[0\]\.url\) måste vara en https-adress på digiteket\.se/,
      ],
      ['stor.json', JSON.stringify({ ...good, padding: 'x'.repeat(1_100_000) }), /större än 1 MB/],
    ];
    for (const [name, text, message] of broken) {
      const page = await loadPlanFile(browser, text, name);
      const problems = page.getByTestId('plan-problems');
      await problems.waitFor();
      const shown = (await problems.textContent()) ?? '';
      assert.match(shown, message, name);
      assert.match(shown, /Den plan som gällde tidigare gäller fortfarande/);
      await page.close();
    }
    // Still the team plan, still November's courses.
    const popup = await browser.popup();
    await popup.getByTestId('tally').waitFor();
    assert.equal(await popup.locator('.popup-header .team').textContent(), 'Östersunds bibliotek');
    assert.equal(await popup.getByRole('heading', { level: 2 }).textContent(), 'November: Skapa innehåll');
    assert.equal(await browser.toolbarBadge(), '4');
    await popup.close();
  });

  it('shows titles with markup as text', async () => {
    const plan = JSON.parse(fixturePlanAt());
    plan.periods[1].items[0].title = '<img src=x onerror="document.title=\'pwned\'">Skapa en podd';
    plan.updatedAt = new Date().toISOString();
    await (await loadPlanFile(browser, JSON.stringify(plan))).close();
    const popup = await browser.popup();
    const link = popup.locator('.item').first().getByRole('link');
    await link.waitFor();
    assert.equal(await link.textContent(), '<img src=x onerror="document.title=\'pwned\'">Skapa en podd');
    assert.equal(await popup.locator('.item img').count(), 0);
    assert.notEqual(await popup.title(), 'pwned');
    await popup.close();
  });

  it('shows a paused period with when the next one starts', async () => {
    const plan = JSON.parse(fixturePlanAt());
    // Make the running month a pause.
    plan.periods[1] = { ...plan.periods[1], paused: true, items: [], sessions: [] };
    plan.updatedAt = new Date(Date.now() + 1000).toISOString();
    await (await loadPlanFile(browser, JSON.stringify(plan))).close();
    const popup = await browser.popup();
    const paused = popup.getByTestId('paused');
    await paused.waitFor();
    assert.match((await paused.textContent()) ?? '', /Paus/);
    assert.match((await popup.getByTestId('next-period').textContent()) ?? '', /^Nästa period börjar \d{1,2} \S+: December: paus för förlagsdagar$/);
    assert.equal(await browser.toolbarBadge(), '');
    assert.deepEqual(await seriousViolations(popup), []);
    await popup.close();
  });
});
