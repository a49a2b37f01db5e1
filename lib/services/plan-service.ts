import { parsePlanText, type PlanParseResult } from '../model/plan-parse';
import { PLAN_MAX_BYTES } from '../model/limits';
import type { Plan } from '../model/plan';
import { planRefused, type PlanLoadResult, type UrlError } from '../model/results';
import { readLimited } from './read-limited';
import { diffPlans } from '../domain/plan-diff';
import type { PlanSource } from '../model/stored';
import type { Store } from '../storage/store';
import { PlanTrust } from './plan-trust';

// Loading a plan: from a file's text, the built-in demo, or a plan URL fetched with ETag.
// A plan is stored only when it validates; on any failure the plan in force stays as it was.

export interface PlanServiceDeps {
  store: Store;
  fetch: typeof fetch;
  onChange: () => void | Promise<void>;
  timeoutMs?: number;
  /** Who may sign the team's plans; by default the trust kept in `store`. */
  trust?: PlanTrust;
}

export function checkPlanUrl(value: string): URL | null {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

export class PlanService {
  private readonly timeoutMs: number;
  readonly trust: PlanTrust;

  constructor(private readonly deps: PlanServiceDeps) {
    this.timeoutMs = deps.timeoutMs ?? 15_000;
    this.trust = deps.trust ?? new PlanTrust(deps.store);
  }

  /** A plan from outside this browser (file, address, team folder): its contents, then who signed it. */
  async loadText(text: string, source: PlanSource, now: Date = new Date()): Promise<PlanLoadResult> {
    const parsed: PlanParseResult = parsePlanText(text);
    if (!parsed.ok) return planRefused(parsed.problems);
    const trusted = await this.trust.check(text, parsed.plan, source, now);
    if (!trusted.ok) return trusted;
    const result = await this.install(parsed.plan, source, now, trusted.signedBy);
    await this.trust.accepted(trusted);
    return result;
  }

  /** Puts a valid plan in force; `signedBy` is the fingerprint of the key that signed it. */
  async install(plan: Plan, source: PlanSource, now: Date = new Date(), signedBy?: string): Promise<PlanLoadResult> {
    const previous = await this.deps.store.activePlan();
    const changed =
      !previous ||
      previous.plan.team.id !== plan.team.id ||
      previous.plan.updatedAt !== plan.updatedAt ||
      previous.source.kind !== source.kind;
    await this.deps.store.setActivePlan({ plan, source, loadedAt: now.toISOString(), ...(signedBy ? { signedBy } : {}) });
    // A new version of the same team's plan: keep what changed for the popup to tell.
    if (previous && previous.plan.team.id === plan.team.id && previous.plan.updatedAt !== plan.updatedAt) {
      const changes = diffPlans(previous.plan, plan);
      if (changes.length > 0) await this.deps.store.setPlanChanges({ at: now.toISOString(), changes });
    } else if (previous?.plan.team.id !== plan.team.id) {
      await this.deps.store.setPlanChanges(null);
    }
    await this.deps.onChange();
    return { ok: true, changed };
  }

  /** Fetch a plan URL (with the ETag of the last copy) and install what it answers. */
  async fetchUrl(value: string, kind: 'url' | 'managed' = 'url', now: Date = new Date()): Promise<PlanLoadResult> {
    const url = checkPlanUrl(value);
    if (!url) return { ok: false, error: 'urlNotHttps' };
    const state = await this.deps.store.planFetch();
    const sameUrl = state?.url === url.href;
    const active = await this.deps.store.activePlan();
    const haveCopy = sameUrl && active?.source.kind === kind && 'url' in active.source && active.source.url === url.href;
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (haveCopy && state?.etag) headers['If-None-Match'] = state.etag;

    const result = await this.request(url.href, headers);
    const checkedAt = now.toISOString();
    if ('error' in result) {
      await this.deps.store.setPlanFetch({
        url: url.href,
        ...(sameUrl && state?.etag ? { etag: state.etag } : {}),
        checkedAt,
        error: result.error,
      });
      return { ok: false, error: result.error };
    }
    if (result.notModified) {
      await this.deps.store.setPlanFetch({ url: url.href, ...(state?.etag ? { etag: state.etag } : {}), checkedAt });
      return { ok: true, changed: false };
    }
    const loaded = await this.loadText(result.text, { kind, url: url.href }, now);
    await this.deps.store.setPlanFetch({
      url: url.href,
      ...(loaded.ok && result.etag ? { etag: result.etag } : {}),
      checkedAt,
      ...(loaded.ok ? {} : { error: loaded.error === 'planHasProblems' ? 'urlInvalidPlan' : loaded.error }),
    });
    return loaded;
  }

  private async request(
    url: string,
    headers: Record<string, string>,
  ): Promise<{ error: UrlError } | { notModified: true } | { notModified: false; text: string; etag?: string }> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      const response = await this.deps.fetch(url, {
        headers,
        signal: controller.signal,
        credentials: 'omit',
        redirect: 'follow',
        cache: 'no-cache',
      });
      // A redirect is followed only within the same https origin; to plain http or another
      // site the plan is refused (what is fetched there is not the coordinator's address).
      if (response.url && response.url !== url) {
        let final: URL | null = null;
        try {
          final = new URL(response.url);
        } catch {
          final = null;
        }
        if (!final || final.protocol !== 'https:' || final.origin !== new URL(url).origin) {
          await response.body?.cancel().catch(() => undefined);
          return { error: 'urlRedirected' };
        }
      }
      if (response.status === 304) return { notModified: true };
      if (response.status === 401 || response.status === 403) return { error: 'urlDenied' };
      if (response.status === 404 || response.status === 410) return { error: 'urlNotFound' };
      if (!response.ok) return { error: 'urlHttp' };
      const body = await readLimited(response, PLAN_MAX_BYTES);
      if (!body.ok) return { error: 'urlTooLarge' };
      const text = body.text;
      const type = response.headers.get('Content-Type') ?? '';
      // A sign-in page or portal answers 200 with HTML; say so instead of "not JSON".
      if (/text\/html/i.test(type) || /^\s*<(!doctype|html)/i.test(text)) return { error: 'urlHtml' };
      const etag = response.headers.get('ETag');
      return { notModified: false, text, ...(etag ? { etag } : {}) };
    } catch {
      return { error: controller.signal.aborted ? 'urlTimeout' : 'urlUnreachable' };
    } finally {
      clearTimeout(timer);
    }
  }
}
