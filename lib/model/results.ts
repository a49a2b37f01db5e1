import type { GrantedExtension } from './extension';
import type { MemberFile } from './member';
import type { Plan } from './plan';
import type { PlanProblem } from './plan-parse';
import type { SelfAssessmentRecord } from './self-assessment';

// What the worker's services answer and what they keep about the team folder. They live with
// the model, not with the services, so the message protocol and the pages can name them
// without importing any service.

/**
 * Every way the team folder can fail; each has its sentence (`syncError_<error>`).
 * `timeout`: no whole answer in time (headers or body); `interrupted`: an answer broken off
 * midway; `failed`: anything else that stopped a sync (an exception, a write refused here).
 */
export const FOLDER_ERRORS = [
  'auth',
  'notFolder',
  'notFound',
  'full',
  'timeout',
  'unreachable',
  'busy',
  'server',
  'redirected',
  'interrupted',
  'failed',
] as const;
export type FolderError = (typeof FOLDER_ERRORS)[number];

/** A folder failure as an answer carries it: the key of its sentence. */
export type FolderErrorKey = `syncError_${FolderError}`;
export const folderErrorKey = (error: FolderError): FolderErrorKey => `syncError_${error}`;

/** What the last team-folder sync did, kept in the database for the popup and settings page. */
export interface SyncState {
  /** The folder this state belongs to; a new folder starts afresh. */
  base: string;
  lastTryAt?: string;
  lastOkAt?: string;
  error?: FolderError;
  /** The folder's plan.json could not be used (the plan in force stays). */
  planProblem?: boolean;
  failures: number;
  nextTryAt?: string;
  planEtag?: string;
  /**
   * When this member's own file in the folder was last found written by someone else (not
   * sealed by this membership's key); shown as a warning until a day after, see sync-service.
   */
  memberChangedAt?: string;
  /** A sealed member file was written to this folder: from then on an unsealed one is foreign. */
  memberSealed?: boolean;
  /** Sign-ups per session across the team's member files, at the last sync (this member's included). */
  signupCounts?: Record<string, number>;
  /** When the sign-ups were last counted. */
  signupCountsAt?: string;
  /** Syncs in a row that found nothing new either way (lib/time/sync-schedule.ts). */
  quietSyncs?: number;
}

/**
 * Why a plan whose contents are fine was still refused: who signed it (lib/services/plan-trust.ts).
 * Each is the key of its message.
 */
export const PLAN_TRUST_ERRORS = ['planNotSigned', 'planSignedByOther', 'planSignatureInvalid', 'planSignatureUnsupported', 'planSignedOlder'] as const;
export type PlanTrustError = (typeof PLAN_TRUST_ERRORS)[number];

/**
 * Why a plan was not put in force, its problems aside; each is also the key of its message
 * (`t(error)` is type-checked against the catalogue). `noDraftSaved` is the planner's
 * "use it myself" with nothing saved yet.
 */
export const PLAN_LOAD_ERRORS = [
  'urlNotHttps',
  'urlHtml',
  'urlNotFound',
  'urlDenied',
  'urlTimeout',
  'urlUnreachable',
  'urlHttp',
  'urlTooLarge',
  'urlRedirected',
  'urlInvalidPlan',
  'noDraftSaved',
  'planSetByOrganisation',
  ...PLAN_TRUST_ERRORS,
] as const;
export type PlanLoadError = (typeof PLAN_LOAD_ERRORS)[number];

/** What a plan address can answer instead of a plan. */
export type UrlError = Exclude<PlanLoadError, 'urlInvalidPlan' | 'noDraftSaved' | 'planSetByOrganisation' | PlanTrustError>;

/** A plan that did not validate: the sentence, and each problem for the list under it. */
export interface PlanRefused {
  ok: false;
  error: 'planHasProblems';
  problems: PlanProblem[];
}

