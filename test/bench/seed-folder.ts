import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { memberSchema } from '../../lib/model/member';
import { planSchema } from '../../lib/model/plan';
import { discussionPeriod } from '../../lib/time/periods';

// A team folder for the bench: the plan and `members` member files of the shape a real team
// writes (progress on the discussion period's courses, a shared note in four, a sign-up each,
// and with `evaluations` two rated courses each).
export function seedTeamFolder(root: string, members: number, planText: string, { evaluations = false } = {}): void {
  mkdirSync(join(root, 'members'), { recursive: true });
  writeFileSync(join(root, 'plan.json'), planText);
  const period = discussionPeriod(planSchema.parse(JSON.parse(planText)));
  const keys = (period?.items ?? []).map((i) => i.url.replace(/^https:\/\//, ''));
  const at = new Date().toISOString();
  for (let i = 0; i < members; i += 1) {
    const id = `bench-${String(i).padStart(6, '0')}-0000-4000-8000`;
    const member = memberSchema.parse({
      kind: 'kurskompis/member',
      version: 1,
      memberId: id,
      displayName: `Medarbetare ${i}`,
      updatedAt: at,
      progress: keys.slice(0, i % (keys.length + 1)).map((courseKey) => ({ courseKey, status: 'done', completedAt: at, updatedAt: at })),
      sharedNotes: i % 4 === 0 ? [{ id: `n-${i}`, courseKey: keys[0], text: 'En tanke till diskussionen. '.repeat(5), updatedAt: at }] : [],
      signups: [{ sessionId: period?.sessions[i % Math.max(1, period.sessions.length)]?.id ?? 'x', updatedAt: at }],
      ...(evaluations
        ? { evaluations: keys.slice(0, 2).map((courseKey) => ({ courseKey, periodId: period?.id ?? 'x', usefulness: 1 + (i % 5), minutes: 30 + (i % 40), updatedAt: at })) }
        : {}),
    });
    writeFileSync(join(root, 'members', `${id}.json`), JSON.stringify(member));
  }
}
