import { isCourseKey } from '../../../lib/site/digiteket';
import { mountNotesDock } from '../notes';
import type { Feature } from '../runner';

/** "Mina reflektioner": the tab at the page edge and the notes panel beside a course. */
export function notesTab(): Feature {
  return {
    id: 'notesTab',
    // On a course's landing page and every step: one list of notes per course.
    runsOn: (page) => page.pageKey !== null && isCourseKey(page.pageKey),
    init({ ctx, page }) {
      if (!page.pageKey) return;
      const dock = mountNotesDock(ctx, page.pageKey, page.title());
      return { teardown: () => dock.remove() };
    },
  };
}
