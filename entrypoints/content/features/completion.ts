import { send } from '../../../lib/messages/send';
import { itemTitle, showsCompletion } from '../../../lib/site/digiteket';
import type { Feature } from '../runner';

/** A course page that shows the course finished records it done (once per page load). */
export function completionDetection(): Feature {
  const reported = new Set<string>();
  return {
    id: 'completion',
    runsOn: (page) => page.pageKey !== null,
    init(life) {
      const check = () => {
        const { pageKey: key, done, url, context } = life.page;
        if (!key || done.has(key) || reported.has(key)) return;
        if (!showsCompletion(document, url, context.overrides)) return;
        reported.add(key);
        done.add(key);
        life.changed();
        void send({ type: 'completedOnPage', key, title: itemTitle(document) });
      };
      check();
      return { added: check };
    },
  };
}
