import { describe, expect, it } from 'vitest';
import { mainContent } from '../../lib/site/digiteket';
import { PATTERN_EXAMPLES, PATTERNS, SELECTOR_EXAMPLES, SELECTORS, type Example, type PatternSource } from '../../lib/site/selectors';
import { fixturePage } from '../support/fixtures';

// Every selector and text pattern of the site adapter finds exactly what its examples say in
// the fixture pages: a changed rule, or a fixture that lost what a rule relies on, fails here.

const pages = new Map<string, Document>();

function page(example: Example): Document {
  const html = 'html' in example ? example.html : fixturePage(example.fixture);
  let doc = pages.get(html);
  if (!doc) {
    doc = new DOMParser().parseFromString(html, 'text/html');
    pages.set(html, doc);
  }
  return doc;
}

function where(example: Example): string {
  return 'html' in example ? 'a snippet' : example.fixture;
}

function countPattern(pattern: RegExp, source: PatternSource, doc: Document): number {
  if (source === 'href') {
    return Array.from(doc.querySelectorAll('a[href]')).filter((a) => pattern.test(a.getAttribute('href') ?? '')).length;
  }
  if (source === 'linkText') return Array.from(doc.querySelectorAll('a')).filter((a) => pattern.test(a.textContent ?? '')).length;
  const text = source === 'title' ? doc.title : (mainContent(doc)?.textContent ?? '');
  return text.match(new RegExp(pattern.source, `${pattern.flags}g`))?.length ?? 0;
}

describe('Digiteket site profile', () => {
  for (const [id, selector] of Object.entries(SELECTORS)) {
    const rule = SELECTOR_EXAMPLES[id as keyof typeof SELECTORS];
    it(`selector ${id} (${selector}) has an example where it finds something`, () => {
      expect(rule.examples.some((e) => e.count > 0)).toBe(true);
    });
    for (const example of rule.examples) {
      it(`selector ${id} finds ${example.count} in ${where(example)}`, () => {
        expect(page(example).querySelectorAll(selector).length).toBe(example.count);
      });
    }
  }

  for (const [id, pattern] of Object.entries(PATTERNS)) {
    const rule = PATTERN_EXAMPLES[id as keyof typeof PATTERNS];
    it(`pattern ${id} (${pattern}) has an example where it finds something`, () => {
      expect(pattern.flags).not.toContain('g');
      expect(rule.examples.some((e) => e.count > 0)).toBe(true);
    });
    for (const example of rule.examples) {
      it(`pattern ${id} finds ${example.count} in the ${rule.in} of ${where(example)}`, () => {
        expect(countPattern(pattern, rule.in, page(example))).toBe(example.count);
      });
    }
  }
});
