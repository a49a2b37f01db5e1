// The one way a JSON value is written for signing: RFC 8785 (JSON Canonicalization Scheme) for
// the values JSON.parse gives. Object members sorted by their names' UTF-16 code units, no
// whitespace, strings and numbers as ECMAScript's JSON.stringify writes them (which is what
// RFC 8785 prescribes). The same plan read back from any file, however it was indented or its
// members ordered, gives the same text, so a signature survives re-indenting but not a change.

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('A number JSON cannot hold');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    // As JSON.stringify: a member whose value is undefined is not written.
    const names = Object.keys(record)
      .filter((name) => record[name] !== undefined)
      .sort();
    return `{${names.map((name) => `${JSON.stringify(name)}:${canonicalJson(record[name])}`).join(',')}}`;
  }
  throw new TypeError(`A ${typeof value} JSON cannot hold`);
}
