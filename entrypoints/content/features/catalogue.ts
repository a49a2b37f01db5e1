import { send } from '../../../lib/messages/send';
import { CATALOGUE_BATCH } from '../../../lib/model/limits';
import { cardFacts, cardOf, isCertificate, isCourseKey, isMyPages, isSelfAssessmentResult, itemLinks } from '../../../lib/site/digiteket';
import type { Feature } from '../runner';

type Card = { key: string; title: string; area?: string; minutes?: number };

/** A page sends no more than this many cards, however far its list scrolls. */
const PAGE_MAX = 2_000;

const isNoList = (url: URL) => isMyPages(url) || isSelfAssessmentResult(url) || isCertificate(url);

function cards(root: ParentNode, sent: Set<string>): Card[] {
  const found: Card[] = [];
  for (const { link, key, anchor } of itemLinks(root)) {
    if (sent.has(key) || !isCourseKey(key) || sent.size >= PAGE_MAX) continue;
    const title = anchor.textContent?.replace(/\s+/g, ' ').trim().slice(0, 300);
    if (!title) continue;
    sent.add(key);
    const card = cardOf(link);
    const { competenceArea, minutes } = card ? cardFacts(card) : {};
    found.push({ key, title, ...(competenceArea ? { area: competenceArea } : {}), ...(minutes ? { minutes } : {}) });
  }
  return found;
}

/**
 * Coordinator mode only: the course cards a page shows go to the catalogue, so the planner can
 * count the year's plan against everything Digiteket offers. Read when the page is idle;
 * a staff member's browsing is never recorded (the context has no `collect` for them).
 */
export function catalogueLearning(): Feature {
  return {
    id: 'catalogue',
    runsOn: (page) => page.context.collect !== undefined && page.pageKey === null && !isNoList(page.url),
    init({ ctx, page }) {
      const sent = new Set<string>();
      let stopped = false;
      const learn = (roots: readonly ParentNode[]) =>
        ctx.requestIdleCallback(
          () => {
            if (stopped || page.context.collect === undefined) return;
            const found = roots.flatMap((root) => cards(root, sent));
            for (let at = 0; at < found.length; at += CATALOGUE_BATCH) {
              void send({ type: 'catalogueSeen', entries: found.slice(at, at + CATALOGUE_BATCH) });
            }
          },
          { timeout: 5_000 },
        );
      learn([document.body]);
      return {
        added: (nodes) => void learn(nodes),
        teardown: () => void (stopped = true),
      };
    },
  };
}
