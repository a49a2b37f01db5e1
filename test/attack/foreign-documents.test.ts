// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isCourseKey } from '../../lib/site/course-key';
import { memberSchema, parseMemberText, type MemberFile } from '../../lib/model/member';
import { parseBackup } from '../../lib/domain/backup';
import { teamAssessment } from '../../lib/team/overview';
import { MemberReader } from '../../lib/sync/member-reader';
import { requestSchema } from '../../lib/messages/protocol';
import { startTeamFolder, type TeamFolderServer } from '../support/team-folder-server';

// Anyone who can write the team folder can write any member's file, and anyone can hand the
// user a backup file. Course keys that lead away from Digiteket and scores off the
// self-assessment's scale must be refused wherever such a document comes in.

const AT = '2026-11-20T10:00:00.000Z';
const PODD = 'digiteket.se/kurs/skapa-en-podd/';
const SCORES = { information: 3.2, communication: 3.8, content: 2.4, safety: 3, problemSolving: 2.9 };

function member(id: string, overrides: Partial<MemberFile> = {}): MemberFile {
  return {
    kind: 'kurskompis/member',
    version: 1,
    memberId: id,
    displayName: `Medlem ${id.slice(0, 4)}`,
    updatedAt: AT,
    progress: [{ courseKey: PODD, status: 'done', completedAt: AT, updatedAt: AT }],
    sharedNotes: [{ id: `n-${id}`, courseKey: PODD, text: 'Bra om ljud', updatedAt: AT }],
    signups: [],
    selfAssessments: [{ phase: 'start', takenAt: '2026-09-02', scale: 5, scores: SCORES }],
    ...overrides,
  };
}

const FOREIGN_KEYS = [
  'evil.example/kurs/skapa-en-podd/',
  'digiteket.se.evil.example/kurs/x/',
  'digiteket.se@evil.example/kurs/x/',
  'digiteket.se:443@evil.example/',
  'javascript:alert(1)//digiteket.se/',
  'DIGITEKET.SE/kurs/skapa-en-podd/',
  'digiteket.se/kurs/x/?next=https://evil.example/',
  'digiteket.se/kurs/../../evil/',
  'digiteket.se',
];

describe('course keys that lead away from Digiteket', () => {
  it.each(FOREIGN_KEYS)('the key %s is no course key', (key) => {
    expect(isCourseKey(key)).toBe(false);
  });

  it('keys as Kurskompis writes them still are', () => {
    for (const key of [PODD, 'digiteket.se/', 'digiteket.se/kurs/källkritik-för-alla/', 'digiteket.se/artikel/om-ai/']) expect(isCourseKey(key)).toBe(true);
  });

  it('a member file with progress on a foreign site is refused whole', () => {
    const file = member('aaaaaaaa-0000-4000-8000-000000000001', {
      progress: [{ courseKey: 'evil.example/kurs/skapa-en-podd/', status: 'done', updatedAt: AT }],
    });
    expect(parseMemberText(JSON.stringify(file))).toEqual({ ok: false, reason: 'invalid' });
  });

  it('a member file sharing a note that points at a foreign site is refused whole', () => {
    const file = member('aaaaaaaa-0000-4000-8000-000000000002', {
      sharedNotes: [{ id: 'n1', courseKey: 'digiteket.se.evil.example/kurs/x/', text: 'Klicka här', updatedAt: AT }],
    });
    expect(parseMemberText(JSON.stringify(file))).toEqual({ ok: false, reason: 'invalid' });
  });

  it('a backup with a note on a foreign site is refused and names where', () => {
    const backup = {
      kind: 'kurskompis/backup',
      version: 1,
      exportedAt: AT,
      progress: [{ courseKey: PODD, status: 'done', updatedAt: AT }],
      notes: [{ id: 'n1', courseKey: 'evil.example/x/', text: 'Länk', shared: false, createdAt: AT, updatedAt: AT }],
      settings: { planUrl: null },
    };
    expect(parseBackup(JSON.stringify(backup))).toEqual({ ok: false, problem: 'invalid', path: 'notes.0.courseKey' });
  });

  it('a backup with progress on a foreign site is refused', () => {
    const backup = {
      kind: 'kurskompis/backup',
      version: 1,
      exportedAt: AT,
      progress: [{ courseKey: 'digiteket.se@evil.example/kurs/x/', status: 'done', updatedAt: AT }],
      notes: [],
      settings: { planUrl: null },
    };
    expect(parseBackup(JSON.stringify(backup))).toEqual({ ok: false, problem: 'invalid', path: 'progress.0.courseKey' });
  });

  it('a message naming a foreign course is refused', () => {
    expect(requestSchema.safeParse({ type: 'noteCreate', key: 'digiteket.se.evil.example/x/', title: 'x', text: 'y' }).success).toBe(false);
    expect(requestSchema.safeParse({ type: 'noteCreate', key: PODD, title: 'x', text: 'y' }).success).toBe(true);
  });
});

