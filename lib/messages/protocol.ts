import { z } from 'zod';
import { SCALES } from '../model/competence-areas';
import { EXTENSION_REASONS } from '../model/extension';
import { calendarDate } from '../model/fields';
import type { MessageKey } from '../text/i18n';
import { BACKUP_MAX_BYTES, CATALOGUE_BATCH } from '../model/limits';
import { NOTE_MAX_CHARS, type Note } from '../model/note';
import type { SiteAdapterOverrides } from '../model/plan';
import type {
  BackupImportResult,
  CollectContext,
  DraftAddResult,
  DraftSaveResult,
  GrantResult,
  FolderErrorKey,
  ImportResult,
  JoinResult,
  PlanLoadResult,
  PublishResult,
  ReadResult,
  MemberReadingSoFar,
  SaveAssessmentResult,
  SyncState,
} from '../model/results';
import { courseKeySchema } from '../model/course-key';
import type { SaveEvaluationResult } from '../model/evaluation';
import { PAGE_CHECKS } from '../site/page-checks';
import { COURSE_STEPS_MAX, STEP_PATH_MAX } from '../model/progress';
import { isStepOf } from '../site/page-item';
import type { SiteProfile } from '../site/profile';

// The typed channel between content scripts, extension pages and the background. Requests
// are parsed with zod where they arrive; a content script runs beside a page we do not
// control, so nothing it sends is trusted as-is.

const key = courseKeySchema;
const title = z.string().max(300);
const noteId = z.string().min(1).max(100);
const noteText = z.string().max(NOTE_MAX_CHARS);

