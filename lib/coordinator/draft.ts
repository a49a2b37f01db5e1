import { courseKey } from '../site/course-key';
import { addMonths, firstOfMonth, lastWeekdayOfMonth, monthTitle, swedishDateTime, swedishInstant, todayInSweden } from '../time/dates';
import { PLAN_KIND, PLAN_VERSION, type Plan, type SiteAdapterOverrides } from '../model/plan';
import type { GrantedExtension } from '../model/extension';
import { validatePlan, type PlanParseResult } from '../model/plan-parse';
import { DIGITEKET_ORIGIN } from '../site/hosts';

// The coordinator's plan as the editor holds it: every field as typed, so that a half-filled
// form can be shown with its problems. `toCandidate` turns it into the plan document and the
// plan parser judges it, so the editor and a plan file obey the same rules.

export interface DraftItem {
  url: string;
  title: string;
  kind: 'course' | 'article';
  optional: boolean;
  /** The coordinator's advice on the item, as typed; empty or absent when there is none. */
  tip?: string;
}

export interface DraftSession {
  id: string;
  date: string;
  startTime: string;
  endTime: string;
  place: string;
  capacity: string;
}

export interface DraftPeriod {
  id: string;
  title: string;
  competenceArea: string;
  starts: string;
  deadline: string;
  paused: boolean;
  items: DraftItem[];
  sessions: DraftSession[];
}

export interface Draft {
  teamId: string;
  teamName: string;
  coordinatorName: string;
  coordinatorContact: string;
  /** The team's place for discussion between sessions, as typed. */
  discussionUrl?: string;
  selfAssessmentUrl: string;
  selfAssessmentStart: string;
  selfAssessmentEnd: string;
  periods: DraftPeriod[];
  /** Carried over untouched from an opened plan; the editor has no fields for it. */
  siteAdapter?: SiteAdapterOverrides;
  /** More time granted to members, from the team overview; the editor carries it untouched. */
  extensions?: GrantedExtension[];
}

export const SELF_ASSESSMENT_URL = `${DIGITEKET_ORIGIN}/sjalvskattningstest/`;

function randomId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
}

/** A plain, lower-case id from a name: "Östersunds bibliotek" → "ostersunds-bibliotek". */
export function slugOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

export function planFileName(draft: Pick<Draft, 'teamName' | 'teamId'>): string {
  return `kurskompis-plan-${slugOf(draft.teamName) || slugOf(draft.teamId) || 'team'}.json`;
}

/** A period for the month after the last one (or this month): deadline on its last weekday. */
export function newPeriod(periods: readonly DraftPeriod[], locale: string, now: Date = new Date()): DraftPeriod {
  const last = periods.at(-1);
  const starts = last && /^\d{4}-\d{2}-\d{2}$/.test(last.starts) ? addMonths(firstOfMonth(last.starts), 1) : firstOfMonth(todayInSweden(now));
  const monthId = `p-${starts.slice(0, 7)}`;
  return {
    id: periods.some((p) => p.id === monthId) ? randomId('p') : monthId,
    title: `${monthTitle(starts, locale)} ${starts.slice(0, 4)}`,
    competenceArea: '',
    starts,
    deadline: lastWeekdayOfMonth(starts),
    paused: false,
    items: [],
    sessions: [],
  };
}

/** Ninety minutes on the period's deadline, the usual time of an Östersund discussion. */
export function newSession(period: DraftPeriod): DraftSession {
  return { id: randomId('s'), date: period.deadline, startTime: '13:00', endTime: '14:30', place: '', capacity: '8' };
}

export function newDraft(teamName: string, locale: string, now: Date = new Date()): Draft {
  return {
    teamId: slugOf(teamName),
    teamName,
    coordinatorName: '',
    coordinatorContact: '',
    discussionUrl: '',
    selfAssessmentUrl: SELF_ASSESSMENT_URL,
    selfAssessmentStart: '',
    selfAssessmentEnd: '',
    periods: [newPeriod([], locale, now)],
  };
}

export function draftOfPlan(plan: Plan): Draft {
  return {
    teamId: plan.team.id,
    teamName: plan.team.name,
    coordinatorName: plan.coordinator?.name ?? '',
    coordinatorContact: plan.coordinator?.contact ?? '',
    discussionUrl: plan.team.discussionUrl ?? '',
    selfAssessmentUrl: plan.selfAssessment?.url ?? '',
    selfAssessmentStart: plan.selfAssessment?.start ?? '',
    selfAssessmentEnd: plan.selfAssessment?.end ?? '',
    periods: plan.periods.map((p) => ({
      id: p.id,
      title: p.title,
      competenceArea: p.competenceArea ?? '',
      starts: p.starts,
      deadline: p.deadline,
      paused: p.paused === true,
      items: p.items.map((i) => ({ url: i.url, title: i.title, kind: i.kind, optional: i.optional === true, tip: i.tip ?? '' })),
      sessions: p.sessions.map((s) => {
        const start = swedishDateTime(new Date(s.starts));
        return {
          id: s.id,
          date: start.date,
          startTime: start.time,
          endTime: swedishDateTime(new Date(s.ends)).time,
          place: s.place,
          capacity: s.capacity === undefined ? '' : String(s.capacity),
        };
      }),
    })),
    ...(plan.siteAdapter ? { siteAdapter: plan.siteAdapter } : {}),
    ...(plan.extensions?.length ? { extensions: plan.extensions } : {}),
  };
}