describe('self-assessment scores off the scale', () => {
  it('a member file with an average of 51.5 on the 1–5 scale is refused', () => {
    const file = member('bbbbbbbb-0000-4000-8000-000000000001', {
      selfAssessments: [{ phase: 'start', takenAt: '2026-09-02', scale: 5, scores: { ...SCORES, communication: 51.5 } }],
    });
    expect(parseMemberText(JSON.stringify(file))).toEqual({ ok: false, reason: 'invalid' });
  });

  it.each([
    [0, 5],
    [0.5, 7],
    [5.01, 5],
    [7.01, 7],
    [-3, 7],
    [100, 7],
  ] as const)('a score of %s on a 1–%s result is refused', (score, scale) => {
    const file = member('bbbbbbbb-0000-4000-8000-000000000002', {
      selfAssessments: [{ phase: 'end', takenAt: '2026-12-02', scale, scores: { ...SCORES, safety: score } }],
    });
    expect(memberSchema.safeParse(file).success).toBe(false);
  });

  it('a 7 is refused in a file that claims no scale (read as 1–5) or a scale Digiteket has not got', () => {
    const noScale = { ...member('bbbbbbbb-0000-4000-8000-000000000004'), selfAssessments: [{ phase: 'end', takenAt: '2026-12-02', scores: { ...SCORES, safety: 7 } }] };
    expect(memberSchema.safeParse(noScale).success).toBe(false);
    const ten = { ...member('bbbbbbbb-0000-4000-8000-000000000005'), selfAssessments: [{ phase: 'end', takenAt: '2026-12-02', scale: 10, scores: { ...SCORES, safety: 7 } }] };
    expect(memberSchema.safeParse(ten).success).toBe(false);
    const seven = { ...member('bbbbbbbb-0000-4000-8000-000000000006'), selfAssessments: [{ phase: 'end', takenAt: '2026-12-02', scale: 7, scores: { ...SCORES, safety: 7 } }] };
    expect(memberSchema.safeParse(seven).success).toBe(true);
  });

  it('an area Digiteket does not have is refused', () => {
    const file = { ...member('bbbbbbbb-0000-4000-8000-000000000003'), selfAssessments: [{ phase: 'start', takenAt: '2026-09-02', scale: 5, scores: { ...SCORES, Hackning: 5 } }] };
    expect(memberSchema.safeParse(file).success).toBe(false);
  });

  it('the team averages leave out a result off the scale, however the file came in', () => {
    const honest = member('cccccccc-0000-4000-8000-000000000001');
    const forged = member('cccccccc-0000-4000-8000-000000000002', {
      selfAssessments: [{ phase: 'start', takenAt: '2026-09-03', scale: 5, scores: { ...SCORES, communication: 100 } }],
    });
    const team = teamAssessment([honest, forged]);
    expect(team.scales.map((s) => [s.scale, s.startCount])).toEqual([[5, 1]]);
    expect(team.scales[0]?.start['communication']).toBe(3.8);
    for (const value of Object.values(team.scales[0]?.start ?? {})) expect(value).toBeLessThanOrEqual(5);
  });
});

describe('the coordinator reading a folder with forged member files', () => {
  let root: string;
  let server: TeamFolderServer;
  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'kurskompis-forged-'));
    mkdirSync(join(root, 'members'));
    server = await startTeamFolder({ root });
  });
  afterEach(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('skips and names a file with a foreign note or an impossible score; the honest one is read', async () => {
    const honest = member('dddddddd-0000-4000-8000-000000000001');
    const foreignNote = member('dddddddd-0000-4000-8000-000000000002', {
      sharedNotes: [{ id: 'x', courseKey: 'evil.example/kurs/skapa-en-podd/', text: 'Se här', updatedAt: AT }],
    });
    const tooHigh = member('dddddddd-0000-4000-8000-000000000003', {
      selfAssessments: [{ phase: 'start', takenAt: '2026-09-02', scale: 7, scores: { ...SCORES, safety: 51.5 } }],
    });
    for (const m of [honest, foreignNote, tooHigh]) writeFileSync(join(root, 'members', `${m.memberId}.json`), JSON.stringify(m));
    const settings = { url: server.url, username: '', password: '', memberId: 'eeeeeeee-0000', displayName: 'S', shareProgress: true, shareNotes: true };
    const reading = await new MemberReader(async () => settings, fetch).read();
    expect(reading.ok && reading.members.map((m) => m.memberId)).toEqual([honest.memberId]);
    expect(reading.ok && reading.skipped).toEqual([
      { name: `${foreignNote.memberId}.json`, reason: 'invalid' },
      { name: `${tooHigh.memberId}.json`, reason: 'invalid' },
    ]);
    expect(teamAssessment(reading.ok ? reading.members : []).scales[0]?.start['safety']).toBe(3);
  });
});
