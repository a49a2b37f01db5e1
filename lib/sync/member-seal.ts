import { LEGACY_SCALE, type AreaId } from '../model/competence-areas';
import { LEGACY_AREA_NAMES } from '../model/self-assessment';
import type { MemberFile } from '../model/member';

// Everyone who can write the team folder can write `members/<memberId>.json`, this member's
// file included: the folder cannot tell the member from a colleague, or from anyone the share
// link reached. So the file carries a seal, an HMAC-SHA-256 over its content under a key made
// at joining and kept with the password in this browser (never in the folder, never in a
// backup). A file this membership sealed is this member's own, written here or in another
// browser given the same membership; any other file under its name was written by someone
// else. Replaying an older sealed copy is harmless: records merge by `updatedAt`, so older
// records change nothing newer.

const KEY_BYTES = 32;

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> | null {
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** A new membership's sealing key (256 random bits, base64url). */
export function newSealKey(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(KEY_BYTES)));
}

/**
 * The file's content as one string that does not depend on how a reader ordered its keys:
 * keys sorted at every level, absent and undefined alike left out, the seal itself excluded.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function content(member: MemberFile): Uint8Array<ArrayBuffer> {
  const { seal: _seal, ...rest } = member;
  return new TextEncoder().encode(canonicalJson(rest));
}

async function hmacKey(key: string, usage: 'sign' | 'verify'): Promise<CryptoKey | null> {
  const raw = fromBase64url(key);
  if (!raw || raw.byteLength !== KEY_BYTES) return null;
  return crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, [usage]);
}

/** The file with its seal under `key` (any seal it had is replaced). */
export async function sealMember(member: MemberFile, key: string): Promise<MemberFile> {
  const hmac = await hmacKey(key, 'sign');
  const { seal: _old, ...rest } = member;
  if (!hmac) return rest;
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', hmac, content(member)));
  return { ...rest, seal: base64url(signature) };
}

/** True only when the file carries a seal made with `key` over exactly this content. */
export async function isSealedBy(member: MemberFile, key: string): Promise<boolean> {
  if (!member.seal) return false;
  const signature = fromBase64url(member.seal);
  const hmac = await hmacKey(key, 'verify');
  if (!signature || !hmac) return false;
  // The browser's own comparison, in constant time.
  if (await crypto.subtle.verify('HMAC', hmac, signature, content(member))) return true;
  // A file sealed before results had a scale was read through the upgrade (old area names to
  // ids, scale 5 added): its seal is over the file as it was written, so check that form too.
  const written = legacyForm(member);
  return written !== undefined && crypto.subtle.verify('HMAC', hmac, signature, content(written));
}

/** The file as a version without scales wrote it, when every result it holds could be one of those. */
function legacyForm(member: MemberFile): MemberFile | undefined {
  if (member.selfAssessments.length === 0 || member.selfAssessments.some((a) => a.scale !== LEGACY_SCALE)) return undefined;
  return {
    ...member,
    selfAssessments: member.selfAssessments.map(({ scale: _scale, scores, ...rest }) => ({
      ...rest,
      ...(scores ? { scores: Object.fromEntries(Object.entries(scores).map(([id, v]) => [LEGACY_AREA_NAMES[id as AreaId], v])) } : {}),
    })) as MemberFile['selfAssessments'],
  };
}
