import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { ClosedRoots } from './closed-root';
import { fixturePlanAt, launch, loadPlanFile, seriousViolations, type Browser } from './harness';

// The evaluation after a period: from the popup to the form, an answer kept and changed, the
// form opened from a done course's page, and what the coordinator's overview makes of a
// member's answers. October's deadline was yesterday (the month-start scene), whatever today is.

const SHOTS = process.env.SCREENSHOT_DIR;
const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, name), fullPage: true });
};

const MINUTES = 'Hur lång tid tog den, i minuter?';

describe('evaluation', () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
    await (await loadPlanFile(browser, fixturePlanAt(new Date(), 'monthStart'))).close();
  });
  after(() => browser.close());

  it('rates a course of the period that just ended from the popup, keeps it over a reload, and changes it', async () => {
    const popup = await browser.popup();
    await popup.getByTestId('evaluate-entry').waitFor();
    assert.match((await popup.getByTestId('evaluate-entry').textContent()) ?? '', /Vad tyckte du om kurserna i Oktober: Informationskompetens\?/);
    const opened = browser.context.waitForEvent('page');
    await popup.getByRole('button', { name: 'Utvärdera periodens kurser' }).click();
    const form = await opened;
    await form.waitForLoadState();
    assert.equal(new URL(form.url()).pathname, '/evaluate.html');
    assert.equal(new URL(form.url()).searchParams.get('period'), '2026-10');
    await form.getByRole('heading', { level: 1, name: 'Utvärdera kurserna i Oktober: Informationskompetens' }).waitFor();

    const card = () => form.getByRole('form', { name: 'Källkritik på nätet' });
    await card().getByRole('radio', { name: '4 – mycket' }).check();
    await card().getByLabel(MINUTES).fill('35');
    await card().getByLabel('Kommentar (frivillig)').fill('Bra exempel på falska nyheter');
    await card().getByRole('checkbox', { name: 'Visa mitt namn för samordnaren' }).check();
    await card().getByRole('button', { name: 'Spara' }).click();
    await card().getByText('Ditt svar är sparat.').waitFor();
    assert.deepEqual(await seriousViolations(form), []);

    // Out of the scale: a clear sentence, and the saved answer stays as it was.
    await card().getByLabel(MINUTES).fill('0');
    await card().getByRole('button', { name: 'Spara' }).click();
    assert.equal(await card().getByRole('alert').textContent(), 'Skriv tiden som ett helt antal minuter mellan 1 och 6000. Inget sparades.');
    await shot(form, 'evaluation-form.png');

    await form.reload();
    await card().getByRole('radio', { name: '4 – mycket' }).waitFor();
    assert.equal(await card().getByRole('radio', { name: '4 – mycket' }).isChecked(), true);
    assert.equal(await card().getByLabel(MINUTES).inputValue(), '35');
    assert.equal(await card().getByLabel('Kommentar (frivillig)').inputValue(), 'Bra exempel på falska nyheter');
    assert.match((await card().getByRole('status').textContent()) ?? '', /^Du svarade /);

    await card().getByRole('radio', { name: '2 – lite' }).check();
    await card().getByRole('button', { name: 'Spara' }).click();
    await card().getByText('Ditt svar är sparat.').waitFor();
    await form.reload();
    await card().getByRole('radio', { name: '2 – lite' }).waitFor();
    assert.equal(await card().getByRole('radio', { name: '2 – lite' }).isChecked(), true);
    assert.equal(await card().getByRole('radio', { name: '4 – mycket' }).isChecked(), false);
    await form.close();
    await popup.close();
  });

  it('opens the form for one course from a done course’s page', async () => {
    browser.pages.set('/kurs/skapa-en-podd/', 'kurs-skapa-en-podd-klar.html');
    const page = await browser.open('/kurs/skapa-en-podd/');
    const roots = await ClosedRoots.of(page);
    await roots.waitFor({ selector: '.badge', text: 'Klar ✓', in: { selector: 'kurskompis-panel' } });
    const opened = browser.context.waitForEvent('page');
    await roots.click({ selector: 'button', text: 'Utvärdera kursen', in: { selector: 'kurskompis-panel' } });
    const form = await opened;
    await form.waitForLoadState();
    const url = new URL(form.url());
    assert.equal(url.pathname, '/evaluate.html');
    assert.equal(url.searchParams.get('period'), '2026-11');
    assert.equal(url.searchParams.get('course'), 'digiteket.se/kurs/skapa-en-podd/');
    await form.getByRole('heading', { level: 2, name: 'Skapa en podd' }).waitFor();
    assert.equal(await form.getByRole('heading', { level: 2 }).count(), 1);
    await form.getByRole('link', { name: 'Visa alla kurser i perioden' }).waitFor();
    await form.close();
    await page.close();
  });

  it('shows the coordinator a member’s answers, the name only where it was shown', async () => {
    const at = new Date().toISOString();
    const memberId = 'aaaaaaaa-0000-4000-8000-000000000001';
    const file = {
      kind: 'kurskompis/member',
      version: 1,
      memberId,
      displayName: 'Kim',
      updatedAt: at,
      progress: [],
      signups: [{ sessionId: '2026-10-s1', updatedAt: at }],
      evaluations: [
        { periodId: '2026-10', courseKey: 'digiteket.se/kurs/kallkritik-pa-natet/', usefulness: 5, minutes: 40, comment: 'Mycket matnyttig', showName: true, updatedAt: at },
        { periodId: '2026-10', courseKey: 'digiteket.se/kurs/vad-ar-en-algoritm/', usefulness: 3, comment: 'Lite abstrakt', updatedAt: at },
      ],
    };
    const team = await browser.context.newPage();
    await team.goto(`chrome-extension://${browser.extensionId}/team.html`);
    await team.getByLabel('Period').selectOption('2026-10');
    await team.locator('#member-files').setInputFiles({ name: `${memberId}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    const section = team.getByRole('region', { name: 'Utvärdering' });
    await section.getByText('Mycket matnyttig').waitFor();
    const row = section.getByRole('row', { name: /Källkritik på nätet/ });
    assert.deepEqual(await row.getByRole('cell').allTextContents(), ['1', '5,0', '40', '–', 'Mycket matnyttig – Kim']);
    assert.equal(await section.getByRole('row', { name: /Vad är en algoritm/ }).getByRole('cell').last().textContent(), 'Lite abstrakt');
    assert.equal(await team.getByTestId('turnout').textContent(), '1 av 1 deltog i diskussionerna (0 av 1 träffar hållna).');
    assert.deepEqual(await seriousViolations(team), []);
    await section.scrollIntoViewIfNeeded();
    await shot(team, 'evaluation-team.png');
    await team.close();
  });
});
