import { send } from '../../../lib/messages/send';
import { readPageReport } from '../../../lib/site/page-report';
import type { Feature } from '../runner';

/**
 * What the adapter recognised on this page goes to the site check (once per address and load).
 * Nobody waits for it, so it is read when the page is idle, not while it loads.
 */
export function siteCheckReport(): Feature {
  const reported = new Set<string>();
  return {
    id: 'siteCheck',
    runsOn: () => true,
    init({ ctx, page }) {
      ctx.requestIdleCallback(
        () => {
          const report = readPageReport(page.url, document, { item: page.item, overrides: page.context.overrides });
          if (reported.has(report.address)) return;
          reported.add(report.address);
          void send({ type: 'pageReport', report });
        },
        { timeout: 5_000 },
      );
    },
  };
}
