import { checkPlanSignature } from '../model/plan-signature';
import type { Plan } from '../model/plan';
import type { PlanTrustError } from '../model/results';
import type { PlanSource, TrustedKey } from '../model/stored';
import type { Store } from '../storage/store';

// Who may change the team's plan. plan.json in the team folder can be written by every member,
// and a plan address by whoever controls that server; both are taken without a click. A team
// whose coordinator signs the plan (lib/model/plan-signature.ts) is protected by trust on first
// use: the first signed plan this browser takes pins its key, and from then on a plan that is
// unsigned, signed by another key, changed after signing, or an older signed version than the
// one in force is refused with its own message, and the plan in force stays. Forgetting the key
// (settings page) is the one deliberate way to accept a new coordinator's key.
//
// A plan file the user chooses is held to the same rule. Choosing a file is deliberate, but the
// file came from somewhere (an e-mail, a shared drive) and is no harder to forge than the
// folder's copy; a team that pinned its coordinator means "only this coordinator's plans", and a
// user who really wants another plan can forget the key first, in plain sight. The built-in
// example plan and the coordinator's own draft are made in this browser and are not checked.

export type TrustDecision =
  | { ok: true; signedBy?: string; pin?: TrustedKey }
  | { ok: false; error: PlanTrustError };

function documentOf(text: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return null;
  }
}

export class PlanTrust {
  constructor(private readonly store: Store) {}

  /** Whether a plan read from `text` (already a valid plan, `plan`) may be put in force. */
  async check(text: string, plan: Plan, source: PlanSource, now: Date): Promise<TrustDecision> {
    const [check, state, active] = await Promise.all([checkPlanSignature(documentOf(text)), this.store.trust(), this.store.activePlan()]);
    const pinned = state?.pinned;
    let decision: TrustDecision;
    switch (check.kind) {
      case 'unsigned':
        decision = pinned ? { ok: false, error: 'planNotSigned' } : { ok: true };
        break;
      case 'invalid':
        decision = { ok: false, error: 'planSignatureInvalid' };
        break;
      case 'unsupported':
        // Nothing pinned: as good as unsigned. Pinned: this browser could check before and cannot now.
        decision = pinned ? { ok: false, error: 'planSignatureUnsupported' } : { ok: true };
        break;
      case 'valid': {
        if (pinned && pinned.fingerprint !== check.fingerprint) {
          decision = { ok: false, error: 'planSignedByOther' };
        } else if (
          active?.signedBy === check.fingerprint &&
          active.plan.team.id === plan.team.id &&
          Date.parse(plan.updatedAt) < Date.parse(active.plan.updatedAt)
        ) {
          // An old signed plan put back in the folder: signed, but replaced by the coordinator since.
          decision = { ok: false, error: 'planSignedOlder' };
        } else {
          decision = {
            ok: true,
            signedBy: check.fingerprint,
            ...(pinned ? {} : { pin: { fingerprint: check.fingerprint, key: check.key, since: now.toISOString() } }),
          };
        }
        break;
      }
    }
    if (!decision.ok) await this.store.setTrust({ ...state, refused: { at: now.toISOString(), error: decision.error, source: source.kind } });
    return decision;
  }

  /** The plan was put in force: a first key is pinned, and the last refusal is past. */
  async accepted(decision: Extract<TrustDecision, { ok: true }>): Promise<void> {
    const state = await this.store.trust();
    const pinned = state?.pinned ?? decision.pin;
    if (!state?.refused && pinned === state?.pinned) return;
    await this.store.setTrust(pinned ? { pinned } : null);
  }

  /** The user forgets the pinned key on purpose: the next signed plan's key is trusted. */
  async forget(): Promise<void> {
    await this.store.setTrust(null);
  }
}
