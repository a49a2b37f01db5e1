import { describe, expect, it } from 'vitest';
import * as site from '../../lib/site/digiteket';

const { detectors, unmatchedExamples } = site;
const examples: Record<string, string[] | undefined> = Object.fromEntries(
  Object.keys(detectors).map((name) => [name, (site as unknown as Record<string, string[] | undefined>)[`${name}Examples`]]),
);

// github-url-detection style: each detector's own examples match it and no other detector.
describe('Digiteket page detectors', () => {
  const names = Object.keys(detectors);

  it('has examples for every detector', () => {
    for (const name of names) expect(examples[name]?.length, name).toBeGreaterThan(0);
  });

  for (const [name, detect] of Object.entries(detectors)) {
    describe(name, () => {
      for (const [exampleOwner, urls] of Object.entries(examples)) {
        for (const url of urls ?? []) {
          const expected = exampleOwner === name;
          it(`${expected ? 'matches' : 'does not match'} ${url}`, () => {
            expect(detect(new URL(url))).toBe(expected);
          });
        }
      }
      for (const url of unmatchedExamples) {
        it(`does not match ${url}`, () => {
          expect(detect(new URL(url))).toBe(false);
        });
      }
    });
  }
});
