import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { addDays, swedishInstant, todayInSweden } from '../../lib/time/dates';
import { startTeamFolder, type TeamFolderServer } from '../support/team-folder-server';
import { joinTeam, launch, seriousViolations, type Browser } from './harness';

// The coordinator's one-page summary for management, from a team folder of a year's plan
// (12 periods, one of them a pause) and 40 members: shown, printed to PDF by headless
// Chromium and read back, with no member's name anywhere.

const PERIODS = 12;
const PAUSED = 5;
const MEMBERS = 39; // and the coordinator's own file: 40
const SURNAME = 'Hemligsson';
const now = new Date();
const today = todayInSweden(now);
const day = (offset: number) => addDays(today, offset);
const at = now.toISOString();

const AREAS = ['Information och analys', 'Digitalt samarbete', 'Skapa innehåll', 'Säkerhet', 'Problemlösning'];
const COURSES = ['Källkritik på nätet', 'Sök smartare med Google', 'Bildredigering i webbläsaren', 'Upphovsrätt och Creative Commons'];
const courseUrl = (period: number, course: number) => `https://digiteket.se/kurs/kurs-${period}-${course}/`;
const courseKey = (period: number, course: number) => `digiteket.se/kurs/kurs-${period}-${course}/`;
/** Members who finished every required course of the period: 30 in the first, one fewer each period after. */
const finishedIn = (period: number) => 30 - period;

// Period j starts 30 days after period j-1; the last one runs today and its discussion is ahead.
function yearPlan(): string {
  const periods = Array.from({ length: PERIODS }, (_, j) => {
    const starts = -10 - 30 * (PERIODS - 1 - j);
    const session = j === PERIODS - 1 ? 20 : starts + 30;
    const base = { id: `p${j}`, title: `Period ${j + 1}: ${AREAS[j % AREAS.length]}`, starts: day(starts), deadline: day(starts + 27) };
    if (j === PAUSED) return { ...base, title: `Period ${j + 1}: paus`, paused: true, items: [], sessions: [] };
    return {
      ...base,
      items: COURSES.map((title, c) => ({ url: courseUrl(j, c), title: `${title} ${j + 1}`, kind: 'course' })),
      sessions: [{ id: `s${j}`, starts: swedishInstant(day(session), '09:00'), ends: swedishInstant(day(session), '10:30'), place: 'Konferensrummet' }],
    };
  });
  return JSON.stringify({
    kind: 'kurskompis/plan',
    version: 1,
    team: { id: 'ostersund-bibliotek', name: 'Östersunds bibliotek' },
    updatedAt: at,
    periods,
  });
}

function memberFile(i: number): { memberId: string; text: string } {
  const memberId = `aaaaaaaa-0000-4000-8000-${String(i).padStart(12, '0')}`;
  const done = Array.from({ length: PERIODS }, (_, j) => j).filter((j) => j !== PAUSED && i < finishedIn(j));
  const scores = (v: number) => ({ information: v, communication: v, content: v, safety: v, problemSolving: v });
  const file = {
    kind: 'kurskompis/member',
    version: 1,
    memberId,
    displayName: `Person${i} ${SURNAME}`,
    updatedAt: at,
    progress: done.flatMap((j) => COURSES.map((_, c) => ({ courseKey: courseKey(j, c), status: 'done', updatedAt: at }))),
    signups: i < 35 ? Array.from({ length: PERIODS }, (_, j) => j).filter((j) => j !== PAUSED).map((j) => ({ sessionId: `s${j}`, updatedAt: at })) : [],
    sharedNotes: [],
    selfAssessments: [
      { phase: 'start', takenAt: day(-340), scale: 7, scores: scores(3) },
      ...(i < 20 ? [{ phase: 'end', takenAt: day(-1), scale: 7, scores: scores(5) }] : []),
    ],
    evaluations:
      i < 5
        ? Array.from({ length: PERIODS }, (_, j) => j)
            .filter((j) => j !== PAUSED)
            .flatMap((j) =>
              [5, 4, 2].map((usefulness, c) => ({ courseKey: courseKey(j, c), periodId: `p${j}`, usefulness, comment: `Kommentar av Person${i}`, showName: true, updatedAt: at })),
            )
        : [],
  };
  return { memberId, text: JSON.stringify(file) };
}

