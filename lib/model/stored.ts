import type { Plan } from './plan';
import type { PublicKey } from './plan-signature';
import type { PlanLoadError, PlanTrustError } from './results';
import type { MemberFile } from './member';

// What the extension keeps in its database besides the records of the member file. Named
// here, with the model, so pages and services can speak of it without the database module.

/** One change of a plan, as staff are told of it. */
export type PlanChange =
  | { kind: 'itemsAdded'; period: string; count: number }
  | { kind: 'itemsRemoved'; period: string; count: number }
  | { kind: 'deadlineMoved'; period: string; from: string; to: string }
  | { kind: 'periodAdded'; period: string }
  | { kind: 'periodRemoved'; period: string }
  | { kind: 'pausedChanged'; period: string; paused: boolean }
  | { kind: 'sessionsChanged'; period: string };

export type PlanSource =
  | { kind: 'file'; name?: string }
  | { kind: 'url'; url: string }
  | { kind: 'managed'; url: string }
  | { kind: 'demo' }
  | { kind: 'editor' }
  | { kind: 'folder'; url: string };

export interface StoredPlan {
  plan: Plan;
  source: PlanSource;
  loadedAt: string;
  /** Fingerprint of the key that signed the plan (lib/model/plan-signature.ts); absent when unsigned. */
  signedBy?: string;
}

/** The coordinator's key as this browser trusts it: the first key a signed plan came with. */
export interface TrustedKey {
  fingerprint: string;
  key: PublicKey;
  /** When it was first seen. */
  since: string;
}

/** What this browser knows of who signs the team's plans. */
export interface TrustState {
  pinned?: TrustedKey;
  /** The last plan refused for its signature, until a plan is taken again. */
  refused?: { at: string; error: PlanTrustError; source: PlanSource['kind'] };
}

/** The coordinator's own signing key, kept in this browser. */
export interface StoredSigningKey {
  /** Non-extractable unless the coordinator chose at its creation to be able to save it as a file. */
  privateKey: CryptoKey;
  publicKey: PublicKey;
  fingerprint: string;
  createdAt: string;
}

export interface PlanFetchState {
  url: string;
  etag?: string;
  checkedAt?: string;
  /** Message key of the last failure, cleared by the next success. */
  error?: PlanLoadError;
}

/** What the last plan update changed, until the user has seen it. */
export interface PlanChanges {
  at: string;
  changes: PlanChange[];
}

/** The coordinator's plan as last saved in the editor; always a valid plan. */
export interface StoredDraft {
  plan: Plan;
  savedAt: string;
  /** ETag of the team folder's plan.json this plan was last published as or taken from. */
  folderEtag?: string;
}


/**
 * This member's own file as last written to (or read from) the team folder, with its ETag: the
 * next sync asks the folder only whether it changed (`If-None-Match`), and a 304 needs no body.
 */
export interface MemberCopy {
  base: string;
  etag: string;
  member: MemberFile;
}

/** A team member's file as the last reading of the folder found it, under the listing's ETag. */
export interface CachedMemberFile {
  name: string;
  etag: string;
  result: { ok: true; member: MemberFile } | { ok: false; reason: 'notJson' | 'tooLarge' | 'invalid' | 'wrongMember' | 'unreadable' };
}
