import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseBackup } from '../../lib/domain/backup';
import { checkJsonDocument, fitsInBytes, readJsonDocument, utf8ByteLength } from '../../lib/model/json-document';
import { parseMemberText } from '../../lib/model/member';
import { parsePlanText } from '../../lib/model/plan-parse';

const spec = { kind: 'kurskompis/test', version: 2, maxBytes: 100 };
const doc = (extra: Record<string, unknown> = {}) => JSON.stringify({ kind: 'kurskompis/test', version: 2, ...extra });
const schema = z.object({ kind: z.literal('kurskompis/test'), version: z.number(), name: z.string() });

describe('readJsonDocument', () => {
  it('reads a document of the right kind and version, or an older version', () => {
    expect(readJsonDocument(doc({ name: 'a' }), spec)).toEqual({ ok: true, value: { kind: 'kurskompis/test', version: 2, name: 'a' } });
    expect(readJsonDocument(doc({ version: 1 }), spec).ok).toBe(true);
  });

  it('drops a leading byte order mark, and only a leading one', () => {
    expect(readJsonDocument(`\uFEFF${doc()}`, spec)).toMatchObject({ ok: true, value: { kind: 'kurskompis/test' } });
    expect(readJsonDocument(`\uFEFF\uFEFF${doc()}`, spec)).toEqual({ ok: false, error: 'notJson' });
  });

  it('refuses what is not JSON', () => {
    expect(readJsonDocument('{"kind": "kurskompis/test",', spec)).toEqual({ ok: false, error: 'notJson' });
    expect(readJsonDocument('<!doctype html><title>Logga in</title>', spec)).toEqual({ ok: false, error: 'notJson' });
    expect(readJsonDocument('', spec)).toEqual({ ok: false, error: 'notJson' });
  });

  it('refuses JSON that is not an object, and an object of another kind', () => {
    for (const text of ['[1, 2]', '"kurskompis/test"', 'null', '42']) {
      expect(readJsonDocument(text, spec), text).toEqual({ ok: false, error: 'notObject' });
    }
    expect(readJsonDocument(doc({ kind: 'kurskompis/plan' }), spec)).toEqual({ ok: false, error: 'wrongKind' });
    expect(readJsonDocument('{"version": 2}', spec)).toEqual({ ok: false, error: 'wrongKind' });
  });

  it('refuses a newer version before looking at the rest', () => {
    expect(readJsonDocument(doc({ version: 3 }), { ...spec, schema })).toEqual({ ok: false, error: 'newerVersion' });
  });

  it('counts the cap in UTF-8 bytes, not in characters', () => {
    const padding = (text: string) => doc({ name: text });
    const frame = padding('').length; // ASCII: one byte a character
    const ascii = padding('x'.repeat(100 - frame));
    expect(new TextEncoder().encode(ascii).length).toBe(100);
    expect(readJsonDocument(ascii, spec).ok).toBe(true);
    expect(readJsonDocument(padding('x'.repeat(101 - frame)), spec)).toEqual({ ok: false, error: 'tooLarge' });

    // Fewer characters than the cap, more bytes: "å" is two bytes, "€" three, "😀" four (two UTF-16 units).
    for (const char of ['å', '€', '😀']) {
      const text = padding(char.repeat(Math.ceil((100 - frame) / char.length)));
      expect(text.length, char).toBeLessThanOrEqual(100);
      expect(new TextEncoder().encode(text).length, char).toBeGreaterThan(100);
      expect(readJsonDocument(text, spec), char).toEqual({ ok: false, error: 'tooLarge' });
    }
    // The byte order mark is part of the file: three bytes.
    expect(readJsonDocument(`\uFEFF${ascii}`, spec)).toEqual({ ok: false, error: 'tooLarge' });
  });

  it('counts bytes as TextEncoder does, and stops counting past the cap', () => {
    for (const text of ['', 'abc', 'Östersund', 'ǅ€✓', '😀a😀', '\uD800', 'a\uDC00b', '\uDBFF\uDFFF', '\uD83D']) {
      expect(utf8ByteLength(text), JSON.stringify(text)).toBe(new TextEncoder().encode(text).length);
    }
    expect(utf8ByteLength('€'.repeat(1000), 10)).toBeLessThan(20);
    expect(fitsInBytes('€'.repeat(33), 99)).toBe(true);
    expect(fitsInBytes('€'.repeat(33), 98)).toBe(false);
    expect(fitsInBytes('x'.repeat(99), 98)).toBe(false);
  });

  it('checks the schema last, handing back its issues and the document', () => {
    const read = readJsonDocument(doc({ name: 7 }), { ...spec, schema });
    expect(read).toMatchObject({ ok: false, error: 'invalid', raw: { name: 7 }, issues: [{ path: ['name'] }] });
    const good = readJsonDocument(doc({ name: 'a' }), { ...spec, schema });
    expect(good).toEqual({ ok: true, value: { kind: 'kurskompis/test', version: 2, name: 'a' } });
    expect(checkJsonDocument({ kind: 'kurskompis/test', version: 1, name: 'b' }, { ...spec, schema }).ok).toBe(true);
  });
});

describe('plan, member file and backup read through it', () => {
  // A string of ASCII length under each cap whose UTF-8 size is over it: refused by all three.
  it.each([
    ['plan', 1_000_000, (text: string) => parsePlanText(text), { ok: false, problems: [{ path: '', reason: 'tooLarge' }] }],
    ['member file', 2_000_000, (text: string) => parseMemberText(text), { ok: false, reason: 'tooLarge' }],
  ] as const)('refuses a %s with fewer characters than the cap but more bytes', (_name, cap, parse, refused) => {
    const text = JSON.stringify({ note: 'å'.repeat(cap / 2 + 10) });
    expect(text.length).toBeLessThan(cap);
    expect(parse(text)).toEqual(refused);
  });

  it('keeps each document its own words for a wrong kind', () => {
    expect(parsePlanText('[]')).toEqual({ ok: false, problems: [{ path: '', reason: 'wrongKind' }] });
    expect(parseMemberText('{"kind":"kurskompis/plan"}')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseMemberText('{"kind":"kurskompis/member","version":2}')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseBackup('[]')).toEqual({ ok: false, problem: 'wrongKind' });
    expect(parseBackup('\uFEFF{"kind":"kurskompis/backup","version":9}')).toEqual({ ok: false, problem: 'newerVersion' });
  });
});
