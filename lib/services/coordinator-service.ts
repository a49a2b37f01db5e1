import { courseKey, type CourseKey } from '../site/course-key';
import { todayInSweden } from '../time/dates';
import { validatePlan } from '../model/plan-parse';
import type { PlanItem } from '../model/plan';
import type { PlanService } from './plan-service';
import type { Store } from '../storage/store';
import type { CollectContext, DraftAddResult, DraftSaveResult, PlanLoadResult } from '../model/results';

// The coordinator's saved plan: written by the editor page and by the collecting controls on
// Digiteket, always through here, and stored only when it is a valid plan.

export interface CoordinatorDeps {
  store: Store;
  plans: PlanService;
  isOn: () => Promise<boolean>;
  onChange: () => void | Promise<void>;
}

export interface CollectedItem {
  key: CourseKey;
  title: string;
  kind: PlanItem['kind'];
}

export class CoordinatorService {
  constructor(private readonly deps: CoordinatorDeps) {}

  async save(raw: unknown, now: Date = new Date()): Promise<DraftSaveResult> {
    const checked = validatePlan(raw);
    if (!checked.ok) return { ok: false, error: 'notSavedProblems', problems: checked.problems };
    const savedAt = now.toISOString();
    const previous = await this.deps.store.draft();
    // Saving keeps what the plan was based on in the team folder, for the next publish.
    await this.deps.store.setDraft({ plan: checked.plan, savedAt, ...(previous?.folderEtag ? { folderEtag: previous.folderEtag } : {}) });
    await this.deps.onChange();
    return { ok: true, savedAt };
  }

  /** What the collecting controls on a Digiteket page need: the periods and what each holds. */
  async context(now: Date = new Date()): Promise<CollectContext | undefined> {
    if (!(await this.deps.isOn())) return undefined;
    const draft = await this.deps.store.draft();
    if (!draft) return { periods: [] };
    const today = todayInSweden(now);
    const suggested = draft.plan.periods.find((p) => !p.paused && p.deadline >= today) ?? draft.plan.periods.at(-1);
    return {
      ...(suggested ? { suggested: suggested.id } : {}),
      periods: draft.plan.periods.map((p) => ({
        id: p.id,
        title: p.title,
        keys: p.items.flatMap((i) => courseKey(i.url) ?? []),
      })),
    };
  }

  async add(periodId: string, items: readonly CollectedItem[], now: Date = new Date()): Promise<DraftAddResult> {
    if (!(await this.deps.isOn())) return { ok: false, error: 'collectNotCoordinator' };
    const draft = await this.deps.store.draft();
    const period = draft?.plan.periods.find((p) => p.id === periodId);
    if (!draft || !period) return { ok: false, error: 'collectNoPeriod' };
    const keys = new Set(period.items.map((i) => courseKey(i.url)));
    const fresh = items.filter((item) => {
      if (keys.has(item.key)) return false;
      keys.add(item.key);
      return true;
    });
    const plan = {
      ...draft.plan,
      updatedAt: now.toISOString(),
      periods: draft.plan.periods.map((p) =>
        p.id === periodId
          ? { ...p, items: [...p.items, ...fresh.map((i) => ({ url: `https://${i.key}`, title: i.title, kind: i.kind }))] }
          : p,
      ),
    };
    const saved = await this.save(plan, now);
    if (!saved.ok) return { ok: false, error: 'collectFailed' };
    return { ok: true, added: fresh.length, alreadyThere: items.length - fresh.length };
  }

  /** The coordinator follows the plan too: put the saved plan in force in this browser. */
  async useMyself(now: Date = new Date()): Promise<PlanLoadResult> {
    const draft = await this.deps.store.draft();
    if (!draft) return { ok: false, error: 'noDraftSaved' };
    return this.deps.plans.install(draft.plan, { kind: 'editor' }, now);
  }
}
