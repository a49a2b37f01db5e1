import { z } from 'zod';
import { canonicalJson } from './canonical-json';

// A plan's signature: how the coordinator's planner signs a plan and how every colleague's
// Kurskompis checks it (WebCrypto, Ed25519).
//
// Format. The signature travels inside the plan file, as one more top-level member:
//
//   "signature": { "alg": "Ed25519",
//                  "key": { "kty": "OKP", "crv": "Ed25519", "x": "<public key, base64url>" },
//                  "value": "<64-byte signature, base64url>" }
//
// What is signed is SIGNED_CONTEXT followed by the canonical JSON (RFC 8785, canonical-json.ts)
// of the whole document without its `signature` member, in UTF-8. A plan without `signature`
// is a plan as before, and a Kurskompis that knows nothing of signatures reads a signed plan as
// a plan with one member it ignores: the format stays version 1 both ways. The public key
// travels with the signature so that a colleague can trust the first key they see (trust on
// first use, lib/services/plan-trust.ts); a key is named by its RFC 7638 thumbprint, shown by
// its first 16 hex digits (fingerprintText in lib/text/format.ts).
//
// Ed25519 rather than ECDSA P-256: its signatures are deterministic and its keys small, and
// every browser Kurskompis runs in has it in WebCrypto (Chromium 137+, Firefox 129+; the
// Firefox build asks for 142).

export const SIGNATURE_ALG = 'Ed25519';
const ALGORITHM = { name: SIGNATURE_ALG } as const;

/** Put before the plan's canonical text, so a plan signature can never pass for another document's. */
export const SIGNED_CONTEXT = 'kurskompis/plan-signature/1\n';

const base64url = (bytes: number) => z.string().regex(new RegExp(`^[A-Za-z0-9_-]{${Math.ceil((bytes * 4) / 3)}}$`));

export const publicKeySchema = z.object({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), x: base64url(32) });
export type PublicKey = z.infer<typeof publicKeySchema>;

export const planSignatureSchema = z.object({ alg: z.literal(SIGNATURE_ALG), key: publicKeySchema, value: base64url(64) });
export type PlanSignature = z.infer<typeof planSignatureSchema>;

export function toBase64url(bytes: ArrayBuffer | Uint8Array): string {
  let binary = '';
  for (const byte of bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

export function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The bytes a plan document's signature is over: the document without `signature`. */
export function signedBytes(document: Record<string, unknown>): Uint8Array<ArrayBuffer> {
  const { signature: _signature, ...unsigned } = document;
  return new TextEncoder().encode(SIGNED_CONTEXT + canonicalJson(unsigned));
}

/** A key's name: its RFC 7638 thumbprint (SHA-256 of its required members in order), in hex. */
export async function keyFingerprint(key: PublicKey): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonicalJson({ crv: key.crv, kty: key.kty, x: key.x })));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export interface SigningKey {
  privateKey: CryptoKey;
  publicKey: PublicKey;
}

export function generateSigningKey(extractable: boolean): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(ALGORITHM, extractable, ['sign', 'verify']) as Promise<CryptoKeyPair>;
}

export async function publicKeyOf(key: CryptoKey): Promise<PublicKey> {
  return publicKeySchema.parse(await crypto.subtle.exportKey('jwk', key));
}

/** The plan as a document with its signature, ready to be written out. */
export async function signPlanDocument(plan: object, key: SigningKey): Promise<Record<string, unknown>> {
  // As the file will be read back: what JSON cannot hold (undefined members) is not signed either.
  const document = JSON.parse(JSON.stringify(plan)) as Record<string, unknown>;
  delete document.signature;
  const value = await crypto.subtle.sign(ALGORITHM, key.privateKey, signedBytes(document));
  const signature: PlanSignature = { alg: SIGNATURE_ALG, key: key.publicKey, value: toBase64url(value) };
  return { ...document, signature };
}

export type SignatureCheck =
  /** No `signature` member at all. */
  | { kind: 'unsigned' }
  /** Signed, and the signature is right for this very document and the key it names. */
  | { kind: 'valid'; key: PublicKey; fingerprint: string }
  /** A `signature` member that is malformed, or does not fit the document (changed after signing, or another plan's). */
  | { kind: 'invalid' }
  /** This browser's WebCrypto has no Ed25519. */
  | { kind: 'unsupported' };

/** Checks a plan document's own signature (whose key it is, is for the caller to judge). */
export async function checkPlanSignature(document: unknown): Promise<SignatureCheck> {
  if (!isRecord(document) || !('signature' in document)) return { kind: 'unsigned' };
  const parsed = planSignatureSchema.safeParse(document.signature);
  if (!parsed.success) return { kind: 'invalid' };
  const { key, value } = parsed.data;
  let publicKey: CryptoKey;
  try {
    publicKey = await crypto.subtle.importKey('jwk', { kty: key.kty, crv: key.crv, x: key.x }, ALGORITHM, true, ['verify']);
  } catch (error) {
    // A key of the right shape that this WebCrypto will not take: Ed25519 missing, or a bad point.
    return error instanceof DOMException && error.name === 'NotSupportedError' ? { kind: 'unsupported' } : { kind: 'invalid' };
  }
  const ok = await crypto.subtle.verify(ALGORITHM, publicKey, fromBase64url(value), signedBytes(document)).catch(() => false);
  return ok ? { kind: 'valid', key, fingerprint: await keyFingerprint(key) } : { kind: 'invalid' };
}