export type PlanLoadResult = { ok: true; changed: boolean } | PlanRefused | { ok: false; error: PlanLoadError };

export const planRefused = (problems: PlanProblem[]): PlanRefused => ({ ok: false, error: 'planHasProblems', problems });

export type ImportResult = { ok: true; imported: number; alreadyDone: number };

/** Every problem an imported backup can have; each has its message `backup_<problem>`. */
export const BACKUP_PROBLEMS = ['notJson', 'wrongKind', 'newerVersion', 'invalid', 'tooLarge'] as const;
export type BackupProblem = (typeof BACKUP_PROBLEMS)[number];

/** Loading the user's backup file: how many records it brought, or what is wrong with it. */
export type BackupErrorKey = `backup_${BackupProblem}`;
export type BackupImportResult = { ok: true; notes: number; progress: number } | { ok: false; error: BackupErrorKey; path?: string };

export type JoinResult = { ok: true; state: SyncState | null } | { ok: false; error: FolderErrorKey | 'teamError_badAddress' | 'teamError_insecure' | 'teamError_managed' };

export type SkipReason = 'notJson' | 'tooLarge' | 'invalid' | 'wrongMember' | 'unreadable';

export interface MemberReading {
  members: MemberFile[];
  skipped: Array<{ name: string; reason: SkipReason }>;
  /** Files past the cap of one reading, not read at all. */
  overCap?: number;
  /** The reading was stopped: this many listed files were not read (what was read is here and kept). */
  unread?: number;
}

/** Files read by a reading still running, after those the asker already has. */
export interface MemberReadingSoFar extends MemberReading {
  /** Which reading this is: a page that had files of another one starts afresh. */
  reading: number;
  /** The files here follow this many of the reading's (0: these are all it has read). */
  from: number;
  /** How many files the reading has read in all: the next asking starts after them. */
  next: number;
  /** How many files it reads in all. */
  total: number;
}

/** `teamNoFolder`: this browser has joined no team folder. */
export type ReadResult = ({ ok: true } & MemberReading) | { ok: false; error: FolderErrorKey | 'teamNoFolder' };

export type PublishResult =
  | { ok: true }
  | { ok: false; error: FolderErrorKey | 'publishNotJoined' | 'noDraftSaved' }
  | { ok: false; error: 'publishConflict'; conflict: { remote: Plan | null; etag: string } };

/**
 * Failures of the coordinator's collecting and of saving a self-assessment; each is also the
 * key of its message (`t(error)` is type-checked where it is shown).
 */
export const RESULT_ERRORS = ['collectNotCoordinator', 'collectNoPeriod', 'collectFailed', 'assessmentInvalid'] as const;
type ResultError = (typeof RESULT_ERRORS)[number];

export type SaveAssessmentResult = { ok: true; record: SelfAssessmentRecord } | { ok: false; error: Extract<ResultError, 'assessmentInvalid'> };

/** In coordinator mode: the saved plan's periods, for collecting courses on Digiteket. */
export interface CollectContext {
  periods: Array<{ id: string; title: string; keys: string[] }>;
  /** The period courses most likely go to: the first one not yet over, not paused. */
  suggested?: string;
}

export type DraftSaveResult = { ok: true; savedAt: string } | { ok: false; error: 'notSavedProblems'; problems: PlanProblem[] };

/** Granting or taking back more time for a member: the saved plan's grants afterwards. */
export type GrantResult =
  | { ok: true; extensions: GrantedExtension[] }
  | {
      ok: false;
      error: 'collectNotCoordinator' | 'noDraftSaved' | 'problem_extensionPeriod' | 'grantNotLater' | 'problem_extensionBeforeStart' | 'problem_extensionTooLate' | 'extensionNoteMarkup' | 'grantNotSaved';
    };

export type DraftAddResult =
  | { ok: true; added: number; alreadyThere: number }
  | { ok: false; error: Exclude<ResultError, 'assessmentInvalid'> };