export const requestSchema = z.discriminatedUnion('type', [
  // `key`: the course of the page asking, when its address names one, for what is remembered of it.
  z.object({ type: z.literal('pageContext'), key: key.optional() }),
  // The steps a done course's landing page lists: only canonical paths of that course's own steps.
  z
    .object({
      type: z.literal('courseSteps'),
      key,
      steps: z.array(z.string().min(1).max(STEP_PATH_MAX)).min(1).max(COURSE_STEPS_MAX),
    })
    .refine((request) => request.steps.every((path) => isStepOf(path, request.key)), { path: ['steps'] }),
  z.object({
    type: z.literal('visited'),
    key,
    title,
    minutes: z.number().int().min(1).max(6000).optional(),
    competenceArea: z.string().max(200).optional(),
  }),
  z.object({ type: z.literal('completedOnPage'), key, title }),
  z.object({ type: z.literal('setDone'), key, done: z.boolean(), title: title.optional() }),
  z.object({
    type: z.literal('importMyPages'),
    entries: z
      .array(z.object({ key, title, completedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}/).optional() }))
      .max(2000),
  }),
  z.object({ type: z.literal('importPlan'), text: z.string().max(2_000_000), name: z.string().max(300).optional() }),
  z.object({ type: z.literal('useDemoPlan') }),
  z.object({ type: z.literal('setPlanUrl'), url: z.string().max(2000) }),
  z.object({ type: z.literal('refreshPlan') }),
  z.object({ type: z.literal('notesOf'), key }),
  // `id` is made by the panel before the first save: a create sent again (a slow or lost
  // answer) finds the note it made instead of making a second one.
  z.object({ type: z.literal('noteCreate'), key, title, text: noteText, id: noteId.optional() }),
  z.object({
    type: z.literal('noteUpdate'),
    id: noteId,
    patch: z.object({ text: noteText.optional(), shared: z.boolean().optional() }),
    // The `updatedAt` the text was typed on; a note changed since is not overwritten.
    base: z.iso.datetime({ offset: true }).optional(),
  }),
  z.object({ type: z.literal('noteRemove'), id: noteId }),
  z.object({ type: z.literal('noteRestore'), id: noteId }),
  // The notes panel's one-time ticket (lib/services/panel-tickets.ts): asked for by the content
  // script for the frame it makes, traded once by the panel in that frame.
  z.object({ type: z.literal('notesPanelTicket'), key, title }),
  z.object({ type: z.literal('notesPanelOpen'), ticket: z.string().regex(/^[0-9a-f]{64}$/) }),
  z.object({ type: z.literal('dismissPlanChanges') }),
  z.object({ type: z.literal('saveDraft'), plan: z.unknown() }),
  z.object({
    type: z.literal('addToDraft'),
    periodId: z.string().min(1).max(100),
    items: z.array(z.object({ key, title: title.min(1), kind: z.enum(['course', 'article']) })).min(1).max(500),
  }),
  // Coordinator mode: the course cards a list showed, for the catalogue (a list page sends its
  // cards in batches of at most this many).
  z.object({
    type: z.literal('catalogueSeen'),
    entries: z
      .array(
        z.object({
          key,
          title: title.trim().min(1),
          area: z.string().trim().min(1).max(200).optional(),
          minutes: z.number().int().min(1).max(6000).optional(),
        }),
      )
      .min(1)
      .max(CATALOGUE_BATCH),
  }),
  z.object({ type: z.literal('useDraft') }),
  z.object({
    type: z.literal('joinTeam'),
    url: z.string().max(2000),
    username: z.string().max(200),
    password: z.string().max(500),
    displayName: z.string().max(100),
    shareProgress: z.boolean(),
    shareNotes: z.boolean(),
  }),
  z.object({ type: z.literal('leaveTeam'), removeFile: z.boolean().optional() }),
  z.object({ type: z.literal('syncNow') }),
  z.object({ type: z.literal('lookAtSignups') }),
  z.object({ type: z.literal('setSharing'), shareProgress: z.boolean(), shareNotes: z.boolean(), displayName: z.string().max(100) }),
  z.object({ type: z.literal('signUp'), sessionId: z.string().min(1).max(100), cancel: z.boolean() }),
  z.object({ type: z.literal('teamMembers') }),
  z.object({ type: z.literal('teamMembersSoFar'), after: z.number().int().min(0).max(1_000_000), of: z.number().int().min(0).optional() }),
  z.object({ type: z.literal('cancelTeamMembers') }),
  z.object({
    type: z.literal('saveSelfAssessment'),
    takenAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    // The highest value of the scale the result was read or typed on.
    scale: z.literal(SCALES),
    scores: z.record(z.string().max(100), z.number()),
    source: z.enum(['page', 'manual']),
    phase: z.enum(['start', 'end']).optional(),
  }),
  z.object({ type: z.literal('openReport'), section: z.enum(['self-assessment']).optional() }),
  z.object({ type: z.literal('publishPlan'), overwrite: z.string().max(300).optional() }),
  z.object({ type: z.literal('takeFolderPlan'), etag: z.string().max(300) }),
  z.object({
    type: z.literal('pageReport'),
    report: z.object({
      address: z.string().max(2000).regex(/^https:\/\/(www\.)?digiteket\.se\//),
      kind: z.string().regex(/^[a-zA-Z]{1,40}$/),
      key: key.optional(),
      title: title.optional(),
      area: z.string().max(200).optional(),
      minutes: z.number().int().min(1).max(6000).optional(),
      found: z.array(z.enum(PAGE_CHECKS)).max(PAGE_CHECKS.length),
      missing: z.array(z.enum(PAGE_CHECKS)).max(PAGE_CHECKS.length),
      profile: z.number().int().min(1).max(1_000_000).optional(),
    }),
  }),
  // A file's text: never longer in characters than the backup's limit in bytes.
  z.object({ type: z.literal('restoreBackup'), text: z.string().max(BACKUP_MAX_BYTES) }),
  z.object({ type: z.literal('forgetTrustedKey') }),
  z.object({ type: z.literal('createSigningKey'), exportable: z.boolean() }),
  z.object({ type: z.literal('exportSigningKey') }),
  z.object({ type: z.literal('importSigningKey'), text: z.string().max(10_000) }),
  z.object({ type: z.literal('planFileText') }),
  // Checked loosely here and rule by rule in the service, so that a bad value gets its own sentence.
  z.object({
    type: z.literal('saveEvaluation'),
    periodId: z.string().min(1).max(100),
    courseKey: key,
    usefulness: z.number(),
    minutes: z.number().optional(),
    comment: z.string().max(20_000).optional(),
    showName: z.boolean().optional(),
  }),
  // A course page only asks: the worker finds the period and opens our own page.
  z.object({ type: z.literal('openEvaluation'), key }),
  z.object({
    type: z.literal('setExtension'),
    periodId: z.string().min(1).max(100),
    deadline: calendarDate,
    reason: z.enum(EXTENSION_REASONS),
    note: z.string().max(300).optional(),
  }),
  z.object({ type: z.literal('removeExtension'), periodId: z.string().min(1).max(100) }),
  z.object({
    type: z.literal('grantExtension'),
    memberId: z.string().min(8).max(100),
    periodId: z.string().min(1).max(100),
    deadline: calendarDate,
    note: z.string().max(300).optional(),
  }),
  z.object({ type: z.literal('revokeExtension'), memberId: z.string().min(8).max(100), periodId: z.string().min(1).max(100) }),
]);

export type Request = z.infer<typeof requestSchema>;
export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