async function pdfText(data: Uint8Array): Promise<{ pages: number; text: string }> {
  const pdf = await getDocument({ data, useSystemFonts: true }).promise;
  const texts: string[] = [];
  for (let n = 1; n <= pdf.numPages; n += 1) {
    const content = await (await pdf.getPage(n)).getTextContent();
    texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return { pages: pdf.numPages, text: texts.join('\n').replace(/\s+/g, ' ') };
}

describe('the summary for management', () => {
  let root: string;
  let server: TeamFolderServer;
  let coordinator: Browser;
  let page: Page;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'kurskompis-summary-'));
    mkdirSync(join(root, 'members'), { recursive: true });
    writeFileSync(join(root, 'plan.json'), yearPlan());
    for (let i = 0; i < MEMBERS; i += 1) {
      const { memberId, text } = memberFile(i);
      writeFileSync(join(root, 'members', `${memberId}.json`), text);
    }
    server = await startTeamFolder({ root, account: { username: 'demo', password: 'kurskompis' } });
    coordinator = await launch();
    await joinTeam(coordinator, 'Samordnaren Hemligsson', server);
  });
  after(async () => {
    await coordinator?.close();
    await server?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('opens from the team overview and shows each started period, the pause marked, without names', async () => {
    page = await coordinator.context.newPage();
    await page.goto(`chrome-extension://${coordinator.extensionId}/team.html`);
    await page.getByRole('link', { name: 'Sammanfattning för ledningen' }).click();
    await page.waitForURL(/summary\.html$/);
    const periods = page.getByTestId('summary-periods');
    await periods.waitFor();
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Kurskompis – sammanfattning för ledningen');
    assert.match((await page.getByTestId('summary-meta').textContent()) ?? '', /^Östersunds bibliotek · läget den \d{1,2} [a-zåäö]+ \d{4}$/);
    assert.equal(await periods.locator('tbody tr').count(), PERIODS);
    const first = periods.locator('tr[data-period-id="p0"]');
    assert.equal(await first.getByTestId('finished').textContent(), '75 % (30 av 40)');
    assert.match((await first.textContent()) ?? '', /1 av 1.*35 av 40.*Källkritik på nätet 1 \(5,0\).*Bildredigering i webbläsaren 1 \(2,0\)/);
    assert.match((await periods.locator(`tr[data-period-id="p${PAUSED}"]`).textContent()) ?? '', /Paus – räknas inte/);
    // The running period: 19 of 40 finished so far, its discussion still ahead.
    const running = periods.locator(`tr[data-period-id="p${PERIODS - 1}"]`);
    assert.equal(await running.getByTestId('finished').textContent(), '48 % (19 av 40)');
    assert.match((await running.textContent()) ?? '', /0 av 1/);
    const assessment = page.getByTestId('summary-assessment-7');
    assert.match((await assessment.getByRole('row', { name: /Skapa innehåll/ }).textContent()) ?? '', /3,0\s*5,0\s*↑ \+2,0/);
    const text = (await page.locator('body').textContent()) ?? '';
    assert.ok(!text.includes(SURNAME) && !text.includes('Person') && !text.includes('Kommentar'), 'no member named on the page');
    assert.deepEqual(await seriousViolations(page), []);
    await page.screenshot({ path: join(tmpdir(), 'kurskompis-summary.png'), fullPage: true });
  });

  it('prints to one A4 page that holds the figures and no name', async () => {
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByRole('button', { name: 'Skriv ut' }).isVisible(), false, 'buttons are hidden in print');
    await page.emulateMedia({ media: null });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    writeFileSync(join(tmpdir(), 'kurskompis-summary.pdf'), pdf);
    const { pages, text } = await pdfText(new Uint8Array(pdf));
    assert.equal(pages, 1, 'a year of 12 periods and 40 members fits one page');
    assert.match(text, /Östersunds bibliotek/);
    assert.match(text, /75 % \(30 av 40\)/);
    assert.match(text, /Paus – räknas inte/);
    assert.ok(!text.includes(SURNAME) && !text.includes('Person') && !text.includes('Kommentar'), 'no member named in the PDF');
    assert.ok(!text.includes('Skriv ut') && !text.includes('Ladda ner CSV'), 'no buttons in the PDF');
  });

  it('downloads the figures as CSV for Excel', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Ladda ner CSV' }).click();
    const file = await download;
    assert.match(file.suggestedFilename(), /^kurskompis-sammanfattning-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await file.path(), 'utf8');
    assert.ok(csv.startsWith('\uFEFFPeriod;'), 'UTF-8 with BOM, semicolons');
    assert.ok(csv.includes(`Period 1: Information och analys;${day(-340)};${day(-313)};;40;30;75;1;1;35;`), csv);
    assert.ok(!csv.includes(SURNAME), 'no member named in the CSV');
  });
});
