import { describe, expect, it } from 'vitest';
import { acceptedOverrides, completionSelectorFault, completionTextFault } from '../../lib/site/override-rules';
import { parsePlanText } from '../../lib/model/plan-parse';
import { problemText } from '../../lib/text/format';
import { fixturePlan } from '../support/fixtures';

// The rules a plan's site-adapter overrides must pass (lib/site/override-rules.ts); that they
// keep every unfinished course page of the fixtures unfinished is test/attack/site-overrides.

describe('a completion selector from a plan', () => {
  it('is taken when it names a completion marker narrowly', () => {
    for (const selector of ['.course-complete', '#kursen-klar', '.finished-box', 'main .kurs-avklarad', 'section.course-complete > h2.rubrik', 'a[href*="kursbevis"]', '[data-status="klar"]', '.button--certificate']) {
      expect(completionSelectorFault(selector), selector).toBeNull();
    }
  });

  it('is refused when it matches everything or any element of a kind', () => {
    for (const selector of ['*', 'main *', '*.course-complete', 'body', 'a', 'div', 'main p', 'a[href]', '.course-complete p', 'section.course-complete > h2', '[class]']) {
      expect(completionSelectorFault(selector), selector).toBe('overrideGeneric');
    }
  });

  it('is refused when it uses what can turn a narrow selector into a wide one', () => {
    for (const selector of [':not(.x)', '.kursen-klar, main', 'div:has(.klar)', '.klar ~ p', '.klar + p', '[class*="complete"]', '[href*="klar"]', '.kurs\\-klar', '::before', '']) {
      expect(completionSelectorFault(selector), selector).toBe('overrideUnsupported');
    }
  });

  it('is refused when nothing in it speaks of a finished course', () => {
    for (const selector of ['.entry-content', '#main', '.is-done', 'li.course-steps__item', '[aria-label="Kursens steg"]']) {
      expect(completionSelectorFault(selector), selector).toBe('overrideNotCompletion');
    }
  });
});

describe('a completion text from a plan', () => {
  it('is taken when it is a phrase saying the course is finished', () => {
    for (const text of ['Du har genomfört kursen', 'Grattis, kursen är avklarad', 'You have completed the course', 'Ladda ner kursbevis']) {
      expect(completionTextFault(text), text).toBeNull();
    }
  });

  it('is refused when too short, a single word, or about anything else', () => {
    expect(completionTextFault('a')).toBe('overrideTooShort');
    expect(completionTextFault('  klar   ')).toBe('overrideTooShort');
    expect(completionTextFault('Kursbevisen')).toBe('overrideNotPhrase');
    expect(completionTextFault('Svara och gå vidare')).toBe('overrideNotCompletion');
    // A word with a completion word inside it is another word.
    expect(completionTextFault('Vi förklarar begreppen')).toBe('overrideNotCompletion');
  });
});

describe('a plan with site-adapter overrides', () => {
  const withOverrides = (siteAdapter: unknown) => JSON.stringify({ ...fixturePlan(), siteAdapter });

  it('is refused with each override at fault named, in Swedish', () => {
    const parsed = parsePlanText(withOverrides({ completionTexts: ['Du har genomfört kursen', 'a'], completionSelectors: ['div'] }));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual([
      { path: 'siteAdapter.completionSelectors[0]', reason: 'overrideGeneric' },
      { path: 'siteAdapter.completionTexts[1]', reason: 'overrideTooShort' },
    ]);
    expect(problemText(parsed.problems[1]!)).toBe('(siteAdapter.completionTexts[1]) är för kort för att känna igen en avslutad kurs (minst 10 tecken).');
  });

  it('is taken with overrides that pass', () => {
    const parsed = parsePlanText(withOverrides({ completionTexts: ['Du har genomfört kursen'], completionSelectors: ['.kurs-avklarad'] }));
    expect(parsed.ok && parsed.plan.siteAdapter).toEqual({ completionTexts: ['Du har genomfört kursen'], completionSelectors: ['.kurs-avklarad'] });
  });

  it('keeps only the overrides that pass from a plan stored before the rules', () => {
    expect(acceptedOverrides({ completionTexts: ['a', 'Du har genomfört kursen'], completionSelectors: ['*'] })).toEqual({
      completionTexts: ['Du har genomfört kursen'],
      completionSelectors: [],
    });
    expect(acceptedOverrides({ completionTexts: ['a'] })).toBeUndefined();
  });
});
