import { send } from '../../../lib/messages/send';
import { completedOnMyPages, isCompletedCoursesPage, isMyPages } from '../../../lib/site/digiteket';
import { mountMyPagesBar } from '../panel';
import type { Feature } from '../runner';
import { barRun } from './bar';

/**
 * On Mina sidor, or any page headed as the list of completed courses (its real address is not
 * known, SITE.md): import every course Digiteket lists as completed, in one click.
 */
export function myPagesImport(): Feature {
  return {
    id: 'myPagesImport',
    runsOn: (page) => page.pageKey === null && (isMyPages(page.url) || isCompletedCoursesPage(document)),
    init(life) {
      const entries = completedOnMyPages(document, life.page.url.href);
      if (entries.length === 0) return;
      return barRun(life, mountMyPagesBar(life.ctx, entries.length, () => send({ type: 'importMyPages', entries })));
    },
  };
}
