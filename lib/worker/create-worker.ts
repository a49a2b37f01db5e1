import { parseBackup, restoreBackup } from '../domain/backup';
import { CoordinatorService } from '../services/coordinator-service';
import { CatalogueService } from '../services/catalogue';
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
import { EvaluationService } from '../services/evaluations';
import { periodOfCourse } from '../time/evaluable';
import { SignupService } from '../services/signups';
import { ExtensionService, memberExtensions } from '../services/extensions';
import { deadlineOf } from '../time/personal-deadline';
import type { Store } from '../storage/store';
import { SyncService } from '../sync/sync-service';
import { parseTeamSettings, type TeamSettings } from '../folder/team-settings';
import { TeamService } from '../sync/team-service';
import { MemberReader, type ReadProgress } from '../sync/member-reader';
import { newSealKey } from '../sync/member-seal';
import type { SyncState } from '../model/results';
import type { PlanAddress } from '../services/managed';
import { NO_MANAGED, type ManagedSettings } from '../folder/managed';
import { folderAddress } from '../folder/address';
import { doneKeys, Tracker } from '../services/tracker';
import { SigningKeys } from '../services/signing-keys';
import { acceptedOverrides } from '../site/override-rules';
import { withSeenPage, type SeenPage } from '../site/page-checks';
import { PanelTickets, type SenderPlace, type TicketStore } from '../services/panel-tickets';

// The background worker's services wired together, and the one place that answers messages.
// background.ts gives it the browser; the tests give it fakes. Requests are parsed first and
// taken only from the senders SENDERS allows: a content script runs inside a website.

export interface Sender {
  /** True when the message comes from an extension page (popup, options), not a web page. */
  fromExtensionPage: boolean;
  /** The tab and frame it came from, when the browser names them. */
  place?: SenderPlace;
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
  /** What the organisation's policy presets (managed storage); it locks what it sets. */
  managed?: () => Promise<ManagedSettings>;
  /** Something shown changed: the toolbar count and open Digiteket tabs redraw. */
  redraw: () => Promise<void>;
  /** Only open Digiteket tabs redraw (the coordinator's draft changed). */
  bumpRevision: () => Promise<void>;
  /** A note changed: only the pages that show notes redraw (the toolbar and Digiteket tabs do not). */
  notesChanged: () => Promise<void>;
  /** What the member did goes to the team folder shortly. */
  scheduleSync: () => void;
  /** After each sync, with the state it ended in, e.g. to plan the retry alarm. */
  afterSync: (state: SyncState) => Promise<void>;
  openReport: (section?: string) => Promise<void>;
  /** Opens the evaluation form for one course of a period in a new tab (none without a browser). */
  openEvaluation?: (periodId: string, key: string) => Promise<void>;
  /** The Digiteket pages seen last, for the site check (extension storage); in memory if not given. */
  seenPages?: Setting<SeenPage[]>;
  /** How long a plan address may take to answer. */
  planTimeoutMs?: number;
  /** Where the notes panel's tickets are kept (the browser's session storage); in memory if not given. */
  panelTickets?: TicketStore;
  /** How far the reading of the team's member files has come, for the overview's progress bar (null: none running). */
  readProgress?: (progress: ReadProgress | null) => void;
}

type Handlers = { [T in RequestType]: (request: Extract<Request, { type: T }>, now: Date, sender: Sender) => Promise<ResponseMap[T]> };

/** One of our pages inside a web page's tab: the notes panel, or a copy a page framed itself. */
const isFramed = (sender: Sender) => sender.fromExtensionPage && sender.place !== undefined && sender.place.frameId !== 0;

function memoryStore(): TicketStore {
  let value: unknown = null;
  return {
    read: async () => value,
    write: async (next) => {
      value = next;
    },
  };
}

