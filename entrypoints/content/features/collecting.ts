import type { PageContext } from '../../../lib/messages/protocol';
import { send } from '../../../lib/messages/send';
import {
  cardOf,
  isCompetenceAreaPage,
  isCourseKey,
  isCourseList,
  isCoursePage,
  isStartPage,
  itemHeading,
  itemLinks,
  itemTitle,
  listHeading,
} from '../../../lib/site/digiteket';
import { CollectLayer, type AddItems, type Collectable } from '../collect';
import type { Feature, PageState } from '../runner';

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
      const context = (page: PageState): PageContext['collect'] => page.context.collect;
      const start = context(life.page);
      if (!start) return;
      const key = life.page.pageKey;
      if (key) {
        const heading = itemHeading(document);
        if (!heading) return;
        const layer = new CollectLayer(life.ctx, start, addToDraft, true);
        const kind = isCoursePage(life.page.url) ? 'course' : 'article';
        layer.show(heading, [{ key, title: itemTitle(document), kind, card: heading }]);
        return {
          refresh: () => {
            const now = context(life.page);
            if (now) layer.update(now);
          },
          teardown: () => layer.remove(),
        };
      }
      const anchor = listHeading(document);
      if (!anchor) return;
      const layer = new CollectLayer(life.ctx, start, addToDraft, false);
      layer.show(anchor, listed(document.body));
      return {
        // Cards the site adds later (more results, infinite scroll) get their tick boxes too.
        added: (nodes) => {
          for (const node of nodes) layer.show(anchor, listed(node));
        },
        refresh: () => {
          const now = context(life.page);
          if (now) layer.update(now);
        },
        teardown: () => layer.remove(),
      };
    },
  };
}