function present<T extends Record<string, string>>(fields: T): Partial<T> | undefined {
  const kept = Object.fromEntries(Object.entries(fields).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, v.trim()]));
  return Object.keys(kept).length ? (kept as Partial<T>) : undefined;
}

/** The plan document the draft stands for, valid or not: the parser says which. */
export function toCandidate(draft: Draft, now: Date = new Date()): Record<string, unknown> {
  const coordinator = present({ name: draft.coordinatorName, contact: draft.coordinatorContact });
  const selfAssessment = present({ url: draft.selfAssessmentUrl, start: draft.selfAssessmentStart, end: draft.selfAssessmentEnd });
  return {
    kind: PLAN_KIND,
    version: PLAN_VERSION,
    team: {
      id: draft.teamId.trim() || slugOf(draft.teamName),
      name: draft.teamName.trim(),
      ...(draft.discussionUrl?.trim() ? { discussionUrl: draft.discussionUrl.trim() } : {}),
    },
    ...(coordinator ? { coordinator } : {}),
    updatedAt: now.toISOString(),
    ...(selfAssessment ? { selfAssessment } : {}),
    periods: draft.periods.map((p) => ({
      id: p.id,
      title: p.title.trim(),
      ...(p.competenceArea.trim() ? { competenceArea: p.competenceArea.trim() } : {}),
      starts: p.starts,
      deadline: p.deadline,
      ...(p.paused ? { paused: true } : {}),
      items: p.items.map((i) => ({
        url: i.url,
        title: i.title.trim(),
        kind: i.kind,
        ...(i.optional ? { optional: true } : {}),
        ...(i.tip?.trim() ? { tip: i.tip.trim() } : {}),
      })),
      sessions: p.sessions.map((s) => ({
        id: s.id,
        // An unreadable date or time stays as typed, so the parser names the field.
        starts: swedishInstant(s.date, s.startTime) ?? `${s.date} ${s.startTime}`,
        ends: swedishInstant(s.date, s.endTime) ?? `${s.date} ${s.endTime}`,
        place: s.place.trim(),
        ...(s.capacity.trim() ? { capacity: /^\d+$/.test(s.capacity.trim()) ? Number(s.capacity.trim()) : s.capacity } : {}),
      })),
    })),
    ...(draft.siteAdapter ? { siteAdapter: draft.siteAdapter } : {}),
    ...(draft.extensions?.length ? { extensions: draft.extensions } : {}),
  };
}

export function checkDraft(draft: Draft, now: Date = new Date()): PlanParseResult {
  return validatePlan(toCandidate(draft, now));
}

export type AddOutcome = { added: number; duplicates: string[] };

/** Appends the items not already in the period (same course key), in the order given. */
export function addItems(period: DraftPeriod, items: readonly DraftItem[]): { period: DraftPeriod; outcome: AddOutcome } {
  const keys = new Set(period.items.map((i) => courseKey(i.url)));
  const added: DraftItem[] = [];
  const duplicates: string[] = [];
  for (const item of items) {
    const key = courseKey(item.url);
    if (!key) continue;
    if (keys.has(key)) {
      duplicates.push(item.title);
      continue;
    }
    keys.add(key);
    added.push(item);
  }
  return { period: { ...period, items: [...period.items, ...added] }, outcome: { added: added.length, duplicates } };
}

export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || from >= list.length || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved as T);
  return next;
}

/**
 * Items present in `stored` but not in `local`, appended to the matching periods: what was
 * collected on Digiteket while the editor held unsaved changes. More time granted meanwhile
 * (the team overview) is taken as stored, since the editor never changes it.
 */
export function withCollected(local: Draft, stored: Draft): Draft {
  const { extensions: _local, ...rest } = local;
  return {
    ...rest,
    ...(stored.extensions ? { extensions: stored.extensions } : {}),
    periods: local.periods.map((period) => {
      const fresh = stored.periods.find((p) => p.id === period.id);
      return fresh ? addItems(period, fresh.items).period : period;
    }),
  };
}
