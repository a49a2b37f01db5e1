import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { ClosedRoots, notesFrame } from './closed-root';
import { fixturePlanAt, launch, loadPlanFile, seriousViolations, type Browser } from './harness';

const TAB = { selector: 'button.tab', text: 'Mina reflektioner' };

/** Opens the panel as a person does, with a click on the tab at the page edge. */
async function openPanel(page: Page): Promise<Frame> {
  await (await ClosedRoots.of(page)).click(TAB);
  const panel = await notesFrame(page);
  await panel.getByRole('heading', { name: 'Mina reflektioner' }).waitFor();
  return panel;
}

describe('reflection notes', () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
    await (await loadPlanFile(browser, fixturePlanAt())).close();
  });
  after(() => browser.close());

  it('saves as you type, keeps notes over a reload, shares and deletes with undo', async () => {
    const page = await browser.open('/kurs/skapa-en-podd/');
    let panel = await openPanel(page);
    await panel.getByLabel('Ny reflektion').fill('En bra föreläsning om poddar 🎙️');
    await panel.getByRole('status').filter({ hasText: 'Sparad' }).waitFor();
    await panel.getByRole('button', { name: 'Börja på en ny' }).click();
    await panel.getByLabel('Ny reflektion').fill('Andra tanken: <img src=x onerror="document.title=\'pwned\'">');
    await panel.getByRole('status').filter({ hasText: 'Sparad' }).waitFor();

    await page.reload();
    panel = await openPanel(page);
    const notes = panel.locator('.note');
    await notes.first().waitFor();
    assert.equal(await notes.count(), 2);
    // Newest first, markup as text.
    assert.equal(await notes.nth(0).locator('.note-text').textContent(), 'Andra tanken: <img src=x onerror="document.title=\'pwned\'">');
    assert.equal(await panel.locator('.note img').count(), 0);
    assert.notEqual(await page.title(), 'pwned');

    const share = notes.nth(1).getByRole('switch', { name: 'Dela till diskussionen' });
    assert.equal(await share.isChecked(), false);
    await share.check();
    await page.reload();
    panel = await openPanel(page);
    await panel.locator('.note').first().waitFor();
    assert.equal(await panel.locator('.note').nth(1).getByRole('switch').isChecked(), true);

    await panel.locator('.note').nth(0).getByRole('button', { name: 'Ta bort' }).click();
    await panel.getByText('Reflektionen togs bort.').waitFor();
    assert.equal(await panel.locator('.note').count(), 1);
    // The panel itself, checked where it is: inside the course page.
    const frame = page.frames().find((f) => f.url().includes('notes-panel.html'));
    assert.ok(frame);
    assert.deepEqual(await seriousViolations(frame), []);
    await panel.getByRole('button', { name: 'Ångra' }).click();
    await panel.locator('.note').nth(1).waitFor();
    assert.equal(await panel.locator('.note').count(), 2);
    await page.close();
  });

  it('keeps long, emoji and right-to-left notes whole across a browser restart', async () => {
    const first = await launch({ keepProfile: true });
    const long = `${'Lång reflektion om källkritik. '.repeat(3300)}slut`;
    try {
      const page = await first.open('/kurs/skapa-en-podd/');
      const panel = await openPanel(page);
      await panel.getByLabel('Ny reflektion').fill(long);
      await panel.getByRole('status').filter({ hasText: 'Sparad' }).waitFor();
      await panel.getByRole('button', { name: 'Börja på en ny' }).click();
      await panel.getByLabel('Ny reflektion').fill('مرحبا بالمكتبة 📚 👩🏽‍💻');
      await panel.getByRole('status').filter({ hasText: 'Sparad' }).waitFor();
    } finally {
      await first.close();
    }
    const again = await launch({ profileDir: first.profileDir });
    try {
      const page = await again.open('/kurs/skapa-en-podd/');
      const panel = await openPanel(page);
      const texts = panel.locator('.note .note-text');
      await texts.nth(1).waitFor();
      assert.equal(await texts.nth(0).textContent(), 'مرحبا بالمكتبة 📚 👩🏽‍💻');
      assert.equal(await texts.nth(0).getAttribute('dir'), 'auto');
      assert.equal((await texts.nth(1).textContent())?.length, long.length);
      assert.ok(long.length > 100_000);
    } finally {
      await again.close();
    }
  });

  it('keeps what is typed out of reach of the page', async () => {
    const page = await browser.open('/kurs/kallkritik-pa-natet/');
    // A script of the site's own, in the page's main world, listening and looking.
    await page.evaluate(() => {
      const w = window as unknown as { captured: string[] };
      w.captured = [];
      for (const type of ['keydown', 'keypress', 'input']) {
        document.addEventListener(type, (e) => w.captured.push(`${type}:${(e as KeyboardEvent).key ?? ''}`), true);
      }
    });
    const panel = await openPanel(page);
    await panel.getByLabel('Ny reflektion').pressSequentially('hemlig tanke');
    await panel.getByRole('status').filter({ hasText: 'Sparad' }).waitFor();
    const seen = await page.evaluate(() => {
      let frameText: string | null = null;
      try {
        // The panel's frame is in a closed shadow root: not in the page's DOM, not in window.frames.
        frameText = window.frames[0]?.document.body.innerText ?? null;
      } catch {
        frameText = null;
      }
      return {
        captured: (window as unknown as { captured: string[] }).captured,
        frames: window.length,
        found: document.querySelectorAll('iframe').length,
        frameText,
        pageText: document.documentElement.innerText,
      };
    });
    assert.deepEqual(seen.captured, []);
    assert.deepEqual([seen.frames, seen.found, seen.frameText], [0, 0, null]);
    assert.ok(!seen.pageText.includes('hemlig'));
    await page.close();
  });

  it('opens with the keyboard and closes with Escape', async () => {
    const page = await browser.open('/kurs/skapa-en-podd/');
    const roots = await ClosedRoots.of(page);
    await roots.focus(TAB);
    await page.keyboard.press('Enter');
    const panel = await notesFrame(page);
    await panel.getByLabel('Ny reflektion').waitFor();
    await roots.waitFor({ selector: 'button.tab[aria-expanded="true"]' });
    await panel.getByLabel('Ny reflektion').press('Escape');
    await roots.waitFor({ selector: 'button.tab[aria-expanded="false"]' });
    await page.close();
  });

  it('finds notes in the notes view without diacritics and filters shared ones', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/notes.html`);
    await page.getByTestId('notes-count').filter({ hasText: /^\d+ reflektioner$/ }).waitFor();
    assert.equal(await page.getByTestId('notes-count').textContent(), '3 reflektioner');
    await page.getByLabel('Sök i reflektionerna').fill('forelasning');
    assert.equal(await page.getByTestId('notes-count').textContent(), '1 reflektioner');
    assert.match((await page.locator('.note-text').first().textContent()) ?? '', /föreläsning/);
    await page.getByLabel('Sök i reflektionerna').fill('');
    await page.getByLabel('Delade').check();
    assert.equal(await page.getByTestId('notes-count').textContent(), '1 reflektioner');
    assert.equal(await page.getByRole('heading', { level: 2 }).first().textContent(), 'November: Skapa innehåll');
    assert.deepEqual(await seriousViolations(page), []);
    assert.equal(
      await page.getByRole('link', { name: 'Skapa en podd' }).getAttribute('href'),
      'https://digiteket.se/kurs/skapa-en-podd/',
    );
    await page.close();
  });

  it('prepares the discussion as a printable page', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/discussion.html`);
    await page.getByRole('heading', { name: 'Förbered diskussionen – November: Skapa innehåll' }).waitFor();
    const podd = page.locator('section[data-course="digiteket.se/kurs/skapa-en-podd/"]');
    assert.equal(await podd.locator('li').count(), 2);
    assert.equal(await podd.locator('img').count(), 0);
    assert.equal(await page.locator('section[data-course="digiteket.se/kurs/filma-med-mobilen/"]').textContent(), 'Filma med mobilen(inga reflektioner)');
    assert.deepEqual(await seriousViolations(page), []);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByRole('button', { name: 'Skriv ut' }).isVisible(), false);
    const pdf = await page.pdf();
    assert.ok(pdf.length > 1000);
    await page.close();
  });

  it('backs up and restores into a fresh browser without duplicates', async () => {
    const options = await browser.options();
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Spara en säkerhetskopia' }).click();
    const file = await (await download).path();
    const text = readFileSync(file, 'utf8');
    const backup = JSON.parse(text);
    assert.equal(backup.kind, 'kurskompis/backup');
    assert.equal(backup.notes.length, 3);

    const fresh = await launch();
    try {
      const page = await fresh.options();
      for (let round = 0; round < 2; round += 1) {
        await page.locator('#backup-file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
        await page.getByTestId('backup-result').filter({ hasText: round === 0 ? '3 reflektioner' : '0 reflektioner' }).waitFor();
      }
      await page.locator('#backup-file').setInputFiles({ name: 'plan.json', mimeType: 'application/json', buffer: Buffer.from(fixturePlanAt()) });
      await page.getByTestId('backup-result').filter({ hasText: 'ingen säkerhetskopia' }).waitFor();
      const view = await fresh.context.newPage();
      await view.goto(`chrome-extension://${fresh.extensionId}/notes.html`);
      await view.getByTestId('notes-count').filter({ hasText: '3 reflektioner' }).waitFor();
    } finally {
      await fresh.close();
    }
  });

  it('shows on an open discussion sheet a reflection written in the course meanwhile', async () => {
    const sheet = await browser.context.newPage();
    await sheet.goto(`chrome-extension://${browser.extensionId}/discussion.html`);
    const podd = sheet.locator('section[data-course="digiteket.se/kurs/skapa-en-podd/"]');
    await podd.locator('li').first().waitFor();
    const before = await podd.locator('li').count();

    const course = await browser.open('/kurs/skapa-en-podd/');
    const panel = await openPanel(course);
    await panel.getByLabel('Ny reflektion').fill('Skrivet medan diskussionsbladet var öppet');
    await panel.getByRole('status').filter({ hasText: 'Sparad' }).waitFor();

    await podd.locator('li').filter({ hasText: 'Skrivet medan diskussionsbladet var öppet' }).waitFor({ timeout: 5000 });
    assert.equal(await podd.locator('li').count(), before + 1);
    await course.close();
    await sheet.close();
  });
});
