import { send } from '../../../lib/messages/send';
import { courseFacts, isCoursePage, itemTitle } from '../../../lib/site/digiteket';
import type { Feature } from '../runner';

/** Opening a course or article page counts it as started (once per page load and course). */
export function recordVisit(): Feature {
  const reported = new Set<string>();
  return {
    id: 'recordVisit',
    runsOn: (page) => page.pageKey !== null,
    init({ page }) {
      const key = page.pageKey;
      if (!key || reported.has(key)) return;
      reported.add(key);
      const facts = isCoursePage(page.url) ? courseFacts(document) : {};
      void send({ type: 'visited', key, title: itemTitle(document), ...facts });
    },
  };
}
