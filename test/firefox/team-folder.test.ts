import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'puppeteer-core';
import { t, textOf, tPattern, until } from '../scenarios/driver';
import { startApacheFolder, type ApacheFolder } from '../support/apache-folder';
import { fixturePlanAt } from '../support/plan-at';
import { bidiRoots, launchFirefox, surface, type FirefoxBrowser } from './harness';

// A member in Firefox ESR joins the team's folder, served by Apache mod_dav on loopback (no
// CORS: Firefox lets the background reach it through the host permission granted at joining).
// The join goes through the settings page with real clicks and keys; the permission prompt is
// answered by Firefox's testing pref (harness.ts). The plan the coordinator published in the
// folder comes into force, and a course finished on Digiteket reaches the member's file.

const PODD_KEY = 'digiteket.se/kurs/skapa-en-podd/';

type MemberFile = { displayName?: string; progress: Array<{ courseKey: string; status: string }> };

function memberFiles(root: string): MemberFile[] {
  let names: string[] = [];
  try {
    names = readdirSync(join(root, 'members')).filter((name) => name.endsWith('.json'));
  } catch {
    return [];
  }
  return names.map((name) => JSON.parse(readFileSync(join(root, 'members', name), 'utf8')) as MemberFile);
}

describe('a member in Firefox syncs with a team folder on Apache', () => {
  let folder: ApacheFolder;
  let firefox: FirefoxBrowser;
  let options: Page;
  before(async () => {
    folder = await startApacheFolder();
    // As the coordinator publishes it: plan.json at the folder's top.
    writeFileSync(join(folder.root, 'plan.json'), fixturePlanAt());
    folder.adopt();
    firefox = await launchFirefox();
  });
  after(async () => {
    await firefox?.close();
    await folder?.close();
  });

  it('joins from the settings page and loads the plan published in the folder', async () => {
    options = await firefox.extensionPage('options.html');
    await textOf(surface(options), '#team-url');
    await options.type('#team-url', folder.url);
    await options.type('#team-name', 'Robin i Firefox');
    await options.click('[data-testid="team-folder"] button[type="submit"]');
    const state = await until(
      () => options.evaluate(() => document.querySelector('[data-testid="sync-state"], [data-testid="team-error"]')?.textContent ?? ''),
      (text) => text !== '',
      'joined',
      20_000,
    );
    assert.match(state, tPattern('en', 'syncedAt'));
    const popup = await firefox.extensionPage('popup.html');
    const period = await textOf(surface(popup), '#period-title');
    assert.equal(period, 'November: Skapa innehåll');
    assert.equal(await popup.evaluate(() => document.querySelectorAll('.item').length), 6);
    await popup.close();
    // The join wrote the member's file, with nothing done yet.
    const files = await until(async () => memberFiles(folder.root), (found) => found.length === 1, 'member file after joining');
    assert.deepEqual(files[0]?.progress.filter((p) => p.status === 'done'), []);
  });

  it("carries a course finished on Digiteket into the member's file in the folder", async () => {
    firefox.pages.set('/kurs/skapa-en-podd/', 'kurs-skapa-en-podd-klar.html');
    const course = await firefox.open('/kurs/skapa-en-podd/');
    await bidiRoots(firefox.browser, course).waitFor({ selector: '.badge', text: t('en', 'badgeDone'), in: { selector: 'kurskompis-panel' } });
    await course.close();
    // A few seconds after the change, without a click.
    const [file] = await until(
      async () => memberFiles(folder.root),
      (files) => files.some((f) => f.progress.some((p) => p.courseKey === PODD_KEY && p.status === 'done')),
      'member file with the finished course',
      30_000,
    );
    assert.equal(file?.displayName, 'Robin i Firefox');
    assert.deepEqual(
      file?.progress.filter((p) => p.status === 'done').map((p) => p.courseKey),
      [PODD_KEY],
    );
    // The same file over HTTP, as the coordinator's overview reads it.
    const listed = readdirSync(join(folder.root, 'members'));
    const response = await fetch(new URL(`members/${listed[0]}`, folder.url));
    assert.equal(response.status, 200);
    assert.match(await response.text(), /skapa-en-podd/);
  });
});
