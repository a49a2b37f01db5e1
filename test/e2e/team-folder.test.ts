import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startTeamFolder, type TeamFolderServer } from '../support/team-folder-server';
import { fixturePlanAt, joinTeam, launch, message, seriousViolations, type Browser } from './harness';

// A coordinator and two colleagues share a real WebDAV folder (Nephele on 127.0.0.1).
// Headless Chromium cannot answer the permission prompt, so the join is sent as the settings
// page sends it once the prompt is answered; the folder answers CORS, as one reached without
// the permission must.

describe('a team folder shared by a coordinator and two colleagues', () => {
  let root: string;
  let server: TeamFolderServer;
  let coordinator: Browser;
  let kim: Browser;
  let alex: Browser;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'kurskompis-team-'));
    server = await startTeamFolder({ root, account: { username: 'demo', password: 'kurskompis' } });
    [coordinator, kim, alex] = await Promise.all([launch(), launch(), launch()]);
  });
  /** Kim's member file as the folder holds it, or '' before it is written. */
  const kimsFile = () => {
    const name = readdirSync(join(root, 'members')).find((f) => readFileSync(join(root, 'members', f), 'utf8').includes('"Kim"'));
    return name ? readFileSync(join(root, 'members', name), 'utf8') : '';
  };
  after(async () => {
    await Promise.all([coordinator?.close(), kim?.close(), alex?.close()]);
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

  it('lets the coordinator publish the plan to the folder', async () => {
    const options = await joinTeam(coordinator, 'Samordnaren', server);
    await options.getByLabel('Jag är samordnare').check();
    const planner = await coordinator.context.newPage();
    await planner.goto(`chrome-extension://${coordinator.extensionId}/coordinator.html`);
    await planner.locator('#open-plan-file').setInputFiles({ name: 'plan.json', mimeType: 'application/json', buffer: Buffer.from(fixturePlanAt()) });
    await planner.getByTestId('save-state').filter({ hasText: /^Sparat / }).waitFor();
    // The team pins its coordinator: a key made in the planner signs what is published.
    await planner.getByRole('button', { name: 'Skapa en nyckel' }).click();
    await planner.getByTestId('signing-key').filter({ hasText: /^Planen signeras med nyckeln [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}\.$/ }).waitFor();
    await planner.getByRole('button', { name: 'Publicera planen' }).click();
    await planner.getByText('Planen är publicerad i teamets mapp.').waitFor();
    const published = JSON.parse(readFileSync(join(root, 'plan.json'), 'utf8'));
    assert.equal(published.team.name, 'Östersunds bibliotek');
    assert.equal(published.signature.alg, 'Ed25519');
  });

  it('brings the plan to colleagues without a click, and says when it synced', async () => {
    const options = await joinTeam(kim, 'Kim', server, true);
    await options.getByTestId('sync-state').filter({ hasText: /^Synkat \d\d\.\d\d\.$/ }).waitFor();
    const popup = await kim.popup();
    await popup.getByTestId('tally').waitFor();
    assert.match((await popup.getByTestId('sync-line').textContent()) ?? '', /^Synkat /);
    assert.equal(await popup.locator('#period-title').textContent(), 'November: Skapa innehåll');
    assert.match((await options.getByTestId('plan-signature').textContent()) ?? '', /^Signerad av samordnarens nyckel [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}$/);
    await joinTeam(alex, 'Alex', server);
  });

  it('carries a finished course, a shared note and a sign-up to the folder by itself', async () => {
    const popup = await kim.popup();
    await popup.getByRole('checkbox', { name: 'Markera som klar: Skapa en podd' }).check();
    const signup = popup.getByTestId('signup');
    const session = signup.locator('li[data-session-id="2026-11-s1"]');
    await session.getByRole('button', { name: 'Anmäl mig' }).click();
    await session.getByText('Du är anmäld.').waitFor();
    const options = await kim.options();
    const { note } = (await message(options, { type: 'noteCreate', key: 'digiteket.se/kurs/skapa-en-podd/', title: 'Skapa en podd', text: 'Bokpoddar med skolklasser?' })) as { note: { id: string } };
    await message(options, { type: 'noteUpdate', id: note.id, patch: { shared: true } });
    await message(options, { type: 'noteCreate', key: 'digiteket.se/kurs/skapa-en-podd/', title: 'Skapa en podd', text: 'Min privata tanke' });
    // Debounced: a few seconds after the last change, without any click.
    let file: { progress: unknown[]; sharedNotes: Array<{ text: string }>; signups: unknown[] } | undefined;
    for (let i = 0; i < 60 && !(file?.signups.length && file.sharedNotes.length && file.progress.length); i += 1) {
      await new Promise((r) => setTimeout(r, 250));
      const text = kimsFile();
      file = text ? JSON.parse(text) : undefined;
    }
    assert.ok(file, 'Kim’s member file is in the folder');
    assert.deepEqual(file.sharedNotes.map((n) => n.text), ['Bokpoddar med skolklasser?']);
    assert.equal(file.signups.length, 1);
    assert.ok(!JSON.stringify(file).includes('privata'), 'a private note never reaches the folder');
  });

  it('counts the places when a colleague opens the popup, never in the background', async () => {
    // Alex has synced in the background since Kim signed up, and never looked.
    const options = await alex.options();
    const popup = await alex.popup();
    const session = popup.getByTestId('signup').locator('li[data-session-id="2026-11-s1"]');
    await session.filter({ hasText: /Platser kvar: 7\./ }).waitFor();
    // Counted a moment ago: opening the popup again within the hour asks the folder nothing.
    const again = (await message(options, { type: 'lookAtSignups' })) as { ok: boolean; state: unknown };
    assert.deepEqual(again, { ok: true, state: null });
  });

  it('shows a colleague the places left after "Synka nu"', async () => {
    const options = await alex.options();
    // As "Synka nu" does; awaited here, so the popup opens after the sync has finished.
    const { state } = (await message(options, { type: 'syncNow' })) as { state: { signupCounts?: Record<string, number> } };
    assert.deepEqual(state.signupCounts, { '2026-11-s1': 1 });
    const popup = await alex.popup();
    const session = popup.getByTestId('signup').locator('li[data-session-id="2026-11-s1"]');
    await session.waitFor();
    assert.match((await session.textContent()) ?? '', /Platser kvar: 7\./);
  });

  it('gives the coordinator the team overview', async () => {
    const page = await coordinator.context.newPage();
    await page.goto(`chrome-extension://${coordinator.extensionId}/team.html`);
    const grid = page.getByTestId('team-grid');
    await grid.waitFor();
    assert.match((await page.getByTestId('team-source').textContent()) ?? '', /Från teamets mapp: 3 medlemsfiler\./);
    const kimRow = grid.getByRole('row', { name: /^Kim/ });
    assert.match((await kimRow.textContent()) ?? '', /✓ klar/);
    assert.match((await kimRow.textContent()) ?? '', /1\/4/);
    assert.match((await page.getByTestId('team-summary').textContent()) ?? '', /Inte påbörjat: 2\./);
    assert.match((await page.getByTestId('team-sessions').textContent()) ?? '', /Kim/);
    assert.match((await page.getByTestId('team-notes').textContent()) ?? '', /Bokpoddar med skolklasser\?\s*— Kim/);
    assert.deepEqual(await seriousViolations(page), []);
    const csvEvent = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Ladda ner som CSV (Excel)' }).click();
    const csv = readFileSync(await (await csvEvent).path(), 'utf8');
    assert.ok(csv.startsWith('\uFEFFNamn;'), 'UTF-8 with BOM, semicolons');
  });

  it('lets the coordinator grant a colleague more time, which reaches them with the published plan', async () => {
    const november = (JSON.parse(readFileSync(join(root, 'plan.json'), 'utf8')) as { periods: Array<{ id: string; deadline: string }> }).periods.find((p) => p.id === '2026-11')!;
    const later = new Date(Date.parse(`${november.deadline}T12:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    const page = await coordinator.context.newPage();
    await page.goto(`chrome-extension://${coordinator.extensionId}/team.html`);
    await page.getByRole('button', { name: 'Ge mer tid till Alex' }).click();
    const form = page.getByRole('region', { name: 'Mer tid för Alex' });
    await form.getByLabel('Ny sista dag').fill(later);
    await form.getByLabel('Anteckning (frivillig)').fill('Sjuk en vecka');
    await form.getByRole('button', { name: 'Ge mer tid' }).click();
    await form.getByTestId('grant-message').filter({ hasText: /^Alex har nu till / }).waitFor();
    assert.match((await page.getByTestId('team-grid').getByRole('row', { name: /^Alex/ }).textContent()) ?? '', /\(beviljad\)/);
    assert.deepEqual(await seriousViolations(page), []);

    const planner = await coordinator.context.newPage();
    await planner.goto(`chrome-extension://${coordinator.extensionId}/coordinator.html`);
    await planner.getByRole('button', { name: 'Publicera planen' }).click();
    await planner.getByText('Planen är publicerad i teamets mapp.').waitFor();
    const published = JSON.parse(readFileSync(join(root, 'plan.json'), 'utf8')) as { extensions?: Array<{ periodId: string; deadline: string; note?: string }> };
    assert.deepEqual(published.extensions?.map((e) => [e.periodId, e.deadline, e.note]), [['2026-11', later, 'Sjuk en vecka']]);

    const options = await alex.options();
    await message(options, { type: 'syncNow' });
    const popup = await alex.popup();
    const personal = popup.getByTestId('personal-deadline');
    await personal.waitFor();
    assert.match((await personal.textContent()) ?? '', /\(beviljad av samordnaren\)/);
    // Kim was granted nothing and keeps the period's deadline.
    const kimPopup = await kim.popup();
    await kimPopup.getByTestId('tally').waitFor();
    assert.equal(await kimPopup.getByTestId('personal-deadline').count(), 0);
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

  it('refuses a plan.json someone else put in the folder, says why, and keeps the plan in force', async () => {
    const signed = JSON.parse(readFileSync(join(root, 'plan.json'), 'utf8'));
    const { signature: _signature, ...unsigned } = signed;
    unsigned.periods[1].title = 'November: Förfalskad';
    unsigned.siteAdapter = { completionTexts: ['Du har genomfört kursen'] };
    writeFileSync(join(root, 'plan.json'), JSON.stringify(unsigned, null, 2));
    const options = await kim.options();
    await options.getByRole('button', { name: 'Synka nu' }).click();
    const refused = options.getByTestId('plan-refused');
    await refused.waitFor();
    assert.match((await refused.textContent()) ?? '', /^En plan från teamets mapp avvisades .*Planen är inte signerad av samordnaren\./);
    const popup = await kim.popup();
    await popup.getByTestId('tally').waitFor();
    assert.equal(await popup.locator('#period-title').textContent(), 'November: Skapa innehåll');
    writeFileSync(join(root, 'plan.json'), JSON.stringify(signed, null, 2));
  });

  it('takes the shared notes out of the folder when sharing is turned off, and keeps them here', async () => {
    assert.ok(kimsFile().includes('Bokpoddar med skolklasser?'));
    const options = await kim.options();
    await options.getByTestId('sync-state').filter({ hasText: /^Synkat / }).waitFor();
    const sharing = options.getByTestId('team-folder').getByLabel('Dela de reflektioner som jag markerat ”Dela till diskussionen”');
    assert.equal(await sharing.isChecked(), true);
    // The box follows the settings once the sync that carries the choice has run.
    await sharing.click();
    await options.waitForFunction(
      (label) => [...document.querySelectorAll('[data-testid=team-folder] label')].some((l) => l.textContent?.trim() === label && !(l.querySelector('input') as HTMLInputElement).checked),
      'Dela de reflektioner som jag markerat ”Dela till diskussionen”',
    );
    for (let i = 0; i < 40 && kimsFile().includes('Bokpoddar'); i += 1) await new Promise((r) => setTimeout(r, 250));
    assert.ok(!kimsFile().includes('Bokpoddar'), 'the text has left the folder');
    const notes = await kim.context.newPage();
    await notes.goto(`chrome-extension://${kim.extensionId}/notes.html`);
    await notes.locator('.note-text').filter({ hasText: 'Bokpoddar med skolklasser?' }).waitFor();
    await notes.close();
  });
});
