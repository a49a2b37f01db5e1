import { siteProfileSchema } from './site-profile';
import { z } from 'zod';
// The imports of ours are leaf modules that themselves import nothing, so the schemas stay
// loadable anywhere while the host list and the rules for a plan's site overrides are written once.
import { isDigiteketHost } from '../site/hosts';
import { completionSelectorFault, completionTextFault } from '../site/override-rules';
import { calendarDate, httpsUrl, instant, isRealDate, plainText, plusDays, text } from './fields';
import { extensionFault, grantedExtensionSchema } from './extension';

// The plan document, as DESIGN.md describes it. Version 1 only: a newer version is refused
// with its own message rather than read half-way.

export const PLAN_KIND = 'kurskompis/plan';
export const PLAN_VERSION = 1;
export { PLAN_MAX_BYTES } from './limits';

export { calendarDate } from './fields';

export const itemUrl = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' && isDigiteketHost(url.hostname);
    } catch {
      return false;
    }
  },
  { params: { reason: 'itemUrl' } },
);

export const planItemSchema = z.object({
  url: itemUrl,
  title: text(300),
  kind: z.enum(['course', 'article']),
  optional: z.boolean().optional(),
  /** The coordinator's advice, shown beside the badge (plain text). */
  tip: plainText(500).optional(),
});

export const sessionSchema = z
  .object({
    id: text(100),
    starts: instant,
    ends: instant,
    place: text(300),
    capacity: z.number().int().positive().max(10_000).optional(),
  })
  .refine((s) => Date.parse(s.ends) > Date.parse(s.starts), {
    path: ['ends'],
    params: { reason: 'sessionEnd' },
  });

/** Same address whatever its case, `www.`, query or missing trailing slash: one course, one entry. */
function itemIdentity(url: string): string {
  try {
    const parsed = new URL(url);
    const path = parsed.pathname.toLowerCase().replace(/\/*$/, '/');
    return `${parsed.hostname.toLowerCase().replace(/^www\./, '')}${path}`;
  } catch {
    return url;
  }
}

/** Sessions are held during the period or in the weeks after its deadline, never far from it. */
export const SESSION_DAYS_AFTER_DEADLINE = 45;

let stockholmDay: Intl.DateTimeFormat | undefined;

function dayOfInstant(instant: string): string {
  // The calendar day in Swedish time, without pulling a time-zone library into the schema.
  stockholmDay ??= new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm' });
  return stockholmDay.format(new Date(instant));
}


export const periodSchema = z
  .object({
    id: text(100),
    title: text(300),
    competenceArea: text(200).optional(),
    starts: calendarDate,
    deadline: calendarDate,
    paused: z.boolean().optional(),
    items: z.array(planItemSchema).max(500),
    sessions: z.array(sessionSchema).max(100).default([]),
  })
  .refine((p) => !isRealDate(p.starts) || !isRealDate(p.deadline) || p.deadline >= p.starts, {
    path: ['deadline'],
    params: { reason: 'deadlineBeforeStart' },
  })
  .superRefine((period, ctx) => {
    const seen = new Set<string>();
    period.items.forEach((item, index) => {
      const identity = itemIdentity(item.url);
      if (seen.has(identity)) {
        ctx.addIssue({ code: 'custom', path: ['items', index, 'url'], params: { reason: 'duplicateItem' } });
      }
      seen.add(identity);
    });
    if (!isRealDate(period.starts) || !isRealDate(period.deadline)) return;
    const latest = plusDays(period.deadline, SESSION_DAYS_AFTER_DEADLINE);
    period.sessions.forEach((session, index) => {
      const day = dayOfInstant(session.starts);
      if (day < period.starts || day > latest) {
        ctx.addIssue({ code: 'custom', path: ['sessions', index, 'starts'], params: { reason: 'sessionOutsidePeriod' } });
      }
    });
  });

/** An override the rules in lib/site/override-rules.ts refuse is a problem of the plan, at its place. */
const override = (fault: (value: string) => string | null) =>
  z
    .string()
    .min(1)
    .max(300)
    .superRefine((value, ctx) => {
      const reason = fault(value);
      if (reason) ctx.addIssue({ code: 'custom', params: { reason } });
    });

export const siteAdapterOverridesSchema = z
  .object({
    completionSelectors: z.array(override(completionSelectorFault)).max(20).optional(),
    completionTexts: z.array(override(completionTextFault)).max(20).optional(),
    /** A newer site profile for the adapter (lib/site/profile.ts). */
    profile: siteProfileSchema.optional(),
  })
  .optional();

export const planSchema = z
  .object({
    kind: z.literal(PLAN_KIND),
    version: z.literal(PLAN_VERSION),
    team: z.object({
      id: text(100),
      name: text(200),
      /** The team's place for discussion between sessions (a group, a channel, a shared document). */
      discussionUrl: httpsUrl.optional(),
    }),
    coordinator: z.object({ name: text(200).optional(), contact: text(300).optional() }).optional(),
    updatedAt: instant,
    selfAssessment: z
      .object({ url: z.string().url().optional(), start: calendarDate.optional(), end: calendarDate.optional() })
      .optional(),
    periods: z.array(periodSchema).min(1).max(120),
    siteAdapter: siteAdapterOverridesSchema,
    /** Personal deadlines the coordinator granted. */
    extensions: z.array(grantedExtensionSchema).max(5000).optional(),
  })
  .superRefine((plan, ctx) => {
    const seen = new Map<string, number>();
    plan.periods.forEach((period, index) => {
      const first = seen.get(period.id);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['periods', index, 'id'], params: { reason: 'duplicatePeriod' } });
      } else {
        seen.set(period.id, index);
      }
    });
    plan.extensions?.forEach((extension, index) => {
      const period = plan.periods.find((p) => p.id === extension.periodId);
      if (!period) {
        ctx.addIssue({ code: 'custom', path: ['extensions', index, 'periodId'], params: { reason: 'extensionPeriod' } });
        return;
      }
      if (!isRealDate(extension.deadline) || !isRealDate(period.starts) || !isRealDate(period.deadline)) return;
      const fault = extensionFault(extension.deadline, period);
      if (fault) ctx.addIssue({ code: 'custom', path: ['extensions', index, 'deadline'], params: { reason: fault } });
    });
  });

export type Plan = z.infer<typeof planSchema>;
export type Period = Plan['periods'][number];
export type PlanItem = Period['items'][number];
export type PlanSession = Period['sessions'][number];
export type SiteAdapterOverrides = NonNullable<Plan['siteAdapter']>;
export type { GrantedExtension } from './extension';
