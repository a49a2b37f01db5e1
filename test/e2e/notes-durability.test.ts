import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { ClosedRoots, notesFrame } from './closed-root';
import { fixturePlanAt, launch, loadPlanFile, type Browser } from './harness';

// Nothing typed into the notes panel is lost when the tab closes, the browser closes, the site
// changes address in place or the extension is reloaded, each a moment after the last
// keystroke: well inside the wait before the panel saves (500 ms), so only the draft it keeps
// at every keystroke, and the save it sends as the page goes away, can carry the text.

const COURSE = '/kurs/skapa-en-podd/';
const AFTER_LAST_KEY_MS = 100;

/** Opens the panel as a person does, with a click on the tab (in its closed root) at the page edge. */
async function openPanel(page: Page): Promise<Frame> {
  await (await ClosedRoots.of(page)).click({ selector: 'button.tab', text: 'Mina reflektioner' });
  const panel = await notesFrame(page);
  await panel.getByRole('heading', { name: 'Mina reflektioner' }).waitFor();
  return panel;
}

/** Types the way a person does, key by key, then waits the given moment. */
async function typeThenWait(panel: Frame, text: string, ms = AFTER_LAST_KEY_MS): Promise<void> {
  const field = panel.getByLabel('Ny reflektion');
  await field.click();
  await field.pressSequentially(text);
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Readies a reload of the extension from its service worker, as an update does; the returned
 * function reloads and resolves once the old version is gone. The worker may have been stopped
 * while idle, so an extension page is opened first to wake it (the reload closes that page).
 */
async function readyReload(browser: Browser): Promise<() => Promise<void>> {
  const wake = await browser.options();
  await wake.getByRole('heading').first().waitFor();
  return async () => {
    const closed = wake.waitForEvent('close');
    let reloaded = false;
    // A worker stopped while idle may still be listed; only a running one can reload.
    for (const worker of browser.context.serviceWorkers()) {
      const done = await worker
        .evaluate(() => {
          (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload();
          return true;
        })
        .catch(() => false);
      reloaded = reloaded || done;
    }
    assert.ok(reloaded, 'no running service worker to reload');
    await closed;
  };
}

/** Waits for a note with exactly this text in the panel's list (the list may hold others). */
async function noteShown(panel: Frame, text: string): Promise<void> {
  const texts = panel.locator('.note .note-text');
  await texts.filter({ hasText: text }).first().waitFor();
  assert.ok((await texts.allTextContents()).includes(text), `"${text}" not among ${JSON.stringify(await texts.allTextContents())}`);
}

describe('notes survive the worst moment', () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
    await (await loadPlanFile(browser, fixturePlanAt())).close();
  });
  after(() => browser.close());

  it('keeps a short note when the tab is closed 100 ms after the last keystroke', async () => {
    const page = await browser.open(COURSE);
    await typeThenWait(await openPanel(page), 'Kort tanke om ljud');
    await page.close();

    const again = await browser.open(COURSE);
    const panel = await openPanel(again);
    await noteShown(panel, 'Kort tanke om ljud');
    await again.close();
  });

  it('keeps the text when the site changes address in place a moment after typing', async () => {
    const page = await browser.open(COURSE);
    await typeThenWait(await openPanel(page), 'Skrivet före bytet');
    // The site's own navigation: a new address and new content, no reload; the panel goes.
    await page.evaluate(() => {
      history.pushState({}, '', '/kurs/kallkritik-pa-natet/');
      document.querySelector('main')!.innerHTML = '<article><header><h1 class="entry-title">Källkritik på nätet</h1></header></article>';
    });
    await page.waitForFunction(() => !document.querySelector('iframe[title="Mina reflektioner"]'));
    await page.evaluate(() => {
      history.pushState({}, '', '/kurs/skapa-en-podd/');
      document.querySelector('main')!.innerHTML = '<article><header><h1 class="entry-title">Skapa en podd</h1></header></article>';
    });
    const panel = await openPanel(page);
    await noteShown(panel, 'Skrivet före bytet');
    await page.close();
  });

  it('offers both texts when two tabs changed one note, and keeps both on request', async () => {
    const [a, b] = [await browser.open(COURSE), await browser.open(COURSE)];
    const [panelA, panelB] = [await openPanel(a), await openPanel(b)];
    const id = await panelA.locator('.note', { hasText: 'Kort tanke om ljud' }).getAttribute('data-note-id');
    const note = (panel: Frame) => panel.locator(`.note[data-note-id="${id}"]`);
    // Both notes open for editing before either tab types (a click while a panel is still
    // starting up is clicked again, as a person would).
    for (const panel of [panelA, panelB]) {
      const field = note(panel).getByLabel('Redigera reflektionen');
      for (let i = 0; i < 3 && !(await field.isVisible()); i += 1) {
        await note(panel).getByRole('button', { name: 'Redigera' }).click();
        await field.waitFor({ timeout: 5_000 }).catch(() => undefined);
      }
      await field.waitFor();
    }
    await note(panelA).getByLabel('Redigera reflektionen').pressSequentially(' Från A.');
    await note(panelA).getByRole('button', { name: 'Klar' }).click();
    await note(panelA).locator('.note-text').filter({ hasText: 'Från A.' }).waitFor();

    await note(panelB).getByLabel('Redigera reflektionen').pressSequentially(' Från B.');
    const offer = panelB.getByRole('region', { name: /ändrades någon annanstans/ });
    await offer.waitFor();
    assert.equal(await offer.locator('[data-merge="theirs"]').textContent(), 'Kort tanke om ljud Från A.');
    assert.equal(await offer.locator('[data-merge="mine"]').textContent(), 'Kort tanke om ljud Från B.');
    await offer.getByRole('button', { name: 'Behåll båda' }).click();
    await note(panelB).getByRole('status').filter({ hasText: 'Sparad' }).waitFor();

    const check = await browser.open(COURSE);
    await noteShown(await openPanel(check), 'Kort tanke om ljud Från A.\n\nFrån B.');
    for (const page of [a, b, check]) await page.close();
  });

  it('keeps the text when the extension is reloaded a moment after typing, and says so in the old panel', async () => {
    // A browser of its own: Chromium does not always bring a reloaded unpacked extension back
    // while the test drives it, so the next open is in the same profile started anew.
    const first = await launch({ keepProfile: true });
    try {
      await (await loadPlanFile(first, fixturePlanAt())).close();
      const page = await first.open(COURSE);
      const old = await openPanel(page);
      const reload = await readyReload(first);
      await typeThenWait(old, 'Skrivet före uppdateringen');
      await reload();

      // The old panel is still on screen, its extension gone: it says so, in Swedish, keeps the
      // text, takes no more keystrokes and never says "Sparad".
      await old.getByLabel('Ny reflektion').press('x');
      await old.getByRole('alert').filter({ hasText: 'Kurskompis har uppdaterats eller startats om' }).waitFor();
      assert.equal(await old.getByLabel('Ny reflektion').inputValue(), 'Skrivet före uppdateringen');
      assert.equal(await old.getByRole('status').filter({ hasText: 'Sparad' }).count(), 0);
    } finally {
      await first.close();
    }
    const again = await launch({ profileDir: first.profileDir });
    try {
      await noteShown(await openPanel(await again.open(COURSE)), 'Skrivet före uppdateringen');
    } finally {
      await again.close();
    }
  });

  it('keeps the text when the browser is closed a moment after typing', async () => {
    const first = await launch({ keepProfile: true });
    try {
      await (await loadPlanFile(first, fixturePlanAt())).close();
      const page = await first.open(COURSE);
      await typeThenWait(await openPanel(page), 'Sista tanken för i dag');
    } finally {
      await first.close();
    }
    const again = await launch({ profileDir: first.profileDir });
    try {
      const panel = await openPanel(await again.open(COURSE));
      await noteShown(panel, 'Sista tanken för i dag');
    } finally {
      await again.close();
    }
  });
});
