import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { fixturePlanAt, launch, loadPlanFile, message, type Browser } from './harness';

// The popup draws what it drew last time at once, when the background changed nothing since,
// and the database's answer follows. These tests look at the popup's very first frame.

const SNAPSHOT_KEY = 'kurskompis.popupSnapshot';
const PODD = 'digiteket.se/kurs/skapa-en-podd/';
const FILMA = 'digiteket.se/kurs/filma-med-mobilen/';
const BREAK_DATABASE = 'kurskompis.test.breakDatabase';

/** Opens the popup and gives the tally as first drawn, whether that came from the snapshot, and the tally once all is read. */
async function openPopup(browser: Browser): Promise<{ popup: Page; first: string; fromSnapshot: boolean; firstNotice: boolean }> {
  const popup = await browser.popup();
  await popup.waitForFunction(() => performance.getEntriesByName('kurskompis-popup-read').length > 0);
  const [first, fromSnapshot, firstNotice] = await popup.evaluate(() => {
    const seen = globalThis as unknown as { firstTally?: string; firstNotice?: boolean };
    return [seen.firstTally ?? '', performance.getEntriesByName('kurskompis-popup-snapshot').length > 0, seen.firstNotice === true] as const;
  });
  return { popup, first, fromSnapshot, firstNotice };
}

/** Waits until the popup that just read the database has kept what it read. */
async function snapshotKept(options: Page, previous: string | null): Promise<string> {
  const handle = await options.waitForFunction(([key, before]) => {
    const now = localStorage.getItem(key);
    return now !== null && now !== before ? now : false;
  }, [SNAPSHOT_KEY, previous] as const);
  return (await handle.jsonValue()) as string;
}

