import type { ProgressRecord } from '../model/progress';

/**
 * Whether the popup should point to the site check: the user has marked courses done by hand
 * (two or more) while no course was ever seen finished on Digiteket's own pages, which is what
 * a site that changed its completion page looks like. Asked once (`alreadySuggested`).
 */
export function suggestSiteCheck(progress: Iterable<ProgressRecord>, alreadySuggested: boolean): boolean {
  if (alreadySuggested) return false;
  let byHand = 0;
  for (const record of progress) {
    if (record.status !== 'done') continue;
    if (record.source === 'detected') return false;
    if (record.source === 'manual') byHand += 1;
  }
  return byHand >= 2;
}
