import { describe, expect, it, vi } from 'vitest';
import { canonicalJson, isSealedBy, newSealKey, sealMember } from '../../../lib/sync/member-seal';
import { parseMemberText, type MemberFile } from '../../../lib/model/member';
import { parseTeamSettings } from '../../../lib/folder/team-settings';
import { createWorker } from '../../../lib/worker/create-worker';
import { openDatabase, Store } from '../../../lib/storage/store';
import { workerDeps } from '../../support/worker-deps';

const AT = '2026-11-20T10:00:00.000Z';
const kim: MemberFile = {
  kind: 'kurskompis/member',
  version: 1,
  memberId: '6f1c2a0e-9a5b-4c39-8d0e-2b7f4f1d9e11',
  displayName: 'Kim',
  updatedAt: AT,
  progress: [{ courseKey: 'digiteket.se/kurs/skapa-en-podd/', status: 'done', completedAt: AT, updatedAt: AT }],
  sharedNotes: [{ id: 'n1', courseKey: 'digiteket.se/kurs/skapa-en-podd/', text: 'Ljud – “bra” \u{1F3A7}', updatedAt: AT }],
  signups: [],
  selfAssessments: [{ phase: 'start', takenAt: '2026-09-02', scale: 7, scores: { information: 3, communication: 6.8 } }],
};

describe('the seal on a member file', () => {
  it('survives being written, read back and parsed, whatever order the keys come in', async () => {
    const key = newSealKey();
    const sealed = await sealMember(kim, key);
    const read = parseMemberText(JSON.stringify(sealed, null, 1));
    expect(read.ok && (await isSealedBy(read.member, key))).toBe(true);
    const reordered = Object.fromEntries(Object.entries(sealed).reverse()) as MemberFile;
    expect(await isSealedBy(reordered, key)).toBe(true);
  });

  it('still fits a file sealed before results had a scale (old area names, 1–5), once read through the upgrade', async () => {
    const key = newSealKey();
    const written = { ...kim, selfAssessments: [{ phase: 'start', takenAt: '2026-09-02', scores: { Informationskompetens: 3, Kommunikation: 3.8 } }] } as unknown as MemberFile;
    const read = parseMemberText(JSON.stringify(await sealMember(written, key)));
    expect(read.ok && read.member.selfAssessments).toEqual([{ phase: 'start', takenAt: '2026-09-02', scale: 5, scores: { information: 3, communication: 3.8 } }]);
    expect(read.ok && (await isSealedBy(read.member, key))).toBe(true);
    // Any change after the upgrade still breaks it.
    expect(read.ok && (await isSealedBy({ ...read.member, selfAssessments: [{ phase: 'start', takenAt: '2026-09-02', scale: 5, scores: { information: 4, communication: 3.8 } }] }, key))).toBe(false);
  });

  it('does not fit a changed record, another key or a file without one', async () => {
    const key = newSealKey();
    const sealed = await sealMember(kim, key);
    expect(await isSealedBy({ ...sealed, displayName: 'Kim L' }, key)).toBe(false);
    expect(await isSealedBy({ ...sealed, progress: [] }, key)).toBe(false);
    expect(await isSealedBy(sealed, newSealKey())).toBe(false);
    expect(await isSealedBy(kim, key)).toBe(false);
    expect(await isSealedBy({ ...sealed, seal: 'x' }, key)).toBe(false);
  });

  it('writes the same content the same way', () => {
    expect(canonicalJson({ b: 1, a: [{ d: undefined, c: 'x' }] })).toBe('{"a":[{"c":"x"}],"b":1}');
  });
});

describe('a membership from before files were sealed', () => {
  it('gets its key on first reading, one key however many read at once', async () => {
    let stored: unknown = {
      url: 'https://dav.example.se/team/',
      username: '',
      password: '',
      memberId: 'member-1-0000',
      displayName: 'Kim',
      shareProgress: true,
      shareNotes: false,
    };
    const setValue = vi.fn(async (value: unknown) => void (stored = value));
    const worker = createWorker(
      workerDeps(new Store(await openDatabase('seal-migration')), {
        fetch: vi.fn<typeof fetch>(async () => new Response(null, { status: 503 })),
        teamFolder: { getValue: async () => stored, setValue },
      }),
    );
    await Promise.all([worker.sync.sync(), worker.team.settings(), worker.handle({ type: 'teamMembers' }, { fromExtensionPage: true })]);
    expect(setValue).toHaveBeenCalledTimes(1);
    const key = parseTeamSettings(stored)?.sealKey;
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await worker.sync.sync();
    expect(parseTeamSettings(stored)?.sealKey).toBe(key);
  });
});
