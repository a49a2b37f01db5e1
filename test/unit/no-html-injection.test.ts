import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Everything Kurskompis shows, Digiteket's text and the team folder's included, is rendered as
// text. Preact's renderer keeps an innerHTML path for `dangerouslySetInnerHTML` (the one
// warning `web-ext lint` gives, see README); this keeps that path unused.

const ROOTS = ['components', 'entrypoints', 'lib'];
const HTML_SINKS = /dangerouslySetInnerHTML|\.(innerHTML|outerHTML)\s*=[^=]|insertAdjacentHTML|document\.write\(|createContextualFragment/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('no HTML from strings', () => {
  it('no source file writes markup from a string into the page or our own pages', () => {
    const files = ROOTS.flatMap(sources);
    expect(files.length).toBeGreaterThan(100);
    const offenders = files.filter((file) => HTML_SINKS.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
