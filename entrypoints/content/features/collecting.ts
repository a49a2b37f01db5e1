import { send } from '../../../lib/messages/send';
import {
  cardOf,
  isCompetenceAreaPage,
  isCourseKey,
  isCourseList,
  isStartPage,
  itemHeading,
  itemLinks,
  listHeading,
} from '../../../lib/site/digiteket';
import { CollectLayer, type AddItems, type Collectable } from '../collect';
import type { Feature, FeatureRun } from '../runner';

const addToDraft: AddItems = (periodId, items) => send({ type: 'addToDraft', periodId, items });

const isListPage = (url: URL) => isCourseList(url) || isCompetenceAreaPage(url) || isStartPage(url);

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
    runsOn: (page) => page.context.collect !== undefined && (page.pageKey !== null || isListPage(page.url)),
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
      layer.show(anchor, listed(document.body));
      // Cards the site adds later (more results, infinite scroll) get their tick boxes too.
      return { ...run, added: (nodes) => nodes.forEach((node) => layer.show(anchor, listed(node))) };
    },
  };
}
