import { EXTENSION_REASONS } from '../../lib/model/extension-rules';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import sv from '../../public/_locales/sv/messages.json';
import { PROBLEM_REASONS } from '../../lib/model/plan-parse';
import { AREA_IDS } from '../../lib/model/competence-areas';
import { ANSWER_ERRORS } from '../../lib/messages/protocol';
import { BACKUP_PROBLEMS, FOLDER_ERRORS, PLAN_LOAD_ERRORS, RESULT_ERRORS } from '../../lib/model/results';
import { EVALUATION_ERRORS } from '../../lib/model/evaluation';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\./.test(name) ? [path] : [];
  });
}

describe('translations', () => {
  it('has the same messages in Swedish and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
  });

  it('uses the same placeholders in both languages', () => {
    for (const [key, { message }] of Object.entries(sv)) {
      const placeholders = (m: string) => [...m.matchAll(/\$\d/g)].map((x) => x[0]).sort();
      expect(placeholders((en as Record<string, { message: string }>)[key]!.message), key).toEqual(placeholders(message));
    }
  });

  // Keys the code names: written out (`t('key')`), values of maps typed
  // `Record<…, MessageKey>`, families built at run time from a reason (`t(\`problem_${reason}\`)`,
  // type-checked against the catalogue through the reason's union, listed here through the
  // union's own array), answers' failures written as `error: 'key'`, and plan load errors and
  // the message protocol's failures that are their own keys. The type check only
  // knows the Swedish catalogue; this test holds both to the code.
  const code = [...sources('lib'), ...sources('components'), ...sources('entrypoints')].map((file) => ({ file, text: readFileSync(file, 'utf8') }));
  const FAMILIES: Record<string, readonly string[]> = {
    problem_: PROBLEM_REASONS,
    backup_: BACKUP_PROBLEMS,
    syncError_: FOLDER_ERRORS,
    area_: AREA_IDS,
    extensionReason_: EXTENSION_REASONS,
    extensionReasonShort_: EXTENSION_REASONS,
  };
  const catalogueKeys = Object.keys(sv);
  const manifestKeys = [...readFileSync('wxt.config.ts', 'utf8').matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!);

  function keysInCode(): { written: Set<string>; mapped: Set<string>; families: Set<string>; builtAtRunTime: Set<string> } {
    const written = new Set<string>();
    const mapped = new Set<string>();
    const families = new Set<string>();
    for (const { text } of code) {
      for (const m of text.matchAll(/\bt\(\s*'(\w+)'/g)) written.add(m[1]!);
      // An answer's failure names the key of its sentence (`{ ok: false, error: 'teamError_insecure' }`,
      // type-checked by the protocol); other `error:` codes in lib are not keys and are not counted.
      for (const m of text.matchAll(/\berror: '(\w+)'/g)) if (m[1]! in sv) written.add(m[1]!);
      for (const m of text.matchAll(/Record<[^=]*,\s*MessageKey>>?\s*=\s*\{([^}]*)\}/g)) {
        for (const value of m[1]!.matchAll(/'(\w+)'/g)) mapped.add(value[1]!);
      }
      // A template whose fixed start begins some catalogue key: a family of keys.
      for (const m of text.matchAll(/`(\w+)\$\{/g)) if (catalogueKeys.some((key) => key.startsWith(m[1]!))) families.add(m[1]!);
    }
    const builtAtRunTime = new Set<string>([...PLAN_LOAD_ERRORS, ...ANSWER_ERRORS, ...RESULT_ERRORS, ...EVALUATION_ERRORS]);
    for (const prefix of families) for (const reason of FAMILIES[prefix] ?? []) builtAtRunTime.add(`${prefix}${reason}`);
    return { written, mapped, families, builtAtRunTime };
  }

  it('knows every family of keys the code builds at run time', () => {
    const { families } = keysInCode();
    expect([...families].sort()).toEqual(Object.keys(FAMILIES).sort());
  });

  it('has a message in both languages for every key the code asks for', () => {
    const { written, mapped, builtAtRunTime } = keysInCode();
    expect(written.size).toBeGreaterThan(200);
    expect(mapped.size).toBeGreaterThan(10);
    for (const [language, catalogue] of Object.entries({ sv, en })) {
      for (const [how, keys] of Object.entries({ written, mapped, builtAtRunTime })) {
        expect([...keys].filter((key) => !(key in catalogue)), `${how}, missing in ${language}`).toEqual([]);
      }
    }
  });

  it('uses every message it has (those named in the manifest aside)', () => {
    const { written, mapped, builtAtRunTime } = keysInCode();
    const used = new Set([...written, ...mapped, ...builtAtRunTime, ...manifestKeys]);
    expect(manifestKeys).toEqual(expect.arrayContaining(['extName', 'extDescription']));
    expect(catalogueKeys.filter((key) => !used.has(key))).toEqual([]);
  });

  it('chooses keys at run time only through types the catalogue checks, never a cast', () => {
    const casts = code.filter(({ text }) => /as (MessageKey|Parameters<typeof t>)/.test(text)).map(({ file }) => file);
    expect(casts).toEqual([]);
  });
});
