import { z } from 'zod';
import { checkJsonDocument } from '../model/json-document';
import {
  generateSigningKey,
  keyFingerprint,
  publicKeyOf,
  publicKeySchema,
  SIGNATURE_ALG,
  signPlanDocument,
  type PublicKey,
} from '../model/plan-signature';
import type { Plan } from '../model/plan';
import type { StoredSigningKey } from '../model/stored';
import type { Store } from '../storage/store';

// The coordinator's signing key. It is made and kept in this browser's IndexedDB (a CryptoKey
// the worker stores as it is) and by default cannot be read out, only used: no script, ours or
// another, can copy it. A coordinator who will share the work ticks "save as a file" when
// making it; the file then carries the private key to a co-coordinator, whose browser keeps its
// copy non-extractable again. Every plan this browser hands out (published to the folder or
// downloaded) is signed with it.

export const SIGNING_KEY_KIND = 'kurskompis/signing-key';
export const SIGNING_KEY_VERSION = 1;

const keyFileSchema = z.object({
  kind: z.literal(SIGNING_KEY_KIND),
  version: z.literal(SIGNING_KEY_VERSION),
  alg: z.literal(SIGNATURE_ALG),
  publicKey: publicKeySchema,
  privateKey: publicKeySchema.extend({ d: z.string().regex(/^[A-Za-z0-9_-]{43}$/) }),
});

export type KeyAnswer = { ok: true; fingerprint: string } | { ok: false; error: 'signingKeyFileInvalid' };
export type KeyFileAnswer = { ok: true; text: string; fingerprint: string } | { ok: false; error: 'signingNoKey' | 'signingNotExportable' };

export class SigningKeys {
  constructor(private readonly store: Store) {}

  private async keep(privateKey: CryptoKey, publicKey: PublicKey, now: Date): Promise<string> {
    const fingerprint = await keyFingerprint(publicKey);
    const stored: StoredSigningKey = { privateKey, publicKey, fingerprint, createdAt: now.toISOString() };
    await this.store.setSigningKey(stored);
    return fingerprint;
  }

  /** A new key for this browser; `exportable` lets it be saved as a file later. Replaces none: one key a team. */
  async create(exportable: boolean, now: Date): Promise<{ ok: true; fingerprint: string }> {
    const existing = await this.store.signingKey();
    if (existing) return { ok: true, fingerprint: existing.fingerprint };
    const pair = await generateSigningKey(exportable);
    return { ok: true, fingerprint: await this.keep(pair.privateKey, await publicKeyOf(pair.publicKey), now) };
  }

  /** The key as a file for a co-coordinator, when it was made to be saved. */
  async exportFile(): Promise<KeyFileAnswer> {
    const stored = await this.store.signingKey();
    if (!stored) return { ok: false, error: 'signingNoKey' };
    if (!stored.privateKey.extractable) return { ok: false, error: 'signingNotExportable' };
    const jwk = await crypto.subtle.exportKey('jwk', stored.privateKey);
    const file = {
      kind: SIGNING_KEY_KIND,
      version: SIGNING_KEY_VERSION,
      alg: SIGNATURE_ALG,
      publicKey: stored.publicKey,
      privateKey: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, d: jwk.d },
    };
    return { ok: true, text: `${JSON.stringify(file, null, 2)}\n`, fingerprint: stored.fingerprint };
  }

  /** A co-coordinator's key file: kept non-extractable, in place of any key this browser had. */
  async importFile(text: string, now: Date): Promise<KeyAnswer> {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return { ok: false, error: 'signingKeyFileInvalid' };
    }
    const read = checkJsonDocument(value, { kind: SIGNING_KEY_KIND, version: SIGNING_KEY_VERSION, schema: keyFileSchema });
    if (!read.ok) return { ok: false, error: 'signingKeyFileInvalid' };
    const { publicKey, privateKey } = read.value;
    if (privateKey.x !== publicKey.x) return { ok: false, error: 'signingKeyFileInvalid' };
    try {
      const key = await crypto.subtle.importKey('jwk', { ...privateKey, key_ops: ['sign'] }, { name: SIGNATURE_ALG }, false, ['sign']);
      // A private key that does not belong to the public key beside it signs nothing that key accepts.
      const probe = new TextEncoder().encode(SIGNING_KEY_KIND);
      const verifier = await crypto.subtle.importKey('jwk', publicKey, { name: SIGNATURE_ALG }, true, ['verify']);
      if (!(await crypto.subtle.verify({ name: SIGNATURE_ALG }, verifier, await crypto.subtle.sign({ name: SIGNATURE_ALG }, key, probe), probe))) {
        return { ok: false, error: 'signingKeyFileInvalid' };
      }
      return { ok: true, fingerprint: await this.keep(key, publicKey, now) };
    } catch {
      return { ok: false, error: 'signingKeyFileInvalid' };
    }
  }

  /** The plan file's text: signed when this browser has a key, as before when it has none. */
  async planText(plan: Plan): Promise<string> {
    const stored = await this.store.signingKey();
    const document = stored ? await signPlanDocument(plan, stored) : plan;
    return `${JSON.stringify(document, null, 2)}\n`;
  }
}