/**
 * Who may send a message:
 * - `site`: a content script (or one of our pages); Digiteket's page is untrusted, so only
 *   what a page needs to show and record.
 * - `extension`: one of our pages in a window or tab of its own (popup, settings, views).
 * - `panel`: those, and the notes panel framed in a course page once its frame holds a grant
 *   (lib/services/panel-tickets.ts), for that grant's course only.
 * - `framed`: only one of our pages framed in a web page (the panel trading its ticket).
 * One of our pages framed in a web page may send `panel` and `framed` messages, nothing else.
 */
export type SenderKind = 'site' | 'extension' | 'panel' | 'framed';

/** Every message's senders; the table names every message, so a new one does not compile until someone decides. */
export const SENDERS: { readonly [T in RequestType]: SenderKind } = {
  pageContext: 'site',
  courseSteps: 'site',
  visited: 'site',
  completedOnPage: 'site',
  setDone: 'site',
  importMyPages: 'site',
  saveSelfAssessment: 'site',
  openReport: 'site',
  // What the adapter recognised on the page, for the site check on the settings page.
  pageReport: 'site',
  // The coordinator collects courses on Digiteket; the worker takes them only in coordinator mode.
  addToDraft: 'site',
  // What course lists showed, for the catalogue; the worker takes it only in coordinator mode.
  catalogueSeen: 'site',
  importPlan: 'extension',
  useDemoPlan: 'extension',
  setPlanUrl: 'extension',
  refreshPlan: 'extension',
  // Notes are read and written only by extension pages (the notes panel is one, in a frame):
  // the page never sees them.
  notesOf: 'panel',
  noteCreate: 'panel',
  noteUpdate: 'panel',
  noteRemove: 'panel',
  noteRestore: 'panel',
  // The worker also checks that the content script is the top frame of its tab.
  notesPanelTicket: 'site',
  notesPanelOpen: 'framed',
  dismissPlanChanges: 'extension',
  saveDraft: 'extension',
  useDraft: 'extension',
  joinTeam: 'extension',
  leaveTeam: 'extension',
  syncNow: 'extension',
  // The popup is open: the places left in the discussions are counted if they are old.
  lookAtSignups: 'extension',
  setSharing: 'extension',
  signUp: 'extension',
  teamMembers: 'extension',
  // The overview fills in while the reading runs.
  teamMembersSoFar: 'extension',
  cancelTeamMembers: 'extension',
  publishPlan: 'extension',
  takeFolderPlan: 'extension',
  restoreBackup: 'extension',
  // Who signs the team's plans: the user's own choices on the settings page and in the planner.
  forgetTrustedKey: 'extension',
  createSigningKey: 'extension',
  exportSigningKey: 'extension',
  importSigningKey: 'extension',
  planFileText: 'extension',
  saveEvaluation: 'extension',
  // The button under a done course's title: opens the evaluation form in a tab, nothing else.
  openEvaluation: 'site',
  // The member's personal deadline, from the popup.
  setExtension: 'extension',
  removeExtension: 'extension',
  // More time for a member, from the coordinator's team overview (into the saved plan).
  grantExtension: 'extension',
  revokeExtension: 'extension',
};

export interface PageItem {
  key: string;
  title: string;
  optional: boolean;
  kind: 'course' | 'article';
  /** The coordinator's advice on the item (plain text). */
  tip?: string;
}

/** The words on the badges of list pages. */
export interface BadgeLabels {
  period: string;
  optional: string;
  done: string;
  /** In coordinator mode, on a course in no period of the saved plan. */
  notInPlan: string;
}

export interface PageContext {
  period?: { title: string; deadline: string; items: PageItem[] };
  done: string[];
  /**
   * Sent with the context because a content script's first `i18n.getMessage` makes the page
   * wait while the browser loads the whole catalogue; a list page needs only these three words.
   */
  labels?: BadgeLabels;
  overrides?: SiteAdapterOverrides;
  /** A newer site profile from the plan, which the content script puts in force before reading. */
  profile?: SiteProfile;
  /** Present in coordinator mode: the saved plan's periods, for collecting courses. */
  collect?: CollectContext;
  /** The steps remembered of the page's course, when it is done and they were recorded. */
  steps?: { key: string; recorded: string[] };
}

/** Failures the protocol itself names; each is the key of the sentence that says why. */
export const ANSWER_ERRORS = [
  // The worker would not take the message (not one of ours, malformed, or not from this sender).
  'messageRefused',
  // The message never reached the worker (the extension was updated or reloaded under the page).
  'messageUndelivered',
  'noteMissing',
  'noteConflict',
  'signupNoPeriod',
  'publishTakeFailed',
  'signingNoKey',
  'signingNotExportable',
  'signingKeyFileInvalid',
  // A notes panel without a valid ticket: not opened from the tab beside a course.
  'notesPanelRefused',
  // No period of the plan in force has the course: there is nothing to evaluate it in.
  'evaluationNoPeriod',
  // A personal deadline that cannot stand for its period (lib/model/extension.ts).
  'extensionNoteMarkup',
  'problem_extensionPeriod',
  'problem_extensionBeforeStart',
  'problem_extensionTooLate',
] as const satisfies readonly MessageKey[];
type AnswerError = (typeof ANSWER_ERRORS)[number];

