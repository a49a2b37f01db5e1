import { describe, expect, it } from 'vitest';
import { mainContent } from '../../lib/site/digiteket';
import { PATTERNS, SELECTORS, type Example, type PatternRule } from '../../lib/site/selectors';
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

function countPattern(rule: PatternRule, doc: Document): number {
  if (rule.in === 'href') {
    return Array.from(doc.querySelectorAll('a[href]')).filter((a) => rule.pattern.test(a.getAttribute('href') ?? '')).length;
  }
  const text = rule.in === 'title' ? doc.title : (mainContent(doc)?.textContent ?? '');
  return text.match(new RegExp(rule.pattern.source, `${rule.pattern.flags}g`))?.length ?? 0;
}

describe('Digiteket site profile', () => {
  for (const [id, rule] of Object.entries(SELECTORS)) {
    it(`selector ${id} (${rule.selector}) has an example where it finds something`, () => {
      expect(rule.examples.some((e) => e.count > 0)).toBe(true);
    });
    for (const example of rule.examples) {
      it(`selector ${id} finds ${example.count} in ${where(example)}`, () => {
        expect(page(example).querySelectorAll(rule.selector).length).toBe(example.count);
      });
    }
  }

  for (const [id, rule] of Object.entries(PATTERNS)) {
    it(`pattern ${id} (${rule.pattern}) has an example where it finds something`, () => {
      expect(rule.pattern.flags).not.toContain('g');
      expect(rule.examples.some((e) => e.count > 0)).toBe(true);
    });
    for (const example of rule.examples) {
      it(`pattern ${id} finds ${example.count} in the ${rule.in} of ${where(example)}`, () => {
        expect(countPattern(rule, page(example))).toBe(example.count);
      });
    }
  }
});
