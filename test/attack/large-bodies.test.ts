// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PlanService } from '../../lib/services/plan-service';
import { MemberReader } from '../../lib/sync/member-reader';
import { openDatabase, Store } from '../../lib/storage/store';
import { PLAN_MAX_BYTES } from '../../lib/model/limits';
import { MEMBER_MAX_BYTES } from '../../lib/model/member';
import { fixturePlan } from '../support/fixtures';
import { startTeamFolder, type TeamFolderServer } from '../support/team-folder-server';

// Attacks by size: answers of 200 MB must be stopped at the limit, not read whole.

const MB = 1_000_000;
const CHUNK = 64 * 1024;
const HUGE = 200 * MB;
const NOW = new Date('2026-11-25T10:00:00Z');

describe('a huge plan', () => {
  it('a 200 MB plan is cancelled after the limit', async () => {
    let pulled = 0;
    let cancelled = false;
    const chunk = new TextEncoder().encode(' '.repeat(CHUNK));
    const fetchImpl = vi.fn<typeof fetch>(async () => {
      const body = new ReadableStream<Uint8Array>(
        {
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"kind":"kurskompis/plan","pad":"'));
          },
          pull(controller) {
            if (pulled >= HUGE) return controller.close();
            pulled += chunk.byteLength;
            controller.enqueue(chunk);
          },
          cancel() {
            cancelled = true;
          },
        },
        { highWaterMark: 0 },
      );
      // No Content-Length: the size is known only by reading.
      return new Response(body, { headers: { 'Content-Type': 'application/json' } });
    });
    const store = new Store(await openDatabase('attack-large-plan'));
    const plans = new PlanService({ store, fetch: fetchImpl, onChange: vi.fn() });
    await plans.loadText(JSON.stringify(fixturePlan()), { kind: 'file' }, NOW);
    expect(await plans.fetchUrl('https://plan.example.se/plan.json', 'url', NOW)).toEqual({ ok: false, error: 'urlTooLarge' });
    expect(pulled).toBeLessThan(PLAN_MAX_BYTES + 4 * CHUNK);
    expect(cancelled).toBe(true);
    expect((await store.activePlan())?.source).toEqual({ kind: 'file' });
  });
});

describe('a huge member file in the team folder', () => {
  const BIG = '99999999-0000-4000-8000-000000000000.json';
  let root: string;
  let server: TeamFolderServer;
  let sent = 0;
  beforeEach(async () => {
    sent = 0;
    root = mkdtempSync(join(tmpdir(), 'kurskompis-large-'));
    mkdirSync(join(root, 'members'));
    // Listed with its ETag like any file; its GET is answered with an endless body.
    writeFileSync(join(root, 'members', BIG), '{}');
    server = await startTeamFolder({
      root,
      before: async (req, res, next) => {
        if (req.method !== 'GET' || !req.path.endsWith(BIG)) return next();
        res.status(200).type('application/json');
        let closed = false;
        res.on('close', () => (closed = true));
        const chunk = Buffer.alloc(CHUNK, 0x20);
        for (let i = 0; i < HUGE / CHUNK && !closed; i += 1) {
          sent += CHUNK;
          if (!res.write(chunk)) await new Promise((resolve) => (res.once('drain', resolve), res.once('close', resolve)));
        }
        res.end();
      },
    });
  });
  afterEach(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('a 200 MB member file is cancelled after the member cap and skipped as too large', async () => {
    const settings = { url: server.url, username: '', password: '', memberId: 'x'.repeat(8), displayName: 'S', shareProgress: true, shareNotes: true };
    const reader = new MemberReader(async () => settings, fetch);
    const reading = await reader.read();
    expect(reading.ok && reading.skipped).toEqual([{ name: BIG, reason: 'tooLarge' }]);
    // What the server managed to push into the socket's buffers before the cancel, not 200 MB.
    expect(sent).toBeLessThan(MEMBER_MAX_BYTES + 20 * MB);
  });
});
