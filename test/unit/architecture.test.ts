// @vitest-environment node
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Keeps the code to the parts and directions that ARCHITECTURE.md gives: every import between
// our files is checked against its table, and the import graph has no cycle.

interface Part {
  name: string;
  folders: string[];
  imports: Set<string>;
  types: Set<string>;
}

function parts(): Part[] {
  const text = readFileSync('ARCHITECTURE.md', 'utf8');
  const rows = text.split('\n').filter((line) => /^\| [a-z]+ \| [a-z]/.test(line) && !line.startsWith('| part |'));
  const list = (cell: string) => cell.split(',').map((s) => s.trim()).filter(Boolean);
  return rows.map((row) => {
    const [name, folders, imports, types] = row.split('|').slice(1, 5).map((c) => c.trim()) as [string, string, string, string];
    return { name, folders: list(folders), imports: new Set(list(imports)), types: new Set(list(types)) };
  });
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\./.test(name) ? [path] : [];
  });
}

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

const FILES = [...sources('lib'), ...sources('components'), ...sources('entrypoints')];

function resolve(from: string, spec: string): string | null {
  const base = normalize(join(dirname(from), spec));
  for (const candidate of [`${base}.ts`, `${base}.tsx`, base, join(base, 'index.ts')]) if (FILES.includes(candidate)) return candidate;
  return null;
}

function edges(): Edge[] {
  return FILES.flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    const found: Edge[] = [];
    const statements = /^(import|export)\s+(type\s+)?[^;]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)|^import\s+'([^']+)'/gms;
    for (const m of text.matchAll(statements)) {
      const spec = m[3] ?? m[4] ?? m[5];
      if (!spec?.startsWith('.')) continue;
      const to = resolve(file, spec);
      if (to) found.push({ from: file, to, typeOnly: Boolean(m[2]) });
    }
    return found;
  });
}

function partOf(file: string, all: Part[]): Part {
  let best: Part | undefined;
  let length = -1;
  for (const part of all) {
    for (const folder of part.folders) {
      if ((file === folder || file.startsWith(`${folder}/`)) && folder.length > length) {
        best = part;
        length = folder.length;
      }
    }
  }
  if (!best) throw new Error(`${file} is in no part of ARCHITECTURE.md`);
  return best;
}

describe('the architecture', () => {
  const all = parts();
  const graph = edges();

  it('reads every part of ARCHITECTURE.md, and every part it names exists', () => {
    expect(all.map((p) => p.name)).toEqual(expect.arrayContaining(['model', 'site', 'storage', 'messages', 'worker', 'content', 'pages']));
    const names = new Set(all.map((p) => p.name));
    for (const part of all) for (const other of [...part.imports, ...part.types]) expect(names.has(other), `${part.name} names ${other}`).toBe(true);
    expect(graph.length).toBeGreaterThan(300);
  });

  it('puts every file in a part and every import in an allowed direction', () => {
    const forbidden = graph.flatMap(({ from, to, typeOnly }) => {
      const a = partOf(from, all);
      const b = partOf(to, all);
      if (a === b || a.imports.has(b.name) || (typeOnly && a.types.has(b.name))) return [];
      return [`${from} → ${to} (${a.name} → ${b.name}${typeOnly ? ', types' : ''})`];
    });
    expect(forbidden).toEqual([]);
  });

  it('has no import cycle', () => {
    const next = new Map<string, string[]>();
    for (const { from, to } of graph) next.set(from, [...(next.get(from) ?? []), to]);
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const to of next.get(file) ?? []) visit(to, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of FILES) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('keeps the database, the team folder and the worker out of the content script', () => {
    const runtime = new Map<string, string[]>();
    for (const { from, to, typeOnly } of graph) if (!typeOnly) runtime.set(from, [...(runtime.get(from) ?? []), to]);
    const reached = new Set<string>();
    const walk = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      for (const to of runtime.get(file) ?? []) walk(to);
    };
    walk(join('entrypoints', 'content', 'index.ts'));
    expect(reached.size).toBeGreaterThan(10);
    const leaks = [...reached].filter((file) => /^(lib\/(storage|sync|services|worker)|components)\//.test(relative('.', file)));
    expect(leaks).toEqual([]);
  });

  it('keeps the schema library out of what the popup loads before its first content', () => {
    // Static imports only: a module loaded with import() comes later, when it is used.
    const reached = new Set<string>();
    const usesZod: string[] = [];
    const walk = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^(?:import|export)\s+(?!type\s)[^;]*?from\s+'([^']+)'/gms)) {
        const spec = m[1] as string;
        if (spec === 'zod' || spec.startsWith('zod/')) usesZod.push(relative('.', file));
        const to = spec.startsWith('.') ? resolve(file, spec) : null;
        if (to) walk(to);
      }
    };
    walk(join('entrypoints', 'popup', 'main.tsx'));
    expect(reached.size).toBeGreaterThan(10);
    expect(usesZod).toEqual([]);
  });
});
