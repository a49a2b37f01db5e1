import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { seedTeamFolder } from '../bench/seed-folder';
import { startSlowProxy, type SlowProxy } from '../support/slow-proxy';
import { startTeamFolder, type TeamFolderServer } from '../support/team-folder-server';
import { fixturePlanAt, joinTeam, launch, seriousViolations, type Browser } from './harness';

// A region's folder over a slow network: 300 member files behind a proxy that makes every
// request wait 80 ms and takes six at a time, as a server without HTTP/2 does. The coordinator
// sees how far the reading has come and the members read so far as they come, can stop it, and
// then sees the members read before the stop.

const MEMBERS = 300;
/** With the coordinator's own file, written on joining. */
const FILES = MEMBERS + 1;

describe('the team overview reading a large folder over a slow network', () => {
  let root: string;
  let server: TeamFolderServer;
  let proxy: SlowProxy;
  let coordinator: Browser;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'kurskompis-region-'));
    seedTeamFolder(root, MEMBERS, fixturePlanAt());
    server = await startTeamFolder({ root });
    proxy = await startSlowProxy(server.url);
    coordinator = await launch();
    await joinTeam(coordinator, 'Samordnaren', proxy);
  });
  after(async () => {
    await coordinator?.close();
    await proxy?.close();
    await server?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('shows how far it has come with a bar, stops when asked, and shows the members read so far', async () => {
    const page = await coordinator.context.newPage();
    await page.goto(`chrome-extension://${coordinator.extensionId}/team.html`);
    const status = page.getByRole('status').filter({ hasText: /^Läser medlemsfiler \d+ av 301$/ });
    await status.waitFor();
    const bar = page.locator('progress');
    await page.waitForFunction(() => Number(document.querySelector('progress')?.getAttribute('value')) >= 20);
    assert.equal(await bar.getAttribute('max'), String(FILES));
    // The grid fills in while the reading runs, and says it is not all yet.
    const rows = page.getByTestId('team-grid').locator('tbody tr');
    await rows.first().waitFor();
    const shown = await rows.count();
    assert.ok(shown > 0 && shown < FILES, `${shown} rows while reading`);
    assert.match((await page.getByTestId('team-source').textContent()) ?? '', /^Läsningen pågår: översikten visar de \d+ medlemsfiler som lästs hittills/);
    assert.equal(await page.getByRole('button', { name: /CSV/ }).count(), 0);
    assert.deepEqual(await seriousViolations(page), []);
    await page.getByRole('button', { name: 'Avbryt' }).click();
    const source = page.getByTestId('team-source');
    await source.filter({ hasText: /Läsningen avbröts/ }).waitFor();
    const text = (await source.textContent()) ?? '';
    const read = Number(/Från teamets mapp: (\d+) medlemsfiler/.exec(text)?.[1]);
    const unread = Number(/Läsningen avbröts: (\d+) medlemsfiler lästes inte/.exec(text)?.[1]);
    assert.ok(read >= 20 && read < FILES, text);
    assert.equal(read + unread, FILES, text);
    // The members read are in the grid, one row each.
    assert.equal(await page.getByTestId('team-grid').locator('tbody tr').count(), read);
    assert.deepEqual(await seriousViolations(page), []);
  });

  it('reads only the rest the next time, and then shows everyone', async () => {
    const before = proxy.stats().byKind['GET member file'] ?? 0;
    const page = await coordinator.context.newPage();
    await page.goto(`chrome-extension://${coordinator.extensionId}/team.html`);
    await page.getByTestId('team-source').filter({ hasText: /^Från teamets mapp: 301 medlemsfiler\.$/ }).waitFor({ timeout: 60_000 });
    const fetched = (proxy.stats().byKind['GET member file'] ?? 0) - before;
    assert.ok(fetched < FILES, `fetched ${fetched} files again`);
  });
});
