import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const SHARED_FIXTURES = join(here, '../../../shared/fixtures');
export const DIGITEKET_DIR = join(SHARED_FIXTURES, 'digiteket');

/** Pages of our own, made from SITE.md (test/fixtures/index.json names their addresses). */
export const OWN_FIXTURES = join(here, '../fixtures');

/** A Digiteket page by file name: the shared fixtures first, then our own. */
export function fixturePage(name: string): string {
  const shared = join(DIGITEKET_DIR, name);
  return readFileSync(existsSync(shared) ? shared : join(OWN_FIXTURES, name), 'utf8');
}

export function fixturePlan(): { periods: Array<{ id: string; starts: string; deadline: string }> } & Record<string, unknown> {
  return JSON.parse(readFileSync(join(SHARED_FIXTURES, 'documents/plan-ostersund-2026.json'), 'utf8'));
}

/** URL path → fixture file, from index.json (entries like "…/ (after the last step)" are variants). */
export function fixtureRoutes(): Map<string, string> {
  const index = JSON.parse(readFileSync(join(DIGITEKET_DIR, 'index.json'), 'utf8')) as { pages: Record<string, string> };
  const routes = new Map<string, string>();
  for (const [file, url] of Object.entries(index.pages)) {
    if (!/^https:\/\/\S+$/.test(url)) continue;
    routes.set(new URL(url).pathname, file);
  }
  return routes;
}
