import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import sv from '../../public/_locales/sv/messages.json';

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

  it('has a message for every key the code asks for', () => {
    const used = new Set<string>();
    for (const file of [...sources('lib'), ...sources('components'), ...sources('entrypoints')]) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\('([A-Za-z_]+)'/g)) used.add(match[1]!);
    }
    // Keys chosen at run time: problem reasons and URL errors.
    for (const key of Object.keys(sv)) if (/^(problem_|backup_|url[A-Z])/.test(key)) used.add(key);
    const missing = [...used].filter((key) => !(key in sv));
    expect(missing).toEqual([]);
    expect(used.size).toBeGreaterThan(60);
  });
});
