// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { canonicalJson } from '../../lib/model/canonical-json';
import { checkPlanSignature, generateSigningKey, keyFingerprint, publicKeyOf, signPlanDocument, type SigningKey } from '../../lib/model/plan-signature';
import { planSchema } from '../../lib/model/plan';
import { parsePlanText } from '../../lib/model/plan-parse';
import { PlanService } from '../../lib/services/plan-service';
import { SigningKeys } from '../../lib/services/signing-keys';
import { openDatabase, Store } from '../../lib/storage/store';
import { fingerprintText } from '../../lib/text/format';
import { fixturePlan } from '../support/fixtures';

let dbCount = 0;
const NOW = new Date('2026-11-20T10:00:00Z');
const plan = () => planSchema.parse(fixturePlan());

async function newKey(): Promise<SigningKey> {
  const pair = await generateSigningKey(false);
  return { privateKey: pair.privateKey, publicKey: await publicKeyOf(pair.publicKey) };
}

async function signedText(key: SigningKey, changes: Record<string, unknown> = {}): Promise<string> {
  return JSON.stringify(await signPlanDocument({ ...plan(), ...changes }, key), null, 2);
}

async function profile() {
  const store = new Store(await openDatabase(`signature-${++dbCount}`));
  return { store, plans: new PlanService({ store, fetch: vi.fn(), onChange: vi.fn() }) };
}

describe('the canonical form a plan is signed in', () => {
  it('is the same text however the document was ordered or indented', () => {
    const a = JSON.parse('{"b": [1, 2.50, {"y": "å", "x": null}], "a": true}');
    const b = JSON.parse('{"a":true,"b":[1,2.5,{"x":null,"y":"å"}]}');
    expect(canonicalJson(a)).toBe('{"a":true,"b":[1,2.5,{"x":null,"y":"å"}]}');
    expect(canonicalJson(b)).toBe(canonicalJson(a));
  });

  it('orders members by UTF-16 code units and writes numbers and strings as RFC 8785 does', () => {
    // RFC 8785 § 3.2.3's example of ordering, and its number forms.
    expect(canonicalJson({ '\u20ac': 1, '\r': 2, '\ud83d\ude00': 3, '1': 4, '\u00f6': 5 })).toBe('{"\\r":2,"1":4,"ö":5,"€":1,"😀":3}');
    expect(canonicalJson([1e21, 1e-7, -0, 0.000001, 'a\u2028"\\'])).toBe('[1e+21,1e-7,0,0.000001,"a\u2028\\"\\\\"]');
  });

  it('leaves out members without a value, as the file would', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });
});

describe('signing and checking a plan', () => {
  it('checks a signed plan as valid, names its key, and reads it as an ordinary plan', async () => {
    const key = await newKey();
    const text = await signedText(key);
    const check = await checkPlanSignature(JSON.parse(text));
    expect(check).toEqual({ kind: 'valid', key: key.publicKey, fingerprint: await keyFingerprint(key.publicKey) });
    expect(JSON.parse(text).signature).toMatchObject({ alg: 'Ed25519', key: { kty: 'OKP', crv: 'Ed25519' } });
    // A Kurskompis that knows nothing of signatures reads it as before: the member is ignored.
    const parsed = parsePlanText(text);
    expect(parsed.ok && parsed.plan).toEqual(plan());
  });

  it('still checks after the file is re-indented or its members reordered', async () => {
    const key = await newKey();
    const document = JSON.parse(await signedText(key));
    const reordered = Object.fromEntries(Object.entries(document).reverse());
    expect((await checkPlanSignature(JSON.parse(JSON.stringify(reordered)))).kind).toBe('valid');
  });

  it('finds a change after signing, a signature moved from another plan, and a malformed one', async () => {
    const key = await newKey();
    const document = JSON.parse(await signedText(key));
    expect((await checkPlanSignature({ ...document, siteAdapter: { completionTexts: ['Du har genomfört kursen'] } })).kind).toBe('invalid');
    const other = JSON.parse(await signedText(key, { updatedAt: '2026-12-01T08:00:00Z' }));
    expect((await checkPlanSignature({ ...document, signature: other.signature })).kind).toBe('invalid');
    expect((await checkPlanSignature({ ...document, signature: { ...document.signature, value: 'x' } })).kind).toBe('invalid');
    expect((await checkPlanSignature({ ...document, signature: null })).kind).toBe('invalid');
    const { signature: _gone, ...unsigned } = document;
    expect((await checkPlanSignature(unsigned)).kind).toBe('unsigned');
  });

  it('shows a key as 16 hex digits in groups of four', async () => {
    const fingerprint = await keyFingerprint((await newKey()).publicKey);
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprintText(fingerprint)).toMatch(/^[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}$/);
    expect(fingerprintText(fingerprint).replaceAll(' ', '')).toBe(fingerprint.slice(0, 16));
  });
});

