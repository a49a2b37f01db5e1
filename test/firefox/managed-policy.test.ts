import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { fixturePlanAt } from '../support/plan-at';
import { fixturePage, fixtureRoutes } from '../support/fixtures';
import { BidiClosedRoots } from './closed-root';

// What a library's IT does for Firefox: `policies.json` in Firefox's distribution folder
// presets the plan's address for Kurskompis ("3rdparty.Extensions", read into storage.managed).
// Firefox is started with it, and the plan is in force without a click: this month's courses
// carry their badges on Digiteket's course list. Writing the policy needs root (as in CI); the
// file is removed afterwards. The plan is served on loopback port 443 (root again) under its
// own name, which Firefox resolves to this computer (`network.dns.localDomains`).

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const POLICY = join(process.env.FIREFOX_DISTRIBUTION ?? '/usr/lib/firefox-esr/distribution', 'policies.json');
const PLAN_HOST = 'plans.example.se';
const PLAN_URL = `https://${PLAN_HOST}/kurskompis/plan.json`;
const ID = 'kurskompis@kurskompis.se';

const isRoot = process.getuid?.() === 0;

function planServer(dir: string): Promise<Server> {
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', `/CN=${PLAN_HOST}`, '-addext', `subjectAltName=DNS:${PLAN_HOST}`, '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  const body = fixturePlanAt();
  const server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (request, response) => {
    if (request.url !== '/kurskompis/plan.json') return void response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' }).end(body);
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(443, '127.0.0.1', () => done(server));
  });
}

describe('settings preset by the organisation (Firefox policies.json)', { skip: isRoot ? false : 'needs root to write policies.json and serve on port 443' }, () => {
  let browser: Browser;
  let page: Page;
  let server: Server;
  const dir = mkdtempSync(join(tmpdir(), 'kurskompis-ff-policy-'));
  let previous: string | null = null;

  before(async () => {
    server = await planServer(dir);
    try {
      previous = readFileSync(POLICY, 'utf8');
    } catch {
      previous = null;
    }
    execFileSync('tee', [POLICY], { input: JSON.stringify({ policies: { '3rdparty': { Extensions: { [ID]: { planUrl: PLAN_URL } } } } }), stdio: ['pipe', 'ignore', 'pipe'] });
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      acceptInsecureCerts: true,
      extraPrefsFirefox: { 'network.dns.localDomains': PLAN_HOST },
    });
    await browser.installExtension(resolve('.output/firefox-mv3'));
    page = await browser.newPage();
    const routes = fixtureRoutes();
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.hostname !== 'digiteket.se') return void request.continue();
      const file = routes.get(url.pathname);
      void request.respond(
        file ? { status: 200, contentType: 'text/html; charset=utf-8', body: fixturePage(file) } : { status: 404, contentType: 'text/plain', body: '' },
      );
    });
  });
  after(async () => {
    await browser?.close();
    server?.close();
    try {
      if (previous === null) rmSync(POLICY, { force: true });
      else execFileSync('tee', [POLICY], { input: previous, stdio: ['pipe', 'ignore', 'pipe'] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("has the plan in force without a click: this month's courses are badged on the course list", async () => {
    // The worker fetches the preset plan when it is installed; the list may come first.
    let badged: string[] = [];
    for (let attempt = 0; attempt < 20 && badged.length === 0; attempt += 1) {
      await page.goto('https://digiteket.se/kurser/');
      await page.waitForFunction(() => document.readyState === 'complete');
      await new Promise((r) => setTimeout(r, 500));
      badged = await page.evaluate(() =>
        [...document.querySelectorAll('.course-card')].filter((card) => card.querySelector('[data-kurskompis]')).map((card) => card.querySelector('h3')?.textContent ?? ''),
      );
    }
    assert.deepEqual(badged.sort(), ['Bildredigering i webbläsaren', 'Filma med mobilen', 'Redigera Wikipedia', 'Skapa en podd', 'Upphovsrätt och Creative Commons']);
    const [badge] = await new BidiClosedRoots(browser, page).waitFor({ selector: '.badge', in: { selector: '.course-card', text: 'Skapa en podd' } });
    assert.match(badge?.text ?? '', /^This month's course/);
  });
});
