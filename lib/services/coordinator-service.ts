import { courseKey, type CourseKey } from '../site/course-key';
import { todayInSweden } from '../time/dates';
import { validatePlan } from '../model/plan-parse';
import type { Plan, PlanItem } from '../model/plan';
import { extensionFault, grantedExtensionSchema, type GrantedExtension } from '../model/extension';
import type { PlanService } from './plan-service';
import type { Store } from '../storage/store';
import type { CollectContext, DraftAddResult, DraftSaveResult, GrantResult, PlanLoadResult } from '../model/results';

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

  /**
   * More time for one member in one period, written into the saved plan (one grant per member
   * and period: a new one replaces the old). It reaches the member with the next publish.
   */
  async grant(request: Omit<GrantedExtension, 'note'> & { note?: string | undefined }, now: Date = new Date()): Promise<GrantResult> {
    if (!(await this.deps.isOn())) return { ok: false, error: 'collectNotCoordinator' };
    const draft = await this.deps.store.draft();
    if (!draft) return { ok: false, error: 'noDraftSaved' };
    const period = draft.plan.periods.find((p) => p.id === request.periodId);
    if (!period) return { ok: false, error: 'problem_extensionPeriod' };
    if (request.deadline <= period.deadline) return { ok: false, error: 'grantNotLater' };
    const fault = extensionFault(request.deadline, period);
    if (fault) return { ok: false, error: `problem_${fault}` };
    const note = request.note?.trim();
    const record = grantedExtensionSchema.safeParse({ memberId: request.memberId, periodId: period.id, deadline: request.deadline, ...(note ? { note } : {}) });
    if (!record.success) return { ok: false, error: 'extensionNoteMarkup' };
    return this.withGrants(draft.plan, [...this.others(draft.plan.extensions, request), record.data], now);
  }

  /** Takes a grant back out of the saved plan. */
  async revoke(request: Pick<GrantedExtension, 'memberId' | 'periodId'>, now: Date = new Date()): Promise<GrantResult> {
    if (!(await this.deps.isOn())) return { ok: false, error: 'collectNotCoordinator' };
    const draft = await this.deps.store.draft();
    if (!draft) return { ok: false, error: 'noDraftSaved' };
    return this.withGrants(draft.plan, this.others(draft.plan.extensions, request), now);
  }

  private others(grants: readonly GrantedExtension[] | undefined, of: Pick<GrantedExtension, 'memberId' | 'periodId'>): GrantedExtension[] {
    return (grants ?? []).filter((g) => g.memberId !== of.memberId || g.periodId !== of.periodId);
  }

  private async withGrants(plan: Plan, extensions: GrantedExtension[], now: Date): Promise<GrantResult> {
    const { extensions: _old, ...rest } = plan;
    const saved = await this.save({ ...rest, ...(extensions.length ? { extensions } : {}), updatedAt: now.toISOString() }, now);
    return saved.ok ? { ok: true, extensions } : { ok: false, error: 'grantNotSaved' };
  }

  /** The coordinator follows the plan too: put the saved plan in force in this browser. */
  async useMyself(now: Date = new Date()): Promise<PlanLoadResult> {
    const draft = await this.deps.store.draft();
    if (!draft) return { ok: false, error: 'noDraftSaved' };
    return this.deps.plans.install(draft.plan, { kind: 'editor' }, now);
  }
}
