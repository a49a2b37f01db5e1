import type { PlanProblem } from '../model/plan-parse';

// What the coordinator's messages answer; kept apart from the service so the content script
// can name them without pulling in any of its code.

export interface CollectContext {
  periods: Array<{ id: string; title: string; keys: string[] }>;
  /** The period courses most likely go to: the first one not yet over, not paused. */
  suggested?: string;
}

export type DraftSaveResult = { ok: true; savedAt: string } | { ok: false; problems: PlanProblem[] };

export type DraftAddResult =
  | { ok: true; added: number; alreadyThere: number }
  | { ok: false; reason: 'notCoordinator' | 'noPeriod' | 'invalid' };
