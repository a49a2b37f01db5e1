import type { FolderError } from './webdav';

// What the last team-folder sync did, kept in the database for the popup and settings page.

export interface SyncState {
  /** The folder this state belongs to; a new folder starts afresh. */
  base: string;
  lastTryAt?: string;
  lastOkAt?: string;
  error?: FolderError;
  /** The folder's plan.json could not be used (the plan in force stays). */
  planProblem?: boolean;
  failures: number;
  nextTryAt?: string;
  planEtag?: string;
  /** Sign-ups per session across the team's member files, at the last sync (this member's included). */
  signupCounts?: Record<string, number>;
}

const MINUTE = 60_000;

/**
 * When to try again after `failures` failures in a row: 1, 2, 4 … up to 60 minutes, each
 * spread by ±25 % so that a team's browsers do not all come back at the same second.
 */
export function retryDelayMs(failures: number, random: () => number = Math.random): number {
  const base = Math.min(60, 2 ** Math.max(0, failures - 1)) * MINUTE;
  return Math.round(base * (0.75 + random() * 0.5));
}
