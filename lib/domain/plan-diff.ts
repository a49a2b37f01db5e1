import { dequal } from 'dequal/lite';
import { courseKey } from '../site/course-key';
import type { PlanChange } from '../model/stored';
import type { Plan } from '../model/plan';

// What changed between two versions of a team's plan, in the terms staff care about.


function keys(items: Plan['periods'][number]['items']): Set<string> {
  return new Set(items.flatMap((i) => courseKey(i.url) ?? []));
}

export function diffPlans(before: Plan, after: Plan): PlanChange[] {
  const changes: PlanChange[] = [];
  const old = new Map(before.periods.map((p) => [p.id, p]));
  const current = new Set(after.periods.map((p) => p.id));
  for (const period of after.periods) {
    const previous = old.get(period.id);
    if (!previous) {
      changes.push({ kind: 'periodAdded', period: period.title });
      continue;
    }
    const was = keys(previous.items);
    const now = keys(period.items);
    const added = [...now].filter((k) => !was.has(k)).length;
    const removed = [...was].filter((k) => !now.has(k)).length;
    if (added) changes.push({ kind: 'itemsAdded', period: period.title, count: added });
    if (removed) changes.push({ kind: 'itemsRemoved', period: period.title, count: removed });
    if (previous.deadline !== period.deadline) {
      changes.push({ kind: 'deadlineMoved', period: period.title, from: previous.deadline, to: period.deadline });
    }
    if (Boolean(previous.paused) !== Boolean(period.paused)) {
      changes.push({ kind: 'pausedChanged', period: period.title, paused: Boolean(period.paused) });
    }
    const sessionsOf = (p: typeof period) => [...p.sessions].sort((a, b) => a.id.localeCompare(b.id));
    if (!dequal(sessionsOf(previous), sessionsOf(period))) changes.push({ kind: 'sessionsChanged', period: period.title });
  }
  for (const period of before.periods) {
    if (!current.has(period.id)) changes.push({ kind: 'periodRemoved', period: period.title });
  }
  return changes;
}
