import type { z } from 'zod';

// One reader for the JSON documents Kurskompis reads from outside (plan, member file, backup):
// a size cap counted in UTF-8 bytes (what the file weighs, not how many UTF-16 units the
// string has), a leading byte order mark dropped, `kind` and `version` checked before the
// document's own schema. Each caller turns the errors into its own messages.

export interface JsonDocumentHeader {
  /** The `kind` the document must carry, e.g. `kurskompis/plan`. */
  kind: string;
  /** The newest `version` this build reads; a higher number is refused as `newerVersion`. */
  version: number;
}

export interface JsonDocumentSpec extends JsonDocumentHeader {
  /** The largest text accepted, in UTF-8 bytes (a byte order mark included). */
  maxBytes: number;
}

export type JsonDocumentError =
  /** More than `maxBytes` UTF-8 bytes. */
  | 'tooLarge'
  /** Not JSON at all (cut short, an HTML page, …). */
  | 'notJson'
  /** JSON, but not an object (an array, a number, null, …). */
  | 'notObject'
  /** An object whose `kind` is missing or another. */
  | 'wrongKind'
  /** The right kind, from a newer version of Kurskompis. */
  | 'newerVersion';

export type JsonDocumentResult<T> =
  | { ok: true; value: T }
  | { ok: false; error: JsonDocumentError }
  /** The schema refused the document: its issues, and the document as read for naming them. */
  | { ok: false; error: 'invalid'; issues: z.core.$ZodIssue[]; raw: Record<string, unknown> };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The number of bytes `text` takes in UTF-8 (as `TextEncoder` would write it: a lone surrogate
 * becomes U+FFFD, three bytes), without building the encoding. Counting stops once it passes
 * `stopAbove`, so a huge text costs no more than the cap.
 */
export function utf8ByteLength(text: string, stopAbove = Number.POSITIVE_INFINITY): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4; // a surrogate pair: one code point outside the BMP
      i++;
    } else bytes += 3;
    if (bytes > stopAbove) return bytes;
  }
  return bytes;
}

/** Whether `text` fits in `maxBytes` UTF-8 bytes; counts only when the length alone cannot tell. */
export function fitsInBytes(text: string, maxBytes: number): boolean {
  // Every UTF-16 unit takes one to three UTF-8 bytes (a pair of them four).
  if (text.length > maxBytes) return false;
  if (text.length * 3 <= maxBytes) return true;
  return utf8ByteLength(text, maxBytes) <= maxBytes;
}

/** Checks an already parsed value's `kind` and `version`, then (if given) its schema. */
export function checkJsonDocument<S extends z.ZodType>(value: unknown, spec: JsonDocumentHeader & { schema: S }): JsonDocumentResult<z.output<S>>;
export function checkJsonDocument(value: unknown, spec: JsonDocumentHeader): JsonDocumentResult<Record<string, unknown>>;
export function checkJsonDocument(value: unknown, spec: JsonDocumentHeader & { schema?: z.ZodType }): JsonDocumentResult<unknown> {
  if (!isRecord(value)) return { ok: false, error: 'notObject' };
  if (value.kind !== spec.kind) return { ok: false, error: 'wrongKind' };
  if (typeof value.version === 'number' && value.version > spec.version) return { ok: false, error: 'newerVersion' };
  if (!spec.schema) return { ok: true, value };
  const parsed = spec.schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, error: 'invalid', issues: parsed.error.issues, raw: value };
}

/** Reads a JSON document from text: size, byte order mark, JSON, then as `checkJsonDocument`. */
export function readJsonDocument<S extends z.ZodType>(text: string, spec: JsonDocumentSpec & { schema: S }): JsonDocumentResult<z.output<S>>;
export function readJsonDocument(text: string, spec: JsonDocumentSpec): JsonDocumentResult<Record<string, unknown>>;
export function readJsonDocument(text: string, spec: JsonDocumentSpec & { schema?: z.ZodType }): JsonDocumentResult<unknown> {
  if (!fitsInBytes(text, spec.maxBytes)) return { ok: false, error: 'tooLarge' };
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return { ok: false, error: 'notJson' };
  }
  return spec.schema ? checkJsonDocument(value, { ...spec, schema: spec.schema }) : checkJsonDocument(value, spec);
}
