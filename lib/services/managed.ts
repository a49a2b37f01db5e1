import { z } from 'zod';
import { browser } from 'wxt/browser';
import { checkPlanUrl } from './plan-service';

// Settings an IT department presets by enterprise policy (managed storage). Whatever the
// policy holds is parsed like any other input; a broken value is ignored, not half-used.

/** Where the plan comes from when it has an address: a policy preset or the user's choice. */
export interface PlanAddress {
  url: string;
  kind: 'url' | 'managed';
}

const managedSchema = z.object({ planUrl: z.string().max(2000).optional() }).partial();

export async function managedPlanUrl(): Promise<string | null> {
  let raw: unknown;
  try {
    raw = await browser.storage.managed.get(null);
  } catch {
    // No policy, or a browser without managed storage.
    return null;
  }
  const parsed = managedSchema.safeParse(raw);
  const url = parsed.success ? parsed.data.planUrl : undefined;
  return url && checkPlanUrl(url) ? url.trim() : null;
}

/** The plan address in force: a policy preset wins over the user's own choice. */
export async function planAddress(userChoice: () => Promise<string | null>): Promise<PlanAddress | null> {
  const managed = await managedPlanUrl();
  if (managed) return { url: managed, kind: 'managed' };
  const url = await userChoice();
  return url ? { url, kind: 'url' } : null;
}
