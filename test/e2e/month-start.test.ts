import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startTeamFolder, type TeamFolderServer } from '../support/team-folder-server';
import { fixturePlanAt, joinTeam, launch, message, seriousViolations, type Browser } from './harness';

// The first day of a period: the new period's courses run, the last period's discussion is
// tomorrow. Staff see the courses and sign up for that discussion first; the coordinator's
// overview and discussion guide are about the period being discussed.

describe('in the first days of a period', () => {
  let root: string;
  let server: TeamFolderServer;
  let coordinator: Browser;
  let kim: Browser;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'kurskompis-month-start-'));
    writeFileSync(join(root, 'plan.json'), fixturePlanAt(new Date(), 'monthStart'));
    server = await startTeamFolder({ root, account: { username: 'demo', password: 'kurskompis' } });
    [coordinator, kim] = await Promise.all([launch(), launch()]);
  });
  after(async () => {
    await Promise.all([coordinator?.close(), kim?.close()]);
    await server?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('shows staff the new period’s courses and, above them, the sign-up for the last period’s discussion', async () => {
    await joinTeam(kim, 'Kim', server);
    const popup = await kim.popup();
    await popup.getByTestId('tally').waitFor();
    assert.equal(await popup.locator('#period-title').textContent(), 'November: Skapa innehåll');
    const signup = popup.getByTestId('signup');
    const headings = await signup.locator('h4').allTextContents();
    assert.deepEqual(headings, ['Diskussion om ”Oktober: Informationskompetens”', 'Diskussion om ”November: Skapa innehåll”']);
    const signupTop = (await signup.boundingBox())?.y ?? Infinity;
    const tallyTop = (await popup.getByTestId('tally').boundingBox())?.y ?? -Infinity;
    assert.ok(signupTop < tallyTop, 'the sign-up comes before the courses');
    const october = signup.locator('li[data-session-id="2026-10-s1"]');
    await october.getByRole('button', { name: 'Anmäl mig' }).click();
    await october.getByText('Du är anmäld.').waitFor();
    assert.deepEqual(await seriousViolations(popup), []);
    // The sign-up reaches the folder before the coordinator reads it.
    const options = await kim.options();
    await message(options, { type: 'syncNow' });
  });

  it('opens the coordinator’s overview and discussion guide on the period whose discussion comes next', async () => {
    const options = await joinTeam(coordinator, 'Samordnaren', server);
    await options.getByLabel('Jag är samordnare').check();
    const page = await coordinator.context.newPage();
    await page.goto(`chrome-extension://${coordinator.extensionId}/team.html`);
    await page.getByTestId('team-grid').waitFor();
    assert.equal(await page.locator('#period').inputValue(), '2026-10');
    assert.match((await page.getByTestId('team-sessions').textContent()) ?? '', /Kim/);
    const guide = await coordinator.context.newPage();
    await guide.goto(`chrome-extension://${coordinator.extensionId}/discussion.html`);
    await guide.getByRole('heading', { level: 1, name: /Oktober: Informationskompetens$/ }).waitFor();
  });
});
