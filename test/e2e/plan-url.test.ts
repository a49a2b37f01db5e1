import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page, Route } from 'playwright-core';
import { fixturePlanAt, launch, type Browser } from './harness';

// The plan address is fetched by the background (service worker). The browser's own
// permission prompt cannot be answered in headless Chromium, so these tests send the options
// page's message directly; the server is served through context.route like Digiteket.

const PLAN_URL = 'https://plans.example.se/kurskompis/plan.json';

describe('a plan published at an address', () => {
  let browser: Browser;
  let options: Page;
  let answer: (route: Route) => Promise<void>;
  const seen: Array<Record<string, string>> = [];

  const send = (message: unknown) =>
    options.evaluate(
      (m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m),
      message,
    );

  before(async () => {
    browser = await launch();
    await browser.context.route('https://plans.example.se/**', async (route) => {
      seen.push(route.request().headers());
      await answer(route);
    });
    options = await browser.options();
  });
  after(() => browser.close());

  it('loads the plan, then asks again with its ETag', async () => {
    answer = (route) =>
      route.request().headers()['if-none-match'] === '"v1"'
        ? route.fulfill({ status: 304 })
        : route.fulfill({
            status: 200,
            contentType: 'application/json',
            // Without the host permission (never granted here) the worker sees the ETag only
            // when the server exposes it, as a public plan host would.
            headers: { ETag: '"v1"', 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'ETag' },
            body: fixturePlanAt(),
          });
    assert.deepEqual(await send({ type: 'setPlanUrl', url: PLAN_URL }), { ok: true, changed: true });
    assert.deepEqual(await send({ type: 'refreshPlan' }), { ok: true, changed: false });
    assert.equal(seen.at(-1)?.['if-none-match'], '"v1"');
    await options.reload();
    await options.getByText(`Adress ${PLAN_URL}`).waitFor();
    assert.equal(await browser.toolbarBadge(), '4');
  });

  it('tells staff what a new version changed', async () => {
    const next = JSON.parse(fixturePlanAt());
    next.updatedAt = new Date().toISOString();
    next.periods[1].items.push(
      { url: 'https://digiteket.se/kurs/skriv-for-webben/', title: 'Skriv för webben', kind: 'course' },
      { url: 'https://digiteket.se/kurs/bygg-din-egen-teknikjakt/', title: 'Bygg din egen teknikjakt', kind: 'course' },
    );
    answer = (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        headers: { ETag: '"v2"', 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'ETag' },
        body: JSON.stringify(next),
      });
    assert.deepEqual(await send({ type: 'refreshPlan' }), { ok: true, changed: true });
    const popup = await browser.popup();
    const notice = popup.getByTestId('plan-changes');
    await notice.waitFor();
    assert.equal(await notice.locator('li').textContent(), '2 nya kurser i ”November: Skapa innehåll”');
    assert.equal(await browser.toolbarBadge(), '6');
    await notice.getByRole('button', { name: 'OK, jag har sett det' }).click();
    await popup.reload();
    await popup.getByTestId('tally').waitFor();
    assert.equal(await popup.getByTestId('plan-changes').count(), 0);
    await popup.close();
  });

  for (const [label, respond, message] of [
    [
      'a sign-in page',
      (route: Route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!DOCTYPE html><title>Logga in</title><form>…</form>' }),
      'Adressen svarade med en webbsida (kanske en inloggningssida), inte med en planfil.',
    ],
    ['a 404', (route: Route) => route.fulfill({ status: 404, body: 'Not found' }), 'Det finns ingen plan på adressen (404).'],
    ['a broken plan', (route: Route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"kind":"kurskompis/plan"' }), 'Filen på adressen är ingen giltig plan.'],
  ] as const) {
    it(`reports ${label} and keeps the plan in force`, async () => {
      answer = respond;
      const result = (await send({ type: 'refreshPlan' })) as { ok: boolean };
      assert.equal(result.ok, false);
      await options.reload();
      await options.getByTestId('fetch-state').filter({ hasText: message }).waitFor();
      const popup = await browser.popup();
      await popup.getByTestId('tally').waitFor();
      assert.equal(await popup.getByRole('heading', { level: 2 }).textContent(), 'November: Skapa innehåll');
      await popup.close();
    });
  }
});