describe('popup, first frame', () => {
  let browser: Browser;
  let options: Page;
  before(async () => {
    browser = await launch();
    // Every popup records its tally's text at the moment it is first drawn, and the frame that paints it.
    await browser.context.addInitScript(() => {
      if (!location.pathname.endsWith('/popup.html')) return;
      new MutationObserver((_, observer) => {
        const tally = document.querySelector('[data-testid="tally"]');
        if (!tally) return;
        (globalThis as unknown as { firstTally?: string }).firstTally = tally.textContent ?? '';
        (globalThis as unknown as { firstNotice?: boolean }).firstNotice = document.querySelector('[data-testid="plan-changes"]') !== null;
        requestAnimationFrame(() => performance.mark('test-content-frame'));
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    // When the popup first reads its database.
    await browser.context.addInitScript(() => {
      if (!location.pathname.endsWith('/popup.html')) return;
      const transaction = IDBDatabase.prototype.transaction;
      IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
        if (performance.getEntriesByName('test-database-read').length === 0) performance.mark('test-database-read');
        return transaction.apply(this, args);
      };
    });
    // A popup opened while the test asks for it finds the browser's database broken.
    await browser.context.addInitScript((flag) => {
      if (!location.pathname.endsWith('/popup.html') || localStorage.getItem(flag) === null) return;
      IDBFactory.prototype.open = () => {
        throw new DOMException('The database could not be opened.', 'UnknownError');
      };
    }, BREAK_DATABASE);
    options = await loadPlanFile(browser, fixturePlanAt());
  });
  after(() => browser.close());

  it('opens from what it drew last time while nothing changed, and shows the same', async () => {
    const kept = snapshotKept(options, null);
    const { popup, first, fromSnapshot } = await openPopup(browser);
    assert.equal(fromSnapshot, false, 'the first opening has nothing to draw from but the database');
    assert.match(first, /^0 av 4 obligatoriska klara/);
    const text = await kept;
    await popup.close();
    // The snapshot holds the plan and progress the popup shows, and nothing typed by the user.
    assert.ok(text.includes('November: Skapa innehåll'));
    assert.ok(!/"notes"|"text"/.test(text));

    const again = await openPopup(browser);
    assert.equal(again.fromSnapshot, true);
    assert.match(again.first, /^0 av 4 obligatoriska klara/);
    assert.match((await again.popup.getByTestId('tally').textContent()) ?? '', /^0 av 4 obligatoriska klara/);
    await again.popup.close();
  });

  it('drawn from what it drew last time, it is painted before the database is read', async () => {
    const { popup, fromSnapshot } = await openPopup(browser);
    assert.equal(fromSnapshot, true);
    const [frame, read] = await popup.evaluate(() => [
      performance.getEntriesByName('test-content-frame')[0]?.startTime ?? NaN,
      performance.getEntriesByName('test-database-read')[0]?.startTime ?? NaN,
    ]);
    // The database's reading would hold the first frame back; its answer only confirms it.
    assert.ok(frame < read, `first frame at ${frame} ms, the database read at ${read} ms`);
    assert.match((await popup.getByTestId('tally').textContent()) ?? '', /^0 av 4 obligatoriska klara/);
    await popup.close();
  });

  it('a reflection written while it was closed changes nothing it shows: it still opens from what it drew', async () => {
    const created = (await message(options, { type: 'noteCreate', key: PODD, title: 'Skapa en podd', text: 'Tankar' })) as { ok: boolean; note: { id: string; updatedAt: string } };
    assert.equal(created.ok, true);
    const updated = (await message(options, { type: 'noteUpdate', id: created.note.id, patch: { text: 'Tankar om ljud' }, base: created.note.updatedAt })) as { ok: boolean };
    assert.equal(updated.ok, true);
    const { popup, first, fromSnapshot } = await openPopup(browser);
    assert.equal(fromSnapshot, true, 'a note kept the popup from drawing what it drew last time');
    assert.match(first, /^0 av 4 obligatoriska klara/);
    await popup.close();
  });

  it('a course marked done while it was closed is in its first frame, never the count from before', async () => {
    const before = await options.evaluate((key) => localStorage.getItem(key), SNAPSHOT_KEY);
    assert.deepEqual(await message(options, { type: 'setDone', key: PODD, done: true }), { ok: true });
    const kept = snapshotKept(options, before);
    const { popup, first, fromSnapshot } = await openPopup(browser);
    assert.equal(fromSnapshot, false);
    assert.match(first, /^1 av 4 obligatoriska klara/);
    await kept;
    await popup.close();
  });

  it('a change nobody announced is put right by the database while the popup is open', async () => {
    // Written past the background (as a part of it that forgot to tell the pages would): the
    // snapshot still fits the revision, so the popup draws it, and then what the database holds.
    await options.evaluate(async (record) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('kurskompis');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      await new Promise((resolve, reject) => {
        const tx = db.transaction('progress', 'readwrite');
        tx.objectStore('progress').put(record);
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    }, { courseKey: FILMA, status: 'done', completedAt: new Date().toISOString(), updatedAt: new Date().toISOString() });
    const { popup, first, fromSnapshot } = await openPopup(browser);
    assert.equal(fromSnapshot, true);
    assert.match(first, /^1 av 4 obligatoriska klara/);
    await popup.getByTestId('tally').filter({ hasText: /^2 av 4 obligatoriska klara/ }).waitFor();
    assert.equal(await popup.locator(`.item[data-key="${FILMA}"]`).getAttribute('data-status'), 'done');
    await popup.close();
  });

  it('a snapshot that is not one is passed over', async () => {
    const revision = await options.evaluate(async () => (await (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get('revision')).revision);
    // The version the popup writes, from what it wrote last.
    const version = JSON.parse((await options.evaluate((key) => localStorage.getItem(key), SNAPSHOT_KEY)) ?? '{}').version as string;
    assert.match(version, /^\d+:\d+\.\d+\.\d+$/);
    for (const text of ['{', JSON.stringify({ revision, version: 'x', data: {} }), JSON.stringify({ revision, version, data: { progress: 'all done' } })]) {
      await options.evaluate(([key, value]) => localStorage.setItem(key, value), [SNAPSHOT_KEY, text] as const);
      const { popup, first, fromSnapshot } = await openPopup(browser);
      assert.equal(fromSnapshot, false, text);
      assert.match(first, /^2 av 4 obligatoriska klara/, text);
      await popup.close();
    }
  });

  it('a notice of plan changes, once seen, is not in the next opening’s first frame', async () => {
    const next = JSON.parse(fixturePlanAt());
    next.updatedAt = new Date().toISOString();
    next.periods[1].items.push({ url: 'https://digiteket.se/inspirationsartikel/att-leda-samtal/', title: 'Att leda samtal', kind: 'article', optional: true });
    await (await loadPlanFile(browser, JSON.stringify(next))).close();
    const shown = await openPopup(browser);
    const notice = shown.popup.getByTestId('plan-changes');
    await notice.waitFor();
    await notice.getByRole('button', { name: 'OK, jag har sett det' }).click();
    await notice.waitFor({ state: 'detached' });
    await shown.popup.close();
    const again = await openPopup(browser);
    assert.equal(again.firstNotice, false);
    assert.equal(await again.popup.getByTestId('plan-changes').count(), 0);
    await again.popup.close();
  });

  it('says so when the database cannot be read: over what it drew last time, or alone with its buttons', async () => {
    assert.notEqual(await options.evaluate((key) => localStorage.getItem(key), SNAPSHOT_KEY), null, 'the openings before left a snapshot');
    await options.evaluate((flag) => localStorage.setItem(flag, '1'), BREAK_DATABASE);
    try {
      const popup = await browser.popup();
      await popup.getByRole('alert').filter({ hasText: /^Det som visas kan vara inaktuellt: det som sparats i webbläsaren kunde inte läsas just nu\./ }).waitFor();
      assert.equal(await popup.evaluate(() => (globalThis as unknown as { firstTally?: string }).firstTally), await popup.getByTestId('tally').textContent());
      assert.match((await popup.getByTestId('tally').textContent()) ?? '', /^2 av 4 obligatoriska klara/);
      await popup.close();

      await options.evaluate((key) => localStorage.removeItem(key), SNAPSHOT_KEY);
      const bare = await browser.popup();
      await bare.getByRole('alert').filter({ hasText: /^Kurskompis kunde inte läsa det som sparats i den här webbläsaren/ }).waitFor();
      assert.equal(await bare.getByTestId('tally').count(), 0);
      assert.equal(await bare.getByRole('main').getAttribute('aria-busy'), 'false');
      await bare.getByRole('button', { name: 'Mina reflektioner' }).waitFor();
      await bare.close();
    } finally {
      await options.evaluate((flag) => localStorage.removeItem(flag), BREAK_DATABASE);
    }
    // Nothing was lost: the next opening reads it all again.
    const { popup, first } = await openPopup(browser);
    assert.match(first, /^2 av 4 obligatoriska klara/);
    await popup.close();
  });
});
