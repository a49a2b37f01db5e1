import { extensionFault, personalExtensionSchema, type ExtensionReason, type PersonalExtension } from '../model/extension';
import type { Plan } from '../model/plan';
import { removedExtension, type MemberExtensions } from '../time/personal-deadline';
import type { Store, StoreReader } from '../storage/store';

// The member's personal deadlines: what they set here, and what the plan grants them.

/** The member's own and granted personal deadlines for this plan. */
export async function memberExtensions(store: StoreReader, plan: Plan | undefined, memberId: string | undefined): Promise<MemberExtensions> {
  const own = await store.extensions();
  return { own, granted: plan?.extensions ?? [], ...(memberId ? { memberId } : {}) };
}

export interface ExtensionRequest {
  periodId: string;
  deadline: string;
  reason: ExtensionReason;
  note?: string | undefined;
}

export type ExtensionError = 'extensionNoteMarkup' | 'problem_extensionPeriod' | 'problem_extensionBeforeStart' | 'problem_extensionTooLate';
export type ExtensionAnswer = { ok: true } | { ok: false; error: ExtensionError };

export class ExtensionService {
  constructor(
    private readonly store: Store,
    private readonly changed: () => Promise<void>,
  ) {}

  /** Sets the member's personal deadline for a period of the active plan; a refused one stores nothing. */
  async set(request: ExtensionRequest, now: Date): Promise<ExtensionAnswer> {
    const period = (await this.store.activePlan())?.plan.periods.find((p) => p.id === request.periodId);
    if (!period) return { ok: false, error: 'problem_extensionPeriod' };
    const fault = extensionFault(request.deadline, period);
    if (fault) return { ok: false, error: `problem_${fault}` };
    const note = request.note?.trim();
    // Checked as the member file will be, so what is stored here is never refused there.
    const record = personalExtensionSchema.safeParse({
      periodId: period.id,
      deadline: request.deadline,
      reason: request.reason,
      ...(note ? { note } : {}),
      updatedAt: now.toISOString(),
    } satisfies PersonalExtension);
    if (!record.success) return { ok: false, error: 'extensionNoteMarkup' };
    await this.store.putExtensions([record.data]);
    await this.changed();
    return { ok: true };
  }

  async remove(periodId: string, now: Date): Promise<{ ok: true } | { ok: false; error: 'problem_extensionPeriod' }> {
    const period = (await this.store.activePlan())?.plan.periods.find((p) => p.id === periodId);
    if (!period) return { ok: false, error: 'problem_extensionPeriod' };
    await this.store.putExtensions([removedExtension(period, now)]);
    await this.changed();
    return { ok: true };
  }
}
