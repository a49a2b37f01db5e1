import { PLAN_MAX_BYTES } from '../model/limits';
import { parsePlanText } from '../model/plan-parse';
import type { Store } from '../storage/store';
import { PLAN_FILE } from '../folder/layout';
import { folderOf, type TeamSettings } from '../folder/team-settings';
import { folderErrorKey, type PublishResult } from '../model/results';
import type { Plan } from '../model/plan';
import { FolderFailure, WebDavClient } from './webdav';

// The coordinator writes the saved plan to the team folder as plan.json. The write is
// conditional on the copy the plan was based on: a plan a co-coordinator published meanwhile
// is never overwritten unseen; both are shown and the coordinator chooses.

export class PlanPublisher {
  constructor(
    private readonly store: Store,
    private readonly settings: () => Promise<TeamSettings | null>,
    private readonly fetchImpl: typeof fetch,
    private readonly onChange: () => void | Promise<void>,
    /** The plan file's text: signed when the coordinator has a key (lib/services/signing-keys.ts). */
    private readonly planText: (plan: Plan) => Promise<string> = async (plan) => `${JSON.stringify(plan, null, 2)}\n`,
  ) {}

  private async client(): Promise<WebDavClient | null> {
    const settings = await this.settings();
    const address = settings && folderOf(settings);
    return address ? new WebDavClient(address, this.fetchImpl) : null;
  }

  /**
   * Publish the saved plan. `overwrite` is the ETag of the folder's copy the coordinator has
   * seen and chosen to replace; without it, the plan's own base copy is the condition.
   */
  async publish(overwrite?: string): Promise<PublishResult> {
    const client = await this.client();
    if (!client) return { ok: false, error: 'publishNotJoined' };
    const draft = await this.store.draft();
    if (!draft) return { ok: false, error: 'noDraftSaved' };
    try {
      const base = overwrite ?? draft.folderEtag;
      const condition = base ? { ifMatch: base } : ({ ifNoneMatch: '*' } as const);
      const put = await client.put(PLAN_FILE, await this.planText(draft.plan), condition);
      if (put.status === 'ok') {
        // The ETag is the condition of the next publish; a server that did not give it with the
        // write is asked for it.
        const back = put.etag ? null : await client.get(PLAN_FILE, undefined, PLAN_MAX_BYTES);
        const etag = put.etag ?? (back?.status === 'ok' ? back.etag : null);
        await this.store.setDraft({ ...draft, ...(etag ? { folderEtag: etag } : {}) });
        await this.onChange();
        return { ok: true };
      }
      if (put.status === 'noParent') return { ok: false, error: folderErrorKey('notFound') };
      const remote = await client.get(PLAN_FILE, undefined, PLAN_MAX_BYTES);
      if (remote.status !== 'ok' || !remote.etag) return { ok: false, error: folderErrorKey('busy') };
      const parsed = parsePlanText(remote.text);
      return { ok: false, error: 'publishConflict', conflict: { remote: parsed.ok ? parsed.plan : null, etag: remote.etag } };
    } catch (error) {
      if (error instanceof FolderFailure) return { ok: false, error: folderErrorKey(error.reason) };
      throw error;
    }
  }

  /**
   * Take the folder's copy into the editor instead; the next publish builds on it. Only the
   * copy the coordinator saw (`etag`): if it changed again meanwhile, nothing is taken.
   */
  async takeRemote(etag: string, now: Date = new Date()): Promise<boolean> {
    const client = await this.client();
    if (!client) return false;
    const remote = await client.get(PLAN_FILE, undefined, PLAN_MAX_BYTES).catch(() => null);
    if (remote?.status !== 'ok' || remote.etag !== etag) return false;
    const parsed = parsePlanText(remote.text);
    if (!parsed.ok) return false;
    await this.store.setDraft({ plan: parsed.plan, savedAt: now.toISOString(), folderEtag: etag });
    await this.onChange();
    return true;
  }
}
