import { render } from 'preact';
import { DiscussionSheet } from '../../components/notes/DiscussionSheet';
import { whenOpen } from '../../components/shared/StoreUnavailable';
import { t } from '../../lib/text/i18n';
import { discussionPeriod } from '../../lib/time/periods';
import { openReader } from '../../lib/storage/store';
import { watchNotes } from '../../lib/storage/settings';

document.documentElement.lang = t('localeCode');
document.title = `${t('discussionTitle')} – ${t('extName')}`;

void whenOpen(openReader(), t('discussionTitle'), (store) => {
  render(
    <DiscussionSheet
      load={async () => {
        const [notes, stored] = await Promise.all([store.allNotes(), store.activePlan()]);
        // The discussion comes at the end of a period, often just after its deadline.
        return { notes, period: stored ? discussionPeriod(stored.plan) : undefined };
      }}
      copy={(text) => navigator.clipboard.writeText(text)}
      print={() => window.print()}
      subscribe={watchNotes}
    />,
    document.getElementById('app') as HTMLElement,
  );
});
