import { z } from 'zod';
import { folderAddress, isSafeFolder } from './address';

// Settings an IT department presets by enterprise policy (managed storage: Chromium's
// "3rdparty" extension policy, Firefox's policies.json "3rdparty.Extensions"). The policy is
// input like any other: each value is checked on its own, and a broken one is ignored, not
// half-used; a good one beside it still counts. A password never comes from a policy.

export interface ManagedSettings {
  /** The team's plan.json, https only. */
  planUrl: string | null;
  /** The team folder's address; each member still signs in with their own name and password. */
  teamFolderUrl: string | null;
}

export const NO_MANAGED: ManagedSettings = { planUrl: null, teamFolderUrl: null };

const text = z.string().trim().min(1).max(2000);

function httpsUrl(value: unknown): string | null {
  const parsed = text.safeParse(value);
  if (!parsed.success) return null;
  try {
    return new URL(parsed.data).protocol === 'https:' ? parsed.data : null;
  } catch {
    return null;
  }
}

function folderUrl(value: unknown): string | null {
  const parsed = text.safeParse(value);
  if (!parsed.success) return null;
  const address = folderAddress(parsed.data);
  return address && isSafeFolder(address.base) ? parsed.data : null;
}

export function parseManaged(raw: unknown): ManagedSettings {
  const record = z.record(z.string(), z.unknown()).safeParse(raw);
  if (!record.success) return NO_MANAGED;
  return { planUrl: httpsUrl(record.data.planUrl), teamFolderUrl: folderUrl(record.data.teamFolderUrl) };
}

/** What the policy sets; none when the browser has no policy or no managed storage. */
export async function readManaged(read: () => Promise<unknown>): Promise<ManagedSettings> {
  try {
    return parseManaged(await read());
  } catch {
    return NO_MANAGED;
  }
}
