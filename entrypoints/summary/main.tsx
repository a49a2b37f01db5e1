import { render } from 'preact';
import { downloadText } from '../../components/shared/download';
import { SummaryApp } from '../../components/summary/SummaryApp';
import { whenOpen } from '../../components/shared/StoreUnavailable';
import { t } from '../../lib/text/i18n';
import { send } from '../../lib/messages/send';
import { openReader } from '../../lib/storage/store';

document.documentElement.lang = t('localeCode');
document.title = t('summaryTitle');

void whenOpen(openReader(), t('summaryTitle'), (store) => {
  render(
    <SummaryApp
      load={async () => {
        const [active, draft, reading] = await Promise.all([store.activePlan(), store.draft(), send({ type: 'teamMembers' })]);
        // As the team overview: the plan in force, else the coordinator's saved draft.
        return { plan: active?.plan ?? draft?.plan, reading };
      }}
      download={(fileName, text) => downloadText(fileName, text, 'text/csv;charset=utf-8')}
      print={() => window.print()}
    />,
    document.getElementById('app') as HTMLElement,
  );
});
