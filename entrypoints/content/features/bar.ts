import type { FeatureLife, FeatureRun } from '../runner';

/**
 * The lifetime of a bar that mounts later: removed when the page is left, or as soon as it
 * has mounted if the page was left meanwhile.
 */
export function barRun(life: FeatureLife, mounting: Promise<() => void>): FeatureRun {
  let remove: (() => void) | null = null;
  let gone = false;
  mounting.then((done) => {
    if (gone) return done();
    remove = done;
  }, life.failed);
  return {
    teardown() {
      gone = true;
      remove?.();
    },
  };
}
