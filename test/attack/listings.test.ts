// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_MEMBER_FILES, MemberReader } from '../../lib/sync/member-reader';
import { parseListing } from '../../lib/sync/webdav';
import { startTeamFolder, type TeamFolderServer } from '../support/team-folder-server';

// Attacks by listing: a members/ folder of thousands of files, and a listing that is no listing.

let root: string;
let server: TeamFolderServer;
let listing: string | null = null;

beforeEach(async () => {
  listing = null;
  root = mkdtempSync(join(tmpdir(), 'kurskompis-listing-'));
  mkdirSync(join(root, 'members'));
  server = await startTeamFolder({
    root,
    before: (req, res, next) => {
      if (req.method === 'PROPFIND' && listing !== null) {
        res.status(207).type('application/xml').send(listing);
        return;
      }
      next();
    },
  });
});
afterEach(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

const reader = () =>
  new MemberReader(
    async () => ({ url: server.url, username: '', password: '', memberId: 'x'.repeat(8), displayName: 'S', shareProgress: true, shareNotes: true }),
    fetch,
  );
const gets = () => server.requests.filter((r) => r.method === 'GET').length;

describe('listings of the team folder', () => {
  it('a listing of thousands of files reads at most the cap, says how many were left, and refetches no broken file', async () => {
    const count = MAX_MEMBER_FILES + 50;
    for (let i = 0; i < count; i += 1) writeFileSync(join(root, 'members', `${String(i).padStart(8, '0')}-0000-4000-8000-000000000000.json`), '{"kind": "kurskompis/mem');
    const members = reader();
    const first = await members.read();
    expect(first.ok && first.overCap).toBe(50);
    expect(first.ok && first.skipped.length).toBe(MAX_MEMBER_FILES);
    expect(gets()).toBe(MAX_MEMBER_FILES);
    // Broken files are remembered by their ETag: the next reading fetches none of them again.
    const second = await members.read();
    expect(second.ok && second.skipped.length).toBe(MAX_MEMBER_FILES);
    expect(gets()).toBe(MAX_MEMBER_FILES);
  }, 60_000);

  it.each([
    ['a broken listing is an error, not an empty team', '<?xml version="1.0"?><D:multistatus xmlns:D="DAV:"><D:response><D:href>/members/a.json</D:hr'],
    ['a sign-in page answered as a listing is an error, not an empty team', '<!doctype html><title>Logga in</title><form>Logga in</form>'],
  ])('%s', async (_name, body) => {
    listing = body;
    expect(await reader().read()).toEqual({ ok: false, error: 'syncError_server' });
  });

  it('an empty but valid listing is an empty team', async () => {
    listing = '<?xml version="1.0"?><D:multistatus xmlns:D="DAV:"><D:response><D:href>/members/</D:href><D:propstat><D:prop><D:resourcetype><D:collection/></D:resourcetype></D:prop></D:propstat></D:response></D:multistatus>';
    expect(await reader().read()).toEqual({ ok: true, members: [], skipped: [] });
    expect(parseListing('<html></html>', '/members/')).toBeNull();
  });
});