/** A failed answer: `error` is the message key of the sentence that says why. */
export interface Failure<E extends AnswerError> {
  ok: false;
  error: E;
}

export type ChannelError = Extract<AnswerError, 'messageRefused' | 'messageUndelivered'>;

type Ok<T extends object = object> = { ok: true } & T;

/** The note was changed elsewhere since the text was typed on it: the note as it is now. */
export type NoteConflict = Failure<'noteConflict'> & { note: Note };

export interface ResponseMap {
  pageContext: Ok<{ context: PageContext }>;
  courseSteps: Ok<{ recorded: boolean }>;
  visited: Ok;
  completedOnPage: Ok;
  setDone: Ok;
  importMyPages: ImportResult;
  importPlan: PlanLoadResult;
  useDemoPlan: PlanLoadResult;
  setPlanUrl: PlanLoadResult;
  refreshPlan: PlanLoadResult;
  notesOf: Ok<{ notes: Note[] }>;
  noteCreate: Ok<{ note: Note }> | NoteConflict;
  noteUpdate: Ok<{ note: Note }> | Failure<'noteMissing'> | NoteConflict;
  noteRemove: Ok<{ note: Note }> | Failure<'noteMissing'>;
  noteRestore: Ok<{ note: Note }> | Failure<'noteMissing'>;
  notesPanelTicket: Ok<{ ticket: string }> | Failure<'notesPanelRefused'>;
  notesPanelOpen: Ok<{ key: string; title: string }> | Failure<'notesPanelRefused'>;
  dismissPlanChanges: Ok;
  saveDraft: DraftSaveResult;
  addToDraft: DraftAddResult;
  /** How many cards were new to the catalogue. */
  catalogueSeen: Ok<{ added: number }> | { ok: false; error: 'collectNotCoordinator' };
  useDraft: PlanLoadResult;
  joinTeam: JoinResult;
  leaveTeam: Ok | { ok: false; error: FolderErrorKey };
  syncNow: Ok<{ state: SyncState | null }>;
  lookAtSignups: Ok<{ state: SyncState | null }>;
  setSharing: Ok<{ state: SyncState | null }>;
  signUp: Ok | Failure<'signupNoPeriod'>;
  teamMembers: ReadResult;
  teamMembersSoFar: Ok<{ reading: MemberReadingSoFar | null }>;
  cancelTeamMembers: Ok;
  saveSelfAssessment: SaveAssessmentResult;
  openReport: Ok;
  pageReport: Ok;
  publishPlan: PublishResult;
  takeFolderPlan: Ok | Failure<'publishTakeFailed'>;
  restoreBackup: BackupImportResult;
  forgetTrustedKey: Ok;
  createSigningKey: Ok<{ fingerprint: string }>;
  /** The key file's text, for a co-coordinator. */
  exportSigningKey: Ok<{ text: string; fingerprint: string }> | Failure<'signingNoKey' | 'signingNotExportable'>;
  importSigningKey: Ok<{ fingerprint: string }> | Failure<'signingKeyFileInvalid'>;
  /** The saved plan as a file's text, signed when this browser has a signing key. */
  planFileText: Ok<{ text: string }> | { ok: false; error: 'noDraftSaved' };
  saveEvaluation: SaveEvaluationResult;
  openEvaluation: Ok | Failure<'evaluationNoPeriod'>;
  setExtension: Ok | Failure<'extensionNoteMarkup' | 'problem_extensionPeriod' | 'problem_extensionBeforeStart' | 'problem_extensionTooLate'>;
  removeExtension: Ok | Failure<'problem_extensionPeriod'>;
  grantExtension: GrantResult;
  revokeExtension: GrantResult;
}

/**
 * One shape for every answer: `{ok: true, …}`, or `{ok: false, error}` where `error` is the key
 * of the sentence that says why (extra fields may carry details, such as a plan's problems).
 * An answer of any other shape does not compile here.
 */
export type AnswerShape = { ok: true } | { ok: false; error: MessageKey };
type Checked<M extends { [T in RequestType]: AnswerShape }> = M;

/** What a sender gets back: the worker's answer, or why there was none. */
export type Answer<T extends RequestType> = Checked<ResponseMap>[T] | Failure<ChannelError>;

/** What every request that loads a plan answers (file, address, demo, the coordinator's own). */
export type PlanAnswer = Answer<'importPlan'>;
