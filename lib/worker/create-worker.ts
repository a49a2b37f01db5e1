import { parseBackup, restoreBackup } from '../domain/backup';
import { CoordinatorService } from '../services/coordinator-service';
import { PlanPublisher } from '../sync/publish';
import { courseKey } from '../site/course-key';
import { demoPlan } from '../domain/demo-plan';
import { t, uiLocale } from '../text/i18n';
import { requestSchema, SENDERS, type Answer, type PageContext, type Request, type RequestType, type ResponseMap } from '../messages/protocol';
import type { Note } from '../model/note';
import { isConflict, NotesService, type NoteWrite } from '../services/notes-service';
import { currentPeriod } from '../time/periods';
import { PlanService } from '../services/plan-service';
import { SelfAssessmentService } from '../services/self-assessment';
import { SignupService } from '../services/signups';
import type { Store } from '../storage/store';
import { SyncService } from '../sync/sync-service';
import { parseTeamSettings, type TeamSettings } from '../folder/team-settings';
import { TeamService } from '../sync/team-service';
import { MemberReader } from '../sync/member-reader';
import type { PlanAddress } from '../services/managed';
import { doneKeys, Tracker } from '../services/tracker';

// The background worker's services wired together, and the one place that answers messages.
// background.ts gives it the browser; the tests give it fakes. Requests are parsed first and
// taken only from the senders SENDERS allows: a content script runs inside a website.

export interface Sender {
  /** True when the message comes from an extension page (popup, options), not a web page. */
  fromExtensionPage: boolean;
}

/** A stored setting the worker reads and writes (WXT storage items in the browser). */
export interface Setting<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
}

export interface WorkerDeps {
  store: Store;
  fetch: typeof fetch;
  planUrl: Setting<string | null>;
  teamFolder: Setting<unknown>;
  coordinatorMode: () => Promise<boolean>;
  /** Where the plan comes from when it has an address: a policy preset or the user's choice. */
  planAddress: () => Promise<PlanAddress | null>;
  /** Something shown changed: the toolbar count and open Digiteket tabs redraw. */
  redraw: () => Promise<void>;
  /** Only open Digiteket tabs redraw (the coordinator's draft changed). */
  bumpRevision: () => Promise<void>;
  /** What the member did goes to the team folder shortly. */
  scheduleSync: () => void;
  /** After each sync, e.g. to plan the retry alarm. */
  afterSync: () => Promise<void>;
  openReport: (section?: string) => Promise<void>;
  /** How long a plan address may take to answer. */
  planTimeoutMs?: number;
}

type Handlers = { [T in RequestType]: (request: Extract<Request, { type: T }>, now: Date) => Promise<ResponseMap[T]> };

