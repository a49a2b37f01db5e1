import { send } from '../../../lib/messages/send';
import { urlOfKey } from '../../../lib/site/course-key';
import { showsCompletion } from '../../../lib/site/digiteket';
import type { Feature } from '../runner';

/** A course page that shows the course finished records it done (once per page load). */
export function completionDetection(): Feature {
  const reported = new Set<string>();
  return {
    id: 'completion',
    runsOn: (page) => page.pageKey !== null,
    init(life) {
      const check = () => {
        const { pageKey: key, done, context } = life.page;
        if (!key || done.has(key) || reported.has(key)) return;
        // Read as the course's page: a step or a short link shows the course's completion.
        if (!showsCompletion(document, new URL(urlOfKey(key)), context.overrides)) return;
        reported.add(key);
        done.add(key);
        life.changed();
        void send({ type: 'completedOnPage', key, title: life.page.title() });
      };
      check();
      return { added: check };
    },
  };
}
