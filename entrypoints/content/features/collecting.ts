import { send } from '../../../lib/messages/send';
import {
  cardOf,
  isCompetenceAreaPage,
  isCourseKey,
  isCertificate,
  isCourseList,
  isMyPages,
  isSelfAssessmentResult,
  isStartPage,
  itemHeading,
  itemLinks,
  listHeading,
} from '../../../lib/site/digiteket';
import { CollectLayer, type AddItems, type Collectable } from '../collect';
import type { Feature, FeatureRun } from '../runner';

const addToDraft: AddItems = (periodId, items) => send({ type: 'addToDraft', periodId, items });

const isListPage = (url: URL) => isCourseList(url) || isCompetenceAreaPage(url) || isStartPage(url);
/** Pages that list no courses to collect, whatever links they hold. */
const isNoList = (url: URL) => isMyPages(url) || isSelfAssessmentResult(url) || isCertificate(url);
/**
 * On a page no detector knows as a list (the list addresses are not known on the real site,
 * SITE.md), the bar comes once the page shows this many course cards.
 */
const CARDS_FOR_A_LIST = 3;

function listed(root: ParentNode): Collectable[] {
  const found = new Map<string, Collectable>();
  for (const { link, key, anchor } of itemLinks(root)) {
    if (found.has(key)) continue;
    const text = anchor.textContent?.trim();
    if (text) found.set(key, { key, title: text, kind: isCourseKey(key) ? 'course' : 'article', card: cardOf(link) ?? link });
  }
  return [...found.values()];
}

/** Coordinator mode: tick boxes on course lists, "Lägg till i planen" on a course page. */
export function coordinatorCollecting(): Feature {
  return {
    id: 'collecting',
    runsOn: (page) => page.context.collect !== undefined && (page.pageKey !== null || !isNoList(page.url)),
    init(life) {
      const start = life.page.context.collect;
      if (!start) return;
      const key = life.page.pageKey;
      const anchor = key ? itemHeading(document) : listHeading(document);
      if (!anchor) return;
      const layer = new CollectLayer(life.ctx, start, addToDraft, key !== null);
      const run: FeatureRun = {
        refresh: () => {
          const now = life.page.context.collect;
          if (now) layer.update(now);
        },
        teardown: () => layer.remove(),
      };
      if (key) {
        layer.show(anchor, [{ key, title: life.page.title(), kind: isCourseKey(key) ? 'course' : 'article', card: anchor }]);
        return run;
      }
      // Known lists get the bar at once; any other page once it shows a few course cards.
      let shown = isListPage(life.page.url);
      const found = listed(document.body);
      if (shown || found.length >= CARDS_FOR_A_LIST) {
        shown = true;
        layer.show(anchor, found);
      }
      // Cards the site adds later (more results, infinite scroll) get their tick boxes too.
      const added = (nodes: readonly Element[]) => {
        if (!shown) {
          if (listed(document.body).length < CARDS_FOR_A_LIST) return;
          shown = true;
          layer.show(anchor, listed(document.body));
          return;
        }
        nodes.forEach((node) => layer.show(anchor, listed(node)));
      };
      return { ...run, added };
    },
  };
}