export function createWorker(deps: WorkerDeps) {
  const { store } = deps;
  const changed = async () => {
    await deps.redraw();
    deps.scheduleSync();
  };
  const teamSettings = async (): Promise<TeamSettings | null> => parseTeamSettings(await deps.teamFolder.getValue());
  const tracker = new Tracker(store, changed);
  const plans = new PlanService({ store, fetch: deps.fetch, onChange: deps.redraw, ...(deps.planTimeoutMs ? { timeoutMs: deps.planTimeoutMs } : {}) });
  const members = new MemberReader(teamSettings, deps.fetch);
  const sync = new SyncService({
    store,
    plans,
    fetch: deps.fetch,
    settings: teamSettings,
    readMembers: () => members.read(),
    onChange: async () => {
      await deps.redraw();
      await deps.afterSync();
    },
  });
  const team = new TeamService({
    read: () => deps.teamFolder.getValue(),
    write: (value) => deps.teamFolder.setValue(value),
    sync,
    clearState: () => store.setSyncState(null),
  });
  const notes = new NotesService(store, changed);
  const coordinator = new CoordinatorService({ store, plans, isOn: deps.coordinatorMode, onChange: deps.bumpRevision });
  const signups = new SignupService(store, changed);
  const publisher = new PlanPublisher(store, teamSettings, deps.fetch, deps.bumpRevision);
  const assessments = new SelfAssessmentService(store, changed);

  const noteAnswer = (note: Note | undefined): ResponseMap['noteRemove'] => (note ? { ok: true, note } : { ok: false, error: 'noteMissing' });
  const writeAnswer = (result: NoteWrite): ResponseMap['noteUpdate'] =>
    isConflict(result) ? { ok: false, error: 'noteConflict', note: result.conflict } : noteAnswer(result);

  const pageContext = async (now: Date): Promise<PageContext> => {
    const [stored, progress, collect] = await Promise.all([store.activePlan(), store.progress(), coordinator.context(now)]);
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
  };

  const handlers: Handlers = {
    pageContext: async (_request, now) => ({ ok: true, context: await pageContext(now) }),
    visited: async (request, now) => {
      await tracker.visited(
        request.key,
        request.title,
        {
          ...(request.minutes !== undefined ? { minutes: request.minutes } : {}),
          ...(request.competenceArea ? { competenceArea: request.competenceArea } : {}),
        },
        now,
      );
      return { ok: true };
    },
    completedOnPage: async (request, now) => {
      await tracker.markDone(request.key, request.title, 'detected', now);
      return { ok: true };
    },
    setDone: async (request, now) => {
      if (request.done) await tracker.markDone(request.key, request.title, 'manual', now);
      else await tracker.undoDone(request.key, now);
      return { ok: true };
    },
    importMyPages: async (request, now) => ({ ok: true, ...(await tracker.importCompleted(request.entries, now)) }),
    importPlan: async (request, now) => {
      const result = await plans.loadText(request.text, { kind: 'file', ...(request.name ? { name: request.name } : {}) }, now);
      if (result.ok) await deps.planUrl.setValue(null);
      return result;
    },
    useDemoPlan: async (_request, now) => {
      const plan = demoPlan({ team: t('demoTeamName'), period: (month, area) => t('demoPeriodTitle', [month, area]) }, uiLocale(), now);
      const result = await plans.install(plan, { kind: 'demo' }, now);
      await deps.planUrl.setValue(null);
      return result;
    },
    setPlanUrl: async (request, now) => {
      const result = await plans.fetchUrl(request.url, 'url', now);
      if (result.ok) await deps.planUrl.setValue(request.url.trim());
      return result;
    },
    refreshPlan: async (_request, now) => {
      const address = await deps.planAddress();
      if (!address) return { ok: true, changed: false };
      return plans.fetchUrl(address.url, address.kind, now);
    },
    notesOf: async (request) => ({ ok: true, notes: await notes.forCourse(request.key) }),
    noteCreate: async (request, now) => {
      const result = await notes.create(request.key, request.title, request.text, now, request.id);
      return isConflict(result) ? { ok: false, error: 'noteConflict', note: result.conflict } : { ok: true, note: result };
    },
    noteUpdate: async (request, now) => writeAnswer(await notes.update(request.id, request.patch, now, request.base)),
    noteRemove: async (request, now) => noteAnswer(await notes.remove(request.id, now)),
    noteRestore: async (request, now) => noteAnswer(await notes.restore(request.id, now)),
    dismissPlanChanges: async () => {
      await store.setPlanChanges(null);
      return { ok: true };
    },
    saveDraft: (request, now) => coordinator.save(request.plan, now),
    // Allowed from Digiteket pages: the service accepts it only in coordinator mode.
    addToDraft: (request, now) => coordinator.add(request.periodId, request.items, now),
    useDraft: async (_request, now) => {
      const result = await coordinator.useMyself(now);
      if (result.ok) await deps.planUrl.setValue(null);
      return result;
    },
    joinTeam: ({ type: _type, ...join }, now) => team.join(join, now),
    leaveTeam: async () => {
      await team.leave();
      return { ok: true };
    },
    syncNow: async (_request, now) => ({ ok: true, state: await sync.sync(now) }),
    setSharing: async ({ type: _type, ...patch }, now) => ({ ok: true, state: await team.setSharing(patch, now) }),
    signUp: async (request, now) => {
      if (request.cancel) {
        await signups.cancel(request.sessionId, now);
        return { ok: true };
      }
      return (await signups.signUp(request.sessionId, now)) ? { ok: true } : { ok: false, error: 'signupNoPeriod' };
    },
    teamMembers: () => members.read(),
    saveSelfAssessment: ({ type: _type, ...input }, now) => assessments.save(input, now),
    openReport: async (request) => {
      await deps.openReport(request.section);
      return { ok: true };
    },
    publishPlan: (request) => publisher.publish(request.overwrite),
    takeFolderPlan: async (request, now) =>
      (await publisher.takeRemote(request.etag, now)) ? { ok: true } : { ok: false, error: 'publishTakeFailed' },
    restoreBackup: async (request) => {
      const parsed = parseBackup(request.text);
      if (!parsed.ok) return parsed;
      return { ok: true, ...(await restoreBackup(store, parsed.backup, changed)) };
    },
  };

  function dispatch<T extends RequestType>(type: T, request: Extract<Request, { type: T }>, now: Date): Promise<ResponseMap[T]> {
    const handler: Handlers[T] = handlers[type];
    return handler(request, now);
  }

  return {
    store,
    tracker,
    plans,
    sync,
    team,
    coordinator,
    /** Answers one message; anything malformed, unknown or from a sender not allowed is refused. */
    async handle(raw: unknown, sender: Sender, now: Date = new Date()): Promise<Answer<RequestType>> {
      const parsed = requestSchema.safeParse(raw);
      if (!parsed.success) return { ok: false, error: 'messageRefused' };
      const request = parsed.data;
      if (SENDERS[request.type] === 'extension' && !sender.fromExtensionPage) return { ok: false, error: 'messageRefused' };
      return dispatch(request.type, request, now);
    },
  };
}

export type Worker = ReturnType<typeof createWorker>;
