import assert from 'node:assert/strict';
import { it } from 'node:test';
import { fixturePlanAt } from '../support/plan-at';
import { t, textOf, tPattern, until, type StaffDriver } from './driver';

// The staff flows, written once and run in Chromium (test/e2e/staff.test.ts) and in Firefox
// ESR (test/firefox/staff.test.ts): the same steps and the same expectations, each browser in
// its own UI language (the extension's texts are read from its message catalogues). The plan
// is the Östersund fixture laid out around today (mid-November's period is running), so the
// steps hold on any date. Call inside a `describe`; `driver` is read once `before` has run.

const PODD = '/kurs/skapa-en-podd/';
const PODD_KEY = 'digiteket.se/kurs/skapa-en-podd/';
const card = (title: string, text?: string) => ({ selector: '.badge', ...(text ? { text } : {}), in: { selector: '.course-card', text: title } });
const strip = (text?: string) => ({ selector: '.badge', ...(text ? { text } : {}), in: { selector: 'kurskompis-panel' } });
const importBar = (selector: string, text: string) => ({ selector, text, in: { selector: 'kurskompis-import' } });

/** Titles of the cards on a course list that carry a badge (the page sees only the hosts). */
const badgedCards = () =>
  [...document.querySelectorAll('.course-card')].filter((c) => c.querySelector('[data-kurskompis]')).map((c) => c.querySelector('h3')?.textContent?.trim() ?? '').sort();

async function popupState(driver: StaffDriver) {
  const popup = await driver.extensionPage('popup.html');
  await textOf(popup, '[data-testid="tally"]');
  const state = await popup.evaluate(
    () => ({
      period: document.querySelector('#period-title')?.textContent ?? '',
      deadline: document.querySelector('[data-testid="deadline"]')?.textContent?.trim() ?? '',
      tally: document.querySelector('[data-testid="tally"]')?.textContent?.trim() ?? '',
      optional: document.querySelector('[data-testid="optional"]')?.textContent?.trim() ?? '',
      items: [...document.querySelectorAll('.item')].map((item) => ({
        key: item.getAttribute('data-key'),
        status: item.getAttribute('data-status'),
        href: item.querySelector('a')?.getAttribute('href') ?? '',
      })),
    }),
    null,
  );
  await popup.close();
  return state;
}

