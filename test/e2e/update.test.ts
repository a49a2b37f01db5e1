import assert from 'node:assert/strict';
import { execFileSync, execSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { ClosedRoots } from './closed-root';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, fixturePlanAt, launch, loadPlanFile, message, type Browser } from './harness';

// An update keeps everything: the last release (0.1.0, the first version on main) is built
// from its commit, installed and given a plan, progress, notes and a setting; then the current
// build replaces its files and the extension is reloaded, as the browser applies an update while
// it runs. The database's schema moves up several versions on the way.

const CURRENT = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const RELEASED = { version: '0.1.0', commit: 'd099afbdddd0d697720e22999b8b2903d2785632' };
/** Built once and kept, for the suite's later runs at other moments of the day. */
const RELEASED_BUILD = resolve('.output', 'released', RELEASED.version);

function buildReleased(): string {
  const built = join(RELEASED_BUILD, 'chrome-mv3');
  if (existsSync(join(built, 'manifest.json'))) return built;
  const source = mkdtempSync(join(tmpdir(), 'kurskompis-released-'));
  try {
    execSync(`git archive ${RELEASED.commit} | tar -x -C ${JSON.stringify(source)}`, { stdio: 'inherit' });
    execFileSync('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: source, stdio: 'inherit' });
    execFileSync('npx', ['wxt', 'build'], { cwd: source, stdio: 'ignore' });
    mkdirSync(RELEASED_BUILD, { recursive: true });
    cpSync(join(source, '.output', 'chrome-mv3'), built, { recursive: true });
    return built;
  } finally {
    rmSync(source, { recursive: true, force: true });
  }
}

/** An extension page opened once the reloaded extension is there again. */
async function reopened(browser: Browser, file: string): Promise<Page> {
  const page = await browser.context.newPage();
  for (let tries = 0; ; tries++) {
    try {
      await page.goto(`chrome-extension://${browser.extensionId}/${file}`);
      return page;
    } catch (error) {
      if (tries > 20) throw error;
      await page.waitForTimeout(250);
    }
  }
}

describe(`an update from ${RELEASED.version}`, () => {
  const place = mkdtempSync(join(tmpdir(), 'kurskompis-installed-'));
  const installed = join(place, 'kurskompis');
  const profileDir = mkdtempSync(join(tmpdir(), 'kurskompis-update-profile-'));
  after(() => {
    rmSync(place, { recursive: true, force: true });
    rmSync(profileDir, { recursive: true, force: true });
  });

  it('keeps the plan, progress, every note and the settings', async () => {
    cpSync(buildReleased(), installed, { recursive: true });
    // Developer mode on, as where an unpacked extension may be reloaded (Chromium otherwise
    // disables an extension from the command line when it reloads).
    mkdirSync(join(profileDir, 'Default'), { recursive: true });
    writeFileSync(join(profileDir, 'Default', 'Preferences'), JSON.stringify({ extensions: { ui: { developer_mode: true } } }));
    const browser = await launch({ extensionDir: installed, profileDir, keepProfile: true });
    try {
      const options = await loadPlanFile(browser, fixturePlanAt());
      await options.getByText('Planen är inläst.').waitFor();
      await message(options, { type: 'setDone', key: 'digiteket.se/kurs/filma-med-mobilen/', done: true, title: 'Filma med mobilen' });
      const kept = (await message(options, { type: 'noteCreate', key: 'digiteket.se/kurs/skapa-en-podd/', title: 'Skapa en podd', text: 'Privat tanke före uppdateringen' })) as { id: string };
      const shared = (await message(options, { type: 'noteCreate', key: 'digiteket.se/kurs/skapa-en-podd/', title: 'Skapa en podd', text: 'Delad tanke före uppdateringen' })) as { id: string };
      await message(options, { type: 'noteUpdate', id: shared.id, patch: { shared: true } });
      assert.ok(kept.id && shared.id, 'the old version made its notes');
      await options.getByLabel('Jag är samordnare').check();
      await options.waitForTimeout(300);
      // The old version's settings page stays open through the update, as a person's would.

      // The update, as the browser does it while running: the new files in the same place and
      // the extension reloaded (the old worker stops, the new one starts and upgrades the schema).
      rmSync(installed, { recursive: true, force: true });
      cpSync(EXTENSION_DIR, installed, { recursive: true });
      await browser.worker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => undefined);
      const after = await reopened(browser, 'options.html');
      const running = await after.evaluate(() => (globalThis as unknown as { chrome: { runtime: { getManifest(): { version: string } } } }).chrome.runtime.getManifest().version);
      assert.equal(running, CURRENT, 'the browser runs the update');
      await after.getByText('Planfil plan.json').waitFor();
      assert.equal(await after.getByLabel('Jag är samordnare').isChecked(), true, 'coordinator mode is kept');

      const list = await browser.open('/kurser/');
      await list.locator('[data-kurskompis]').first().waitFor();
      const roots = await ClosedRoots.of(list);
      assert.equal(await roots.text({ selector: '.badge', in: { selector: '.course-card', text: 'Filma med mobilen' } }), 'Klar ✓', 'the course done before the update is done after it');

      const notes = await browser.context.newPage();
      await notes.goto(`chrome-extension://${browser.extensionId}/notes.html`);
      await notes.getByText('Privat tanke före uppdateringen').waitFor();
      await notes.getByText('Delad tanke före uppdateringen').waitFor();
      const answer = (await message(notes, { type: 'notesOf', key: 'digiteket.se/kurs/skapa-en-podd/' })) as { ok: boolean; notes: { text: string; shared: boolean }[] };
      assert.deepEqual(
        answer.notes.map((n) => [n.text, n.shared]).sort(),
        [['Delad tanke före uppdateringen', true], ['Privat tanke före uppdateringen', false]],
        'each note keeps whether it is shared',
      );
      const worker = browser.context.serviceWorkers().find((w) => w !== browser.worker) ?? (await browser.context.waitForEvent('serviceworker'));
      const badge = await worker.evaluate(() => (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({}));
      assert.equal(badge, '3', 'three of this month\'s required courses are left');
    } finally {
      await browser.close();
    }
    // And the next morning: the browser started again runs the update with everything in place.
    const again = await launch({ extensionDir: installed, profileDir, keepProfile: true });
    try {
      const notes = await again.context.newPage();
      await notes.goto(`chrome-extension://${again.extensionId}/notes.html`);
      await notes.getByText('Privat tanke före uppdateringen').waitFor();
      const answer = (await message(notes, { type: 'notesOf', key: 'digiteket.se/kurs/skapa-en-podd/' })) as { ok: boolean; notes: unknown[] };
      assert.equal(answer.ok, true, 'the worker that answers is the updated one');
      assert.equal(answer.notes.length, 2);
    } finally {
      await again.close();
    }
  });
});
