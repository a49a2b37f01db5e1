import { send } from '../../../lib/messages/send';
import { completedOnMyPages, isMyPages } from '../../../lib/site/digiteket';
import { mountMyPagesBar } from '../panel';
import type { Feature } from '../runner';

/** On Mina sidor: import every course Digiteket lists as completed, in one click. */
export function myPagesImport(): Feature {
  return {
    id: 'myPagesImport',
    runsOn: (page) => isMyPages(page.url),
    init(life) {
      const entries = completedOnMyPages(document, life.page.url.href);
      if (entries.length === 0) return;
      let remove: (() => void) | null = null;
      let gone = false;
      mountMyPagesBar(life.ctx, entries.length, () => send({ type: 'importMyPages', entries })).then((done) => {
        if (gone) return done();
        remove = done;
      }, life.failed);
      return {
        teardown() {
          gone = true;
          remove?.();
        },
      };
    },
  };
}