export function createWorker(deps: WorkerDeps) {
  const { store } = deps;
  const changed = async () => {
    await deps.redraw();
    deps.scheduleSync();
  };
  // A membership from before member files were sealed gets its key on first reading, once
  // (concurrent readers wait for the same one: two keys would make its own file look foreign).
  let sealing: Promise<TeamSettings> | null = null;
  const teamSettings = async (): Promise<TeamSettings | null> => {
    const settings = parseTeamSettings(await deps.teamFolder.getValue());
    if (!settings || settings.sealKey) return settings;
    sealing ??= (async () => {
      const keyed = { ...settings, sealKey: newSealKey() };
      await deps.teamFolder.setValue(keyed);
      return keyed;
    })().finally(() => (sealing = null));
    return sealing;
  };
  const managed = deps.managed ?? (async () => NO_MANAGED);
  // A plan the organisation set by policy is the only plan: no file, example or address replaces it.
  const planLocked = async () => (await managed()).planUrl !== null;
  const tracker = new Tracker(store, changed);
  const plans = new PlanService({ store, fetch: deps.fetch, onChange: deps.redraw, ...(deps.planTimeoutMs ? { timeoutMs: deps.planTimeoutMs } : {}) });
  const members = new MemberReader(
    teamSettings,
    deps.fetch,
    undefined,
    {
      load: (base) => store.cachedMemberFiles(base),
      save: (base, changed, gone) => store.putCachedMemberFiles(base, changed, gone),
    },
    deps.readProgress,
  );
  const sync = new SyncService({
    store,
    plans,
    fetch: deps.fetch,
    settings: teamSettings,
    readMembers: () => members.read(),
    onChange: () => deps.redraw(),
    afterSync: (state) => deps.afterSync(state),
  });
  const team = new TeamService({
    read: () => deps.teamFolder.getValue(),
    write: (value) => deps.teamFolder.setValue(value),
    sync,
    clearState: () => store.setSyncState(null),
  });
  const notes = new NotesService(store, async (toFolder) => {
    await deps.notesChanged();
    if (!toFolder) return;
    // When the member does not share notes with the team, the member file carries none: a sync
    // would only cost requests. Settings that cannot be read schedule it, as before.
    const sharing = await deps.teamFolder.getValue().then((raw) => parseTeamSettings(raw)?.shareNotes === true, () => true);
    if (sharing) deps.scheduleSync();
  });
  const coordinator = new CoordinatorService({ store, plans, isOn: deps.coordinatorMode, onChange: deps.bumpRevision });
  const catalogue = new CatalogueService(store, deps.coordinatorMode);
  const signups = new SignupService(store, changed);
  const signingKeys = new SigningKeys(store);
  const publisher = new PlanPublisher(store, teamSettings, deps.fetch, deps.bumpRevision, (plan) => signingKeys.planText(plan));
  const assessments = new SelfAssessmentService(store, changed);
  const evaluations = new EvaluationService(store, changed);
  // A personal deadline changes days left, the badges and the toolbar, and goes to the team folder.
  const extensions = new ExtensionService(store, changed);
  const panels = new PanelTickets(deps.panelTickets ?? memoryStore());
  let seen: SeenPage[] = [];
  const seenPages: Setting<SeenPage[]> = deps.seenPages ?? { getValue: async () => seen, setValue: async (value) => void (seen = value) };

  const noteAnswer = (note: Note | undefined): ResponseMap['noteRemove'] => (note ? { ok: true, note } : { ok: false, error: 'noteMissing' });
  const writeAnswer = (result: NoteWrite): ResponseMap['noteUpdate'] =>
    isConflict(result) ? { ok: false, error: 'noteConflict', note: result.conflict } : noteAnswer(result);

  const pageContext = async (now: Date, pageKey?: string): Promise<PageContext> => {
    const [stored, progress, collect, settings] = await Promise.all([store.activePlan(), store.progress(), coordinator.context(now), teamSettings()]);
    const done = doneKeys(progress);
    const labels = { period: t('badgePeriod'), optional: t('badgeOptional'), done: t('badgeDone'), notInPlan: t('badgeNotInPlan') };
    const record = pageKey ? progress.get(pageKey) : undefined;
    const remembered = record?.status === 'done' && record.steps ? { steps: { key: record.courseKey, recorded: record.steps } } : {};
    if (!stored) return { done, labels, ...remembered, ...(collect ? { collect } : {}) };
    const deadline = deadlineOf(await memberExtensions(store, stored.plan, settings?.memberId));
    const period = currentPeriod(stored.plan, now, deadline);
    // A plan stored before its overrides were checked gets no say for the ones now refused.
    const overrides = acceptedOverrides(stored.plan.siteAdapter);
    // Checked when the plan was read (lib/model/site-profile.ts); only a newer one is applied.
    const profile = stored.plan.siteAdapter?.profile;
    return {
      done,
      labels,
      ...remembered,
      ...(collect ? { collect } : {}),
      ...(overrides ? { overrides } : {}),
      ...(profile ? { profile } : {}),
      ...(period
        ? {
            period: {
              title: period.title,
              // The member's: a badge says "klar senast" the personal deadline when one applies.
              deadline: deadline(period),
              items: period.items.flatMap((item) => {
                const key = courseKey(item.url);
                return key ? [{ key, title: item.title, optional: item.optional === true, kind: item.kind, ...(item.tip ? { tip: item.tip } : {}) }] : [];
              }),
            },
          }
        : {}),
    };
  };

  const handlers: Handlers = {
    pageContext: async (request, now) => ({ ok: true, context: await pageContext(now, request.key) }),
    courseSteps: async (request) => ({ ok: true, recorded: await tracker.recordSteps(request.key, request.steps) }),
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
      if (await planLocked()) return { ok: false, error: 'planSetByOrganisation' };
      const result = await plans.loadText(request.text, { kind: 'file', ...(request.name ? { name: request.name } : {}) }, now);
      if (result.ok) await deps.planUrl.setValue(null);
      return result;
    },
    useDemoPlan: async (_request, now) => {
      if (await planLocked()) return { ok: false, error: 'planSetByOrganisation' };
      const plan = demoPlan({ team: t('demoTeamName'), period: (month, area) => t('demoPeriodTitle', [month, area]) }, uiLocale(), now);
      const result = await plans.install(plan, { kind: 'demo' }, now);
      await deps.planUrl.setValue(null);
      return result;
    },
    setPlanUrl: async (request, now) => {
      if (await planLocked()) return { ok: false, error: 'planSetByOrganisation' };
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
    notesPanelTicket: async (request, now, sender) => {
      // Only the content script of a tab's top frame: not a frame of the page, not one of ours.
      const ticket = sender.place && !sender.fromExtensionPage ? await panels.issue(sender.place, request.key, request.title, now) : null;
      return ticket ? { ok: true, ticket } : { ok: false, error: 'notesPanelRefused' };
    },
    notesPanelOpen: async (request, now, sender) => {
      const grant = sender.place ? await panels.redeem(request.ticket, sender.place, now) : null;
      return grant ? { ok: true, ...grant } : { ok: false, error: 'notesPanelRefused' };
    },
    dismissPlanChanges: async () => {
      await store.setPlanChanges(null);
      // Only pages show the notice: no toolbar count or sync to redo, but their drawings are old.
      await deps.bumpRevision();
      return { ok: true };
    },
    saveDraft: (request, now) => coordinator.save(request.plan, now),
    // Allowed from Digiteket pages: the service accepts it only in coordinator mode.
    addToDraft: (request, now) => coordinator.add(request.periodId, request.items, now),
    // Allowed from Digiteket pages: the service records nothing outside coordinator mode.
    catalogueSeen: (request, now) => catalogue.learn(request.entries, now),
    useDraft: async (_request, now) => {
      const result = await coordinator.useMyself(now);
      if (result.ok) await deps.planUrl.setValue(null);
      return result;
    },
    joinTeam: async ({ type: _type, ...join }, now) => {
      // A folder the organisation set is the only one this browser joins.
      const preset = (await managed()).teamFolderUrl;
      if (preset && folderAddress(preset)?.base !== folderAddress(join.url)?.base) return { ok: false, error: 'teamError_managed' };
      return team.join(join, now);
    },
    leaveTeam: async (request) => {
      // A file that cannot be removed now keeps the membership, so the member can try again.
      if (request.removeFile) {
        const removed = await sync.removeMember();
        if (!removed.ok) return removed;
      }
      await team.leave();
      return { ok: true };
    },
    syncNow: async (_request, now) => ({ ok: true, state: await sync.sync(now, { asked: true }) }),
    lookAtSignups: async (_request, now) => ({ ok: true, state: await sync.lookAtSignups(now) }),
    setSharing: async ({ type: _type, ...patch }, now) => ({ ok: true, state: await team.setSharing(patch, now) }),
    signUp: async (request, now) => {
      if (request.cancel) {
        await signups.cancel(request.sessionId, now);
        return { ok: true };
      }
      return (await signups.signUp(request.sessionId, now)) ? { ok: true } : { ok: false, error: 'signupNoPeriod' };
    },
    teamMembers: () => members.read(),
    teamMembersSoFar: async (request) => ({ ok: true, reading: members.soFar(request.after, request.of) }),
    cancelTeamMembers: async () => {
      members.cancel();
      return { ok: true };
    },
    saveSelfAssessment: ({ type: _type, ...input }, now) => assessments.save(input, now),
    pageReport: async (request, now) => {
      await seenPages.setValue(withSeenPage(await seenPages.getValue(), request.report, now));
      return { ok: true };
    },
    openReport: async (request) => {
      await deps.openReport(request.section);
      return { ok: true };
    },
    publishPlan: (request) => publisher.publish(request.overwrite),
    takeFolderPlan: async (request, now) =>
      (await publisher.takeRemote(request.etag, now)) ? { ok: true } : { ok: false, error: 'publishTakeFailed' },
    restoreBackup: async (request) => {
      const parsed = parseBackup(request.text);
      if (!parsed.ok) return { ok: false, error: `backup_${parsed.problem}`, ...(parsed.path !== undefined ? { path: parsed.path } : {}) };
      return { ok: true, ...(await restoreBackup(store, parsed.backup, changed)) };
    },
    forgetTrustedKey: async () => {
      await plans.trust.forget();
      // The folder's plan, refused until now, is looked at again at once.
      await deps.redraw();
      deps.scheduleSync();
      return { ok: true };
    },
    createSigningKey: async (request, now) => {
      const created = await signingKeys.create(request.exportable, now);
      await deps.bumpRevision();
      return created;
    },
    exportSigningKey: () => signingKeys.exportFile(),
    importSigningKey: async (request, now) => {
      const imported = await signingKeys.importFile(request.text, now);
      if (imported.ok) await deps.bumpRevision();
      return imported;
    },
    setExtension: (request, now) => extensions.set(request, now),
    removeExtension: (request, now) => extensions.remove(request.periodId, now),
    grantExtension: ({ type: _type, ...grant }, now) => coordinator.grant(grant, now),
    revokeExtension: ({ type: _type, ...which }, now) => coordinator.revoke(which, now),
    planFileText: async () => {
      const draft = await store.draft();
      return draft ? { ok: true, text: await signingKeys.planText(draft.plan) } : { ok: false, error: 'noDraftSaved' };
    },
    saveEvaluation: ({ type: _type, ...input }, now) => evaluations.save(input, now),
    openEvaluation: async (request, now) => {
      const stored = await store.activePlan();
      const period = stored ? periodOfCourse(stored.plan, request.key, now) : undefined;
      if (!period) return { ok: false, error: 'evaluationNoPeriod' };
      await deps.openEvaluation?.(period.id, request.key);
      return { ok: true };
    },
  };

  function dispatch<T extends RequestType>(type: T, request: Extract<Request, { type: T }>, now: Date, sender: Sender): Promise<ResponseMap[T]> {
    const handler: Handlers[T] = handlers[type];
    return handler(request, now, sender);
  }

  /** Whether `sender` may send `request` (SENDERS says who; a framed panel needs its grant). */
  async function allowed(request: Request, sender: Sender): Promise<boolean> {
    const framed = isFramed(sender);
    switch (SENDERS[request.type]) {
      case 'site':
        return !framed;
      case 'extension':
        return sender.fromExtensionPage && !framed;
      case 'framed':
        return framed;
      case 'panel': {
        if (!sender.fromExtensionPage) return false;
        if (!framed || !sender.place) return true;
        const grant = await panels.grantOf(sender.place);
        if (!grant) return false;
        // A granted panel works on its own course's notes, nothing else.
        if ('key' in request) return request.key === grant.key;
        if ('id' in request) return (await store.note(request.id))?.courseKey === grant.key;
        return false;
      }
    }
  }

  return {
    store,
    tracker,
    plans,
    sync,
    team,
    coordinator,
    panels,
    /** This member's id in the team folder, if in one: a deadline granted in the plan is for it. */
    memberId: async () => (await teamSettings())?.memberId,
    /** Answers one message; anything malformed, unknown or from a sender not allowed is refused. */
    async handle(raw: unknown, sender: Sender, now: Date = new Date()): Promise<Answer<RequestType>> {
      const parsed = requestSchema.safeParse(raw);
      if (!parsed.success) return { ok: false, error: 'messageRefused' };
      const request = parsed.data;
      if (!(await allowed(request, sender))) return { ok: false, error: 'messageRefused' };
      return dispatch(request.type, request, now, sender);
    },
  };
}

export type Worker = ReturnType<typeof createWorker>;
