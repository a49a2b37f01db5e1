import type { PlanProblem, ProblemReason } from '../model/plan-parse';

// Where in the editor each problem the plan parser names is shown: the parser speaks of paths
// in the plan document, the form of fields.

/** The field a plan path is shown at: the team id is made from the team name, for instance. */
export function fieldOfPath(path: string): string {
  if (path === 'team' || path === 'team.id') return 'team.name';
  if (path === 'coordinator') return 'coordinator.name';
  return path;
}

export function problemsByField(problems: readonly PlanProblem[]): Map<string, ProblemReason> {
  const byField = new Map<string, ProblemReason>();
  for (const problem of problems) {
    const field = fieldOfPath(problem.path);
    if (!byField.has(field)) byField.set(field, problem.reason);
  }
  return byField;
}

/** The element id of a field, made from its path ("periods[0].title" → "f-periods-0-title"). */
export function fieldId(path: string): string {
  return `f-${path.replace(/[^a-zA-Z0-9]+/g, '-').replace(/-$/, '')}`;
}
