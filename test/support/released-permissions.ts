import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OWN_FIXTURES } from './fixtures';

// An update may not ask for more at install than the last release did: the browser would warn,
// and Chrome disables an extension until the user accepts. Optional permissions (asked for at
// the moment they are needed) are free to grow.

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  content_scripts?: Array<{ matches: string[] }>;
}

const released = JSON.parse(readFileSync(join(OWN_FIXTURES, 'released/permissions-0.1.0.json'), 'utf8')) as { permissions: string[]; hosts: string[] };

/** What the built extension in `dir` asks for at install beyond the last release. */
export function newInstallPermissions(dir: string): { permissions: string[]; hosts: string[] } {
  const built = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const hosts = [...new Set([...(built.host_permissions ?? []), ...(built.content_scripts ?? []).flatMap((c) => c.matches)])];
  return {
    permissions: (built.permissions ?? []).filter((p) => !released.permissions.includes(p)),
    hosts: hosts.filter((h) => !released.hosts.includes(h)),
  };
}