export function staffScenario(driver: () => StaffDriver): void {
  it('loads the plan from a file on the settings page', async () => {
    await driver().loadPlan(fixturePlanAt());
  });

  it("shows the period's badges on the course list and on a course page", async () => {
    const { lang, open } = driver();
    const list = await open('/kurser/');
    const roots = list.roots();
    await roots.waitFor(card('Skapa en podd', t(lang, 'badgePeriod')));
    await roots.waitFor(card('Redigera Wikipedia', t(lang, 'badgeOptional')));
    assert.deepEqual(await list.evaluate(badgedCards, null), [
      'Bildredigering i webbläsaren',
      'Filma med mobilen',
      'Redigera Wikipedia',
      'Skapa en podd',
      'Upphovsrätt och Creative Commons',
    ]);
    await list.close();
    const course = await open(PODD);
    const [badge] = await course.roots().waitFor(strip());
    assert.match(badge!.text, tPattern(lang, 'badgePeriodDeadline'));
    await course.close();
  });

  it("shows the period, its deadline, the courses and the progress in the popup", async () => {
    const { lang } = driver();
    const popup = await popupState(driver());
    assert.equal(popup.period, 'November: Skapa innehåll');
    // "Klar senast 28 nov (vecka 48) · 14 dagar kvar"
    assert.match(popup.deadline, tPattern(lang, 'deadlineWithWeek', true));
    assert.ok(popup.tally.startsWith(t(lang, 'requiredDone', 0, 4)), popup.tally);
    assert.equal(popup.optional, t(lang, 'optionalDone', 0, 2));
    assert.equal(popup.items.length, 6);
    assert.equal(popup.items[0]?.href, 'https://digiteket.se/kurs/skapa-en-podd/');
    // Opening the course page (previous step) recorded it as started.
    assert.equal(popup.items.find((item) => item.key === PODD_KEY)?.status, 'started');
  });

  it("counts a course as done when its last step is finished, and imports Mina sidor", async () => {
    const { lang, open, serve } = driver();
    // The last step of the course shows the completion section and the certificate link.
    serve(PODD, 'kurs-skapa-en-podd-klar.html');
    const course = await open(PODD);
    await course.roots().waitFor(strip(t(lang, 'badgeDone')));
    await course.close();
    let popup = await popupState(driver());
    assert.ok(popup.tally.startsWith(t(lang, 'requiredDone', 1, 4)), popup.tally);
    assert.equal(popup.items.find((item) => item.key === PODD_KEY)?.status, 'done');

    const mine = await open('/mina-sidor/');
    const bar = mine.roots();
    await bar.waitFor(importBar('.status', t(lang, 'myPagesFound', 3)));
    await bar.click(importBar('button', t(lang, 'myPagesImport')));
    // Skapa en podd was already done; the other two are new.
    await bar.waitFor(importBar('.status', t(lang, 'myPagesImported', 2, 1)));
    await mine.close();
    const list = await open('/kurser/');
    for (const title of ['Källkritik på nätet', 'Starka lösenord', 'Skapa en podd']) {
      await list.roots().waitFor(card(title, t(lang, 'badgeDone')));
    }
    await list.close();
    // Neither imported course belongs to this period: the count stays.
    popup = await popupState(driver());
    assert.ok(popup.tally.startsWith(t(lang, 'requiredDone', 1, 4)), popup.tally);
  });

  it('keeps a note typed in the notes panel over a reload, out of reach of the page', async () => {
    const { lang, open } = driver();
    const course = await open('/kurs/kallkritik-pa-natet/');
    // A script of the site's own, listening to every key in the page.
    await course.evaluate(() => {
      const w = window as unknown as { captured: string[] };
      w.captured = [];
      for (const type of ['keydown', 'keypress', 'input']) {
        document.addEventListener(type, (e) => w.captured.push(`${type}:${(e as KeyboardEvent).key ?? ''}`), true);
      }
    }, null);
    await course.roots().click({ selector: 'button.tab', text: t(lang, 'notesTitle') });
    let panel = await course.notesPanel();
    await textOf(panel, '#draft');
    await panel.type('#draft', 'hemlig tanke om källor');
    await until(() => panel.evaluate(() => document.body.innerText, null), (text) => text.includes(t(lang, 'notesSaved')), 'saved');

    const seen = await course.evaluate(() => {
      let frameText: string | null = null;
      try {
        frameText = window.frames[0]?.document.body.innerText ?? null;
      } catch {
        frameText = null;
      }
      const host = document.querySelector('[data-kurskompis-notes], kurskompis-notes') ?? [...document.querySelectorAll('*')].find((el) => el.localName.startsWith('kurskompis'));
      return {
        captured: (window as unknown as { captured: string[] }).captured,
        frames: window.length,
        iframes: document.querySelectorAll('iframe').length,
        frameText,
        shadowRoots: [...document.querySelectorAll('*')].filter((el) => el.shadowRoot !== null).length,
        hostFound: host !== undefined && host !== null,
        pageText: document.documentElement.innerText,
      };
    }, null);
    assert.ok(seen.hostFound, 'the page sees that a host is there');
    assert.deepEqual(
      { captured: seen.captured, frames: seen.frames, iframes: seen.iframes, frameText: seen.frameText, shadowRoots: seen.shadowRoots },
      { captured: [], frames: 0, iframes: 0, frameText: null, shadowRoots: 0 },
    );
    assert.ok(!seen.pageText.includes('hemlig'));

    await course.reload();
    await course.roots().click({ selector: 'button.tab', text: t(lang, 'notesTitle') });
    panel = await course.notesPanel();
    const notes = await until(
      () => panel.evaluate(() => [...document.querySelectorAll('.note .note-text')].map((n) => n.textContent), null),
      (texts) => texts.length > 0,
      'notes after reload',
    );
    assert.deepEqual(notes, ['hemlig tanke om källor']);
    await course.close();
  });
}
