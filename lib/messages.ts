import { z } from 'zod';
import type { PlanProblem } from './model/plan-parse';
import { NOTE_MAX_CHARS, type Note } from './model/note';
import type { SiteAdapterOverrides } from './model/plan';
import type { CollectContext, DraftAddResult, DraftSaveResult } from './coordinator/types';
import type { SyncState } from './sync/sync-state';
import type { JoinResult } from './sync/team-service';
import type { ReadResult } from './team/member-reader';
import type { PublishResult } from './coordinator/publish';
import type { SaveAssessmentResult } from './self-assessment';
import type { PlanLoadError } from './plan-service';

// The typed channel between content scripts, extension pages and the background. Requests
// are parsed with zod where they arrive; a content script runs beside a page we do not
// control, so nothing it sends is trusted as-is.

const key = z.string().min(1).max(500).regex(/^digiteket\.se\//);
const title = z.string().max(300);
const noteId = z.string().min(1).max(100);
const noteText = z.string().max(NOTE_MAX_CHARS);

export const requestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('pageContext') }),
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
  z.object({ type: z.literal('noteCreate'), key, title, text: noteText }),
  z.object({
    type: z.literal('noteUpdate'),
    id: noteId,
    patch: z.object({ text: noteText.optional(), shared: z.boolean().optional() }),
  }),
  z.object({ type: z.literal('noteRemove'), id: noteId }),
  z.object({ type: z.literal('noteRestore'), id: noteId }),
  z.object({ type: z.literal('dismissPlanChanges') }),
  z.object({ type: z.literal('saveDraft'), plan: z.unknown() }),
  z.object({
    type: z.literal('addToDraft'),
    periodId: z.string().min(1).max(100),
    items: z.array(z.object({ key, title: title.min(1), kind: z.enum(['course', 'article']) })).min(1).max(500),
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
  z.object({ type: z.literal('leaveTeam') }),
  z.object({ type: z.literal('syncNow') }),
  z.object({ type: z.literal('setSharing'), shareProgress: z.boolean(), shareNotes: z.boolean(), displayName: z.string().max(100) }),
  z.object({ type: z.literal('signUp'), sessionId: z.string().min(1).max(100), cancel: z.boolean() }),
  z.object({ type: z.literal('teamMembers') }),
  z.object({
    type: z.literal('saveSelfAssessment'),
    takenAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    scores: z.record(z.string().max(100), z.number()),
    source: z.enum(['page', 'manual']),
    phase: z.enum(['start', 'end']).optional(),
  }),
  z.object({ type: z.literal('openReport'), section: z.enum(['self-assessment']).optional() }),
  z.object({ type: z.literal('publishPlan'), overwrite: z.string().max(300).optional() }),
  z.object({ type: z.literal('takeFolderPlan'), etag: z.string().max(300) }),
]);

export type Request = z.infer<typeof requestSchema>;
export type RequestType = Request['type'];

export interface PageItem {
  key: string;
  title: string;
  optional: boolean;
  kind: 'course' | 'article';
}

/** The words on the badges of list pages. */
export interface BadgeLabels {
  period: string;
  optional: string;
  done: string;
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
  /** Present in coordinator mode: the saved plan's periods, for collecting courses. */
  collect?: CollectContext;
}

export type PlanLoadResult =
  | { ok: true; changed: boolean }
  | { ok: false; problems: PlanProblem[] }
  | { ok: false; error: PlanLoadError };

export type ImportResult = { ok: true; imported: number; alreadyDone: number };

export interface ResponseMap {
  pageContext: PageContext;
  visited: { ok: true };
  completedOnPage: { ok: true };
  setDone: { ok: true };
  importMyPages: ImportResult;
  importPlan: PlanLoadResult;
  useDemoPlan: PlanLoadResult;
  setPlanUrl: PlanLoadResult;
  refreshPlan: PlanLoadResult;
  notesOf: Note[];
  noteCreate: Note;
  noteUpdate: Note | null;
  noteRemove: Note | null;
  noteRestore: Note | null;
  dismissPlanChanges: { ok: true };
  saveDraft: DraftSaveResult;
  addToDraft: DraftAddResult;
  useDraft: PlanLoadResult;
  joinTeam: JoinResult;
  leaveTeam: { ok: true };
  syncNow: SyncState | null;
  setSharing: SyncState | null;
  signUp: { ok: boolean };
  teamMembers: ReadResult;
  saveSelfAssessment: SaveAssessmentResult;
  openReport: { ok: true };
  publishPlan: PublishResult;
  takeFolderPlan: { ok: boolean };
}

export type Response<T extends RequestType> = ResponseMap[T];
