import type { Plan } from './plan';
import type { PlanLoadError } from './results';

// What the extension keeps in its database besides the records of the member file. Named
// here, with the model, so pages and services can speak of it without the database module.

/** One change of a plan, as staff are told of it. */
export type PlanChange =
  | { kind: 'itemsAdded'; period: string; count: number }
  | { kind: 'itemsRemoved'; period: string; count: number }
  | { kind: 'deadlineMoved'; period: string; from: string; to: string }
  | { kind: 'periodAdded'; period: string }
  | { kind: 'periodRemoved'; period: string }
  | { kind: 'pausedChanged'; period: string; paused: boolean }
  | { kind: 'sessionsChanged'; period: string };

export type PlanSource =
  | { kind: 'file'; name?: string }
  | { kind: 'url'; url: string }
  | { kind: 'managed'; url: string }
  | { kind: 'demo' }
  | { kind: 'editor' }
  | { kind: 'folder'; url: string };

export interface StoredPlan {
  plan: Plan;
  source: PlanSource;
  loadedAt: string;
}

export interface PlanFetchState {
  url: string;
  etag?: string;
  checkedAt?: string;
  /** Message key of the last failure, cleared by the next success. */
  error?: PlanLoadError;
}

/** What the last plan update changed, until the user has seen it. */
export interface PlanChanges {
  at: string;
  changes: PlanChange[];
}

/** The coordinator's plan as last saved in the editor; always a valid plan. */
export interface StoredDraft {
  plan: Plan;
  savedAt: string;
  /** ETag of the team folder's plan.json this plan was last published as or taken from. */
  folderEtag?: string;
}

