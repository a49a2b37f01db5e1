import { browser } from 'wxt/browser';
import { readManaged, type ManagedSettings } from '../folder/managed';

/** Where the plan comes from when it has an address: a policy preset or the user's choice. */
export interface PlanAddress {
  url: string;
  kind: 'url' | 'managed';
}

/** What the organisation's policy sets for this browser. */
export function managedSettings(): Promise<ManagedSettings> {
  return readManaged(() => browser.storage.managed.get(null));
}

export async function managedPlanUrl(): Promise<string | null> {
  return (await managedSettings()).planUrl;
}

/** The plan address in force: a policy preset wins over the user's own choice. */
export async function planAddress(userChoice: () => Promise<string | null>): Promise<PlanAddress | null> {
  const managed = await managedPlanUrl();
  if (managed) return { url: managed, kind: 'managed' };
  const url = await userChoice();
  return url ? { url, kind: 'url' } : null;
}
