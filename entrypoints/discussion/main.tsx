import { render } from 'preact';
import { DiscussionSheet } from '../../components/notes/DiscussionSheet';
import { t } from '../../lib/i18n';
import { planMoment } from '../../lib/periods';
import { openDatabase, Store } from '../../lib/store';

document.documentElement.lang = t('localeCode');
document.title = `${t('discussionTitle')} – ${t('extName')}`;

void openDatabase().then((db) => {
  const store = new Store(db);
  render(
    <DiscussionSheet
      load={async () => {
        const [notes, stored] = await Promise.all([store.allNotes(), store.activePlan()]);
        // The discussion comes at the end of a period, sometimes just after its deadline.
        const moment = stored ? planMoment(stored.plan) : undefined;
        const period =
          moment?.kind === 'active' ? moment.period : moment && 'previous' in moment ? moment.previous : undefined;
        return { notes, period };
      }}
      copy={(text) => navigator.clipboard.writeText(text)}
      print={() => window.print()}
    />,
    document.getElementById('app') as HTMLElement,
  );
});
