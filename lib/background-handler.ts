import { courseKey } from './course-key';
import { demoPlan } from './demo-plan';
import { t, uiLocale } from './i18n';
import { requestSchema, type PageContext, type Request, type ResponseMap } from './messages';
import { currentPeriod } from './periods';
import type { CoordinatorService } from './coordinator/coordinator-service';
import type { PlanPublisher } from './coordinator/publish';
import type { NotesService } from './notes-service';
import type { SelfAssessmentService } from './self-assessment';
import type { SignupService } from './signups';
import type { SyncService } from './sync/sync-service';
import type { TeamService } from './sync/team-service';
import type { MemberReader } from './team/member-reader';
import type { PlanService } from './plan-service';
import type { Store } from './store';
import { doneKeys, type Tracker } from './tracker';

// Answers every message the background receives. Requests are parsed first; those that
// change the plan are accepted only from the extension's own pages, never from a content
// script running inside a website.

export interface PlanAddress {
  url: string;
  kind: 'url' | 'managed';
}

export interface Sender {
  /** True when the message comes from an extension page (popup, options), not a web page. */
  fromExtensionPage: boolean;
}

// Notes are read and written only by extension pages (the notes panel is one, in an iframe):
// a content script runs beside the site and never sees them.
const PAGE_ONLY: ReadonlySet<Request['type']> = new Set([
  'importPlan',
  'useDemoPlan',
  'setPlanUrl',
  'refreshPlan',
  'notesOf',
  'noteCreate',
  'noteUpdate',
  'noteRemove',
  'noteRestore',
  'dismissPlanChanges',
  'saveDraft',
  'useDraft',
  'joinTeam',
  'leaveTeam',
  'syncNow',
  'setSharing',
  'signUp',
  'teamMembers',
  'publishPlan',
  'takeFolderPlan',
]);

export class BackgroundHandler {
  constructor(
    private readonly store: Store,
    private readonly tracker: Tracker,
    private readonly plans: PlanService,
    private readonly setPlanUrl: (url: string | null) => Promise<void>,
    /** Where the plan comes from when it has an address: a policy preset or the user's choice. */
    private readonly planAddress: () => Promise<PlanAddress | null>,
    private readonly notes: NotesService,
    private readonly coordinator: CoordinatorService,
    private readonly team: { service: TeamService; sync: SyncService; signups: SignupService; members: MemberReader; publisher: PlanPublisher },
    private readonly personal: { assessments: SelfAssessmentService; openReport: (section?: string) => Promise<void> },
  ) {}

  async handle(raw: unknown, sender: Sender, now: Date = new Date()): Promise<ResponseMap[Request['type']] | undefined> {
    const parsed = requestSchema.safeParse(raw);
    if (!parsed.success) return undefined;
    const request = parsed.data;
    if (PAGE_ONLY.has(request.type) && !sender.fromExtensionPage) return undefined;
    switch (request.type) {
      case 'pageContext':
        return this.pageContext(now);
      case 'visited':
        await this.tracker.visited(
          request.key,
          request.title,
          {
            ...(request.minutes !== undefined ? { minutes: request.minutes } : {}),
            ...(request.competenceArea ? { competenceArea: request.competenceArea } : {}),
          },
          now,
        );
        return { ok: true };
      case 'completedOnPage':
        await this.tracker.markDone(request.key, request.title, 'detected', now);
        return { ok: true };
      case 'setDone':
        if (request.done) await this.tracker.markDone(request.key, request.title, 'manual', now);
        else await this.tracker.undoDone(request.key, now);
        return { ok: true };
      case 'importMyPages': {
        const result = await this.tracker.importCompleted(request.entries, now);
        return { ok: true, ...result };
      }
      case 'importPlan': {
        const result = await this.plans.loadText(request.text, { kind: 'file', ...(request.name ? { name: request.name } : {}) }, now);
        if (result.ok) await this.setPlanUrl(null);
        return result;
      }
      case 'useDemoPlan': {
        const plan = demoPlan({ team: t('demoTeamName'), period: (month, area) => t('demoPeriodTitle', [month, area]) }, uiLocale(), now);
        const result = await this.plans.install(plan, { kind: 'demo' }, now);
        await this.setPlanUrl(null);
        return result;
      }
      case 'setPlanUrl': {
        const result = await this.plans.fetchUrl(request.url, 'url', now);
        if (result.ok) await this.setPlanUrl(request.url.trim());
        return result;
      }
      case 'refreshPlan': {
        const address = await this.planAddress();
        if (!address) return { ok: true, changed: false };
        return this.plans.fetchUrl(address.url, address.kind, now);
      }
      case 'notesOf':
        return this.notes.forCourse(request.key);
      case 'noteCreate':
        return this.notes.create(request.key, request.title, request.text, now);
      case 'noteUpdate':
        return (await this.notes.update(request.id, request.patch, now)) ?? null;
      case 'noteRemove':
        return (await this.notes.remove(request.id, now)) ?? null;
      case 'noteRestore':
        return (await this.notes.restore(request.id, now)) ?? null;
      case 'dismissPlanChanges':
        await this.store.setPlanChanges(null);
        return { ok: true };
      case 'saveDraft':
        return this.coordinator.save(request.plan, now);
      case 'addToDraft':
        // Allowed from Digiteket pages: the service accepts it only in coordinator mode.
        return this.coordinator.add(request.periodId, request.items, now);
      case 'useDraft': {
        const result = await this.coordinator.useMyself(now);
        if (result.ok) await this.setPlanUrl(null);
        return result;
      }
      case 'joinTeam': {
        const { type: _type, ...join } = request;
        return this.team.service.join(join, now);
      }
      case 'leaveTeam':
        await this.team.service.leave();
        return { ok: true };
      case 'syncNow':
        return this.team.sync.sync(now);
      case 'setSharing': {
        const { type: _type, ...patch } = request;
        return this.team.service.setSharing(patch, now);
      }
      case 'signUp':
        if (request.cancel) {
          await this.team.signups.cancel(request.sessionId, now);
          return { ok: true };
        }
        return { ok: await this.team.signups.signUp(request.sessionId, now) };
      case 'teamMembers':
        return this.team.members.read();
      case 'publishPlan':
        return this.team.publisher.publish(request.overwrite);
      case 'saveSelfAssessment': {
        const { type: _type, ...input } = request;
        return this.personal.assessments.save(input, now);
      }
      case 'openReport':
        await this.personal.openReport(request.section);
        return { ok: true };
      case 'takeFolderPlan':
        return { ok: await this.team.publisher.takeRemote(request.etag, now) };
    }
  }

  private async pageContext(now: Date): Promise<PageContext> {
    const [stored, progress, collect] = await Promise.all([
      this.store.activePlan(),
      this.store.progress(),
      this.coordinator.context(now),
    ]);
    const done = doneKeys(progress);
    const labels = { period: t('badgePeriod'), optional: t('badgeOptional'), done: t('badgeDone') };
    if (!stored) return { done, labels, ...(collect ? { collect } : {}) };
    const period = currentPeriod(stored.plan, now);
    const overrides = stored.plan.siteAdapter;
    return {
      done,
      labels,
      ...(collect ? { collect } : {}),
      ...(overrides ? { overrides } : {}),
      ...(period
        ? {
            period: {
              title: period.title,
              deadline: period.deadline,
              items: period.items.flatMap((item) => {
                const key = courseKey(item.url);
                return key ? [{ key, title: item.title, optional: item.optional === true, kind: item.kind }] : [];
              }),
            },
          }
        : {}),
    };
  }
}
