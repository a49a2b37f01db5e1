import { isCoursePage, itemTitle } from '../../../lib/site/digiteket';
import { mountNotesDock } from '../notes';
import type { Feature } from '../runner';

/** "Mina reflektioner": the tab at the page edge and the notes panel beside a course. */
export function notesTab(): Feature {
  return {
    id: 'notesTab',
    runsOn: (page) => page.pageKey !== null && isCoursePage(page.url),
    init({ ctx, page }) {
      if (!page.pageKey) return;
      const dock = mountNotesDock(ctx, page.pageKey, itemTitle(document));
      return { teardown: () => dock.remove() };
    },
  };
}
