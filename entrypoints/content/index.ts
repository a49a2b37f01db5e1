import { defineContentScript } from 'wxt/utils/define-content-script';
import { send } from '../../lib/messages/send';
import { onRevision } from '../../lib/messages/revision';
import { DIGITEKET_MATCHES } from '../../lib/site/hosts';
import { pageItem } from '../../lib/site/page-item';
import { contentFeatures } from './features/index';
import { runFeatures } from './runner';

export default defineContentScript({
  matches: [...DIGITEKET_MATCHES],
  // Started before the page is parsed so the page context is usually here when parsing ends:
  // the badges then go into the page before the browser's last layout of it, instead of making
  // it lay out and repaint a long list once more.
  runAt: 'document_start',
  main(ctx) {
    void runFeatures({
      ctx,
      features: contentFeatures(),
      loadContext: async () => {
        // The course the address names, so the worker can add what it remembers of it.
        const key = pageItem(new URL(location.href))?.key;
        const answer = await send({ type: 'pageContext', ...(key ? { key } : {}) });
        return answer.ok ? answer.context : { done: [] };
      },
      watchChanges: onRevision,
      onError: (feature, error) => console.warn(`Kurskompis: ${feature} stopped on this page.`, error),
    });
  },
});
