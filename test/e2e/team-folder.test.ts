import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { startTeamFolder, type TeamFolderServer } from '../support/team-folder-server';
import { currentFixturePlan, launch, seriousViolations, type Browser } from './harness';

// Two colleagues share a real WebDAV folder (Nephele on 127.0.0.1). Headless Chromium cannot
// answer the permission prompt, so the join is sent as the settings page sends it after the
// prompt; the folder answers CORS, as a folder reached without the permission must.

async function joinTeam(browser: Browser, name: string, server: TeamFolderServer): Promise<Page> {
  const options = await browser.options();
  const result = await options.evaluate(
    ([url, displayName]) =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({
        type: 'joinTeam',
        url,
        username: 'demo',
        password: 'kurskompis',
        displayName,
        shareProgress: true,
        shareNotes: false,
      }),
    [server.url, name] as const,
  );
  assert.equal((result as { ok: boolean }).ok, true, JSON.stringify(result));
  return options;
}

describe('a team folder shared by two colleagues', () => {
  let root: string;
  let server: TeamFolderServer;
  let kim: Browser;
  let alex: Browser;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'kurskompis-team-'));
    writeFileSync(join(root, 'plan.json'), currentFixturePlan());
    server = await startTeamFolder({ root, account: { username: 'demo', password: 'kurskompis' } });
    kim = await launch();
    alex = await launch();
  });
  after(async () => {
    await kim?.close();
    await alex?.close();
    await server?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('shows the join form with what the folder will hold', async () => {
    const options = await kim.options();
    const card = options.getByTestId('team-folder');
    await card.getByLabel('Mappens adress eller delningslänk').waitFor();
    assert.match((await card.textContent()) ?? '', /Privata reflektioner lämnar aldrig din webbläsare/);
    assert.equal(await card.getByLabel('Dela mina framsteg: vilka kurser jag har påbörjat och gjort klart').isChecked(), true);
    assert.equal(await card.getByLabel('Dela de reflektioner som jag markerat ”Dela till diskussionen”').isChecked(), false);
    assert.deepEqual(await seriousViolations(options), []);
  });

  it('brings the plan from the folder without a click, and says when it synced', async () => {
    const options = await joinTeam(kim, 'Kim', server);
    await options.getByTestId('sync-state').filter({ hasText: /^Synkat \d\d\.\d\d\.$/ }).waitFor();
    const popup = await kim.popup();
    await popup.getByTestId('tally').waitFor();
    assert.match((await popup.getByTestId('sync-line').textContent()) ?? '', /^Synkat /);
    assert.equal(await popup.locator('#period-title').textContent(), 'November: Skapa innehåll');
  });

  it('records a sign-up in the member file and shows the places left to a colleague', async () => {
    const popup = await kim.popup();
    const signup = popup.getByTestId('signup');
    await signup.getByRole('button', { name: 'Anmäl mig' }).first().click();
    await signup.getByText('Du är anmäld.').waitFor();
    // The change goes to the folder a few seconds later, by itself.
    const memberFile = async () => {
      for (let i = 0; i < 40; i += 1) {
        const files = readdirSync(join(root, 'members')).filter((f) => f.endsWith('.json'));
        const kims = files.map((f) => JSON.parse(readFileSync(join(root, 'members', f), 'utf8'))).find((m) => m.displayName === 'Kim');
        if (kims?.signups?.length) return kims;
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error('no sign-up reached the folder');
    };
    const file = await memberFile();
    assert.deepEqual(
      file.signups.map((s: { sessionId: string; cancelled?: boolean }) => [s.sessionId, s.cancelled ?? false]),
      [['2026-11-s1', false]],
    );

    await joinTeam(alex, 'Alex', server);
    const theirs = await alex.popup();
    const first = theirs.getByTestId('signup').getByRole('listitem').first();
    await first.waitFor();
    assert.match((await first.textContent()) ?? '', /Platser kvar: 7\./);
  });

  it('keeps working locally when the folder is down, and says so', async () => {
    server.fault = 503;
    const options = await kim.options();
    await options.getByRole('button', { name: 'Synka nu' }).click();
    await options.getByTestId('sync-state').filter({ hasText: 'Teamets mapp svarade med ett fel. Nytt försök' }).waitFor();
    server.fault = null;
    await options.getByRole('button', { name: 'Synka nu' }).click();
    await options.getByTestId('sync-state').filter({ hasText: /^Synkat / }).waitFor();
  });
});
