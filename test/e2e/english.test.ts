import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ClosedRoots } from './closed-root';
import { fixturePlanAt, launch, loadPlanFile, type Browser } from './harness';

// English is the second language: a browser in English gets every string in English.
describe('in an English browser', () => {
  let browser: Browser;
  before(async () => {
    browser = await launch({ lang: 'en' });
  });
  after(() => browser.close());

  it('shows the popup, the options page and the badges in English', async () => {
    const popup = await browser.popup();
    await popup.getByRole('heading', { name: 'Welcome to Kurskompis' }).waitFor();
    assert.ok(await popup.getByRole('button', { name: 'Try an example plan' }).isVisible());
    await popup.close();

    const options = await loadPlanFile(browser, fixturePlanAt());
    assert.equal(await options.getByTestId('file-result').textContent(), 'The plan has been loaded.');
    const broken = await loadPlanFile(browser, '{ nope');
    assert.match((await broken.getByTestId('plan-problems').textContent()) ?? '', /The file is not JSON/);

    const again = await browser.popup();
    await again.getByTestId('tally').waitFor();
    assert.match((await again.getByTestId('tally').textContent()) ?? '', /^0 of 4 required done/);
    assert.match((await again.getByTestId('deadline').textContent()) ?? '', /^Due \d{1,2} [A-Z][a-z]+ \(week \d+\)/);

    const page = await browser.open('/kurs/skapa-en-podd/');
    const badge = await (await ClosedRoots.of(page)).text({ selector: '.badge', in: { selector: 'kurskompis-panel' } });
    assert.match(badge, /^This month's course · due \d{1,2} [A-Z][a-z]+$/);
  });
});
