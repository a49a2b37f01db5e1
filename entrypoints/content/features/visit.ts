import { send } from '../../../lib/messages/send';
import { courseFacts } from '../../../lib/site/digiteket';
import type { Feature } from '../runner';

/** Opening a course (any of its steps) or article counts it as started (once per page load and course). */
export function recordVisit(): Feature {
  const reported = new Set<string>();
  return {
    id: 'recordVisit',
    runsOn: (page) => page.pageKey !== null,
    init({ page }) {
      const key = page.pageKey;
      if (!key || reported.has(key)) return;
      reported.add(key);
      // The stated time and area are on the course's landing page, not on its steps.
      const facts = page.item?.via === 'landing' ? courseFacts(document) : {};
      void send({ type: 'visited', key, title: page.title(), ...facts });
    },
  };
}