describe('trusting the coordinator on first use', () => {
  it('takes an unsigned plan while no key is trusted, as before', async () => {
    const { store, plans } = await profile();
    expect(await plans.loadText(JSON.stringify(plan()), { kind: 'file' }, NOW)).toEqual({ ok: true, changed: true });
    expect((await store.activePlan())?.signedBy).toBeUndefined();
    expect(await store.trust()).toBeUndefined();
  });

  it('trusts the first key, then refuses unsigned plans and other keys, keeping the plan in force', async () => {
    const { store, plans } = await profile();
    const coordinator = await newKey();
    const fingerprint = await keyFingerprint(coordinator.publicKey);
    const source = { kind: 'folder', url: 'https://moln.example.se/dav/' } as const;
    expect(await plans.loadText(await signedText(coordinator), source, NOW)).toMatchObject({ ok: true });
    expect(await store.trust()).toEqual({ pinned: { fingerprint, key: coordinator.publicKey, since: NOW.toISOString() } });
    expect((await store.activePlan())?.signedBy).toBe(fingerprint);

    const later = new Date('2026-11-21T10:00:00Z');
    expect(await plans.loadText(JSON.stringify({ ...plan(), updatedAt: '2026-11-21T08:00:00Z' }), source, later)).toEqual({ ok: false, error: 'planNotSigned' });
    expect(await plans.loadText(await signedText(await newKey(), { updatedAt: '2026-11-21T08:00:00Z' }), source, later)).toEqual({ ok: false, error: 'planSignedByOther' });
    expect((await store.activePlan())?.plan.updatedAt).toBe(plan().updatedAt);
    expect((await store.trust())?.refused).toEqual({ at: later.toISOString(), error: 'planSignedByOther', source: 'folder' });

    // The coordinator's next version is taken, and the refusal is past.
    expect(await plans.loadText(await signedText(coordinator, { updatedAt: '2026-11-22T08:00:00Z' }), source, later)).toMatchObject({ ok: true, changed: true });
    expect(await store.trust()).toEqual({ pinned: { fingerprint, key: coordinator.publicKey, since: NOW.toISOString() } });
  });

  it('refuses an older signed version than the one in force', async () => {
    const { store, plans } = await profile();
    const coordinator = await newKey();
    const source = { kind: 'url', url: 'https://intranat.example.se/plan.json' } as const;
    await plans.loadText(await signedText(coordinator, { updatedAt: '2026-11-22T08:00:00Z' }), source, NOW);
    expect(await plans.loadText(await signedText(coordinator), source, NOW)).toEqual({ ok: false, error: 'planSignedOlder' });
    expect((await store.activePlan())?.plan.updatedAt).toBe('2026-11-22T08:00:00Z');
  });

  it('holds a plan file chosen by the user to the same key', async () => {
    const { plans } = await profile();
    await plans.loadText(await signedText(await newKey()), { kind: 'folder', url: 'https://moln.example.se/dav/' }, NOW);
    expect(await plans.loadText(JSON.stringify(plan()), { kind: 'file', name: 'plan.json' }, NOW)).toEqual({ ok: false, error: 'planNotSigned' });
  });

  it('trusts the next key once the user forgets the one trusted', async () => {
    const { store, plans } = await profile();
    await plans.loadText(await signedText(await newKey()), { kind: 'file' }, NOW);
    const successor = await newKey();
    const text = await signedText(successor, { updatedAt: '2026-11-21T08:00:00Z' });
    expect(await plans.loadText(text, { kind: 'file' }, NOW)).toEqual({ ok: false, error: 'planSignedByOther' });
    await plans.trust.forget();
    expect(await plans.loadText(text, { kind: 'file' }, NOW)).toMatchObject({ ok: true });
    expect((await store.trust())?.pinned?.fingerprint).toBe(await keyFingerprint(successor.publicKey));
  });
});

describe("the coordinator's key", () => {
  it('is kept non-extractable by default and signs the plan file', async () => {
    const { store, plans } = await profile();
    const keys = new SigningKeys(store);
    const { fingerprint } = await keys.create(false, NOW);
    const stored = await store.signingKey();
    expect(stored?.privateKey.extractable).toBe(false);
    expect(await keys.exportFile()).toEqual({ ok: false, error: 'signingNotExportable' });
    const text = await keys.planText(plan());
    expect((await checkPlanSignature(JSON.parse(text)))).toMatchObject({ kind: 'valid', fingerprint });
    expect(await plans.loadText(text, { kind: 'file' }, NOW)).toMatchObject({ ok: true });
  });

  it('goes to a co-coordinator as a file when made to be saved, and signs there as the same key', async () => {
    const first = new SigningKeys((await profile()).store);
    const { fingerprint } = await first.create(true, NOW);
    const file = await first.exportFile();
    expect(file).toMatchObject({ ok: true, fingerprint });
    if (!file.ok) return;
    const { store } = await profile();
    const second = new SigningKeys(store);
    expect(await second.importFile(file.text, NOW)).toEqual({ ok: true, fingerprint });
    expect((await store.signingKey())?.privateKey.extractable).toBe(false);
    expect(await checkPlanSignature(JSON.parse(await second.planText(plan())))).toMatchObject({ kind: 'valid', fingerprint });
  });

  it('refuses a key file that is not one, or whose halves do not belong together', async () => {
    const { store } = await profile();
    const keys = new SigningKeys(store);
    expect(await keys.importFile('{"kind": "kurskompis/plan"}', NOW)).toEqual({ ok: false, error: 'signingKeyFileInvalid' });
    expect(await keys.importFile('not json', NOW)).toEqual({ ok: false, error: 'signingKeyFileInvalid' });
    const a = new SigningKeys((await profile()).store);
    await a.create(true, NOW);
    const b = new SigningKeys((await profile()).store);
    await b.create(true, NOW);
    const fileA = await a.exportFile();
    const fileB = await b.exportFile();
    if (!fileA.ok || !fileB.ok) throw new Error('exports failed');
    const mixed = { ...JSON.parse(fileA.text), publicKey: JSON.parse(fileB.text).publicKey };
    expect(await keys.importFile(JSON.stringify(mixed), NOW)).toEqual({ ok: false, error: 'signingKeyFileInvalid' });
    expect(await store.signingKey()).toBeUndefined();
  });

  it('leaves the plan file as before in a browser without a key', async () => {
    const keys = new SigningKeys((await profile()).store);
    expect(JSON.parse(await keys.planText(plan()))).toEqual(JSON.parse(JSON.stringify(plan())));
  });
});
