// Whether a course changed since it was done: the steps its landing page lists now against
// the ones it listed then. Only the set counts; a step renamed at the same address is the same.

export interface StepsChange {
  added: number;
  removed: number;
}

/** How many steps are new and how many are gone; null when the sets are the same. */
export function stepsChange(recorded: readonly string[], current: readonly string[]): StepsChange | null {
  const then = new Set(recorded);
  const now = new Set(current);
  const added = [...now].filter((step) => !then.has(step)).length;
  const removed = [...then].filter((step) => !now.has(step)).length;
  return added || removed ? { added, removed } : null;
}
