// npm run zip:check — what a store reviewer does: unpack the source package `npm run zip` made,
// install and build it by the README's steps, and compare every file of the rebuilt Firefox
// package with the one that would be uploaded. Prints the files that differ; exits 1 if any do.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const version = JSON.parse(readFileSync('package.json', 'utf8')).version as string;
const sources = join('.output', `kurskompis-${version}-sources.zip`);
const firefox = join('.output', `kurskompis-${version}-firefox.zip`);

function files(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else found.set(relative(dir, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
    }
  };
  walk(dir);
  return found;
}

const work = mkdtempSync(join(tmpdir(), 'kurskompis-rebuild-'));
try {
  const unpacked = join(work, 'uploaded');
  const source = join(work, 'source');
  execFileSync('unzip', ['-q', firefox, '-d', unpacked]);
  execFileSync('unzip', ['-q', sources, '-d', source]);
  // The README's steps for reviewers.
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: source, stdio: 'inherit' });
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: source, stdio: 'inherit' });
  const want = files(unpacked);
  const got = files(join(source, '.output', 'firefox-mv3'));
  const differ = [...new Set([...want.keys(), ...got.keys()])].filter((name) => want.get(name) !== got.get(name)).sort();
  if (differ.length > 0) {
    console.error(`The rebuilt package differs from the uploaded one in ${differ.length} file(s):\n${differ.join('\n')}`);
    process.exitCode = 1;
  } else {
    console.log(`Rebuilt from ${sources}: all ${want.size} files of ${firefox} are the same, byte for byte.`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
