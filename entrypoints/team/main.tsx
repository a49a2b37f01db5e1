import { render } from 'preact';
import { downloadText } from '../../components/shared/download';
import { TeamOverviewApp } from '../../components/team/TeamOverviewApp';
import { t } from '../../lib/text/i18n';
import { send } from '../../lib/messages/send';
import { openReader } from '../../lib/storage/store';
import { teamReadProgress } from '../../lib/storage/settings';

document.documentElement.lang = t('localeCode');
document.title = `${t('teamOverviewTitle')} – ${t('extName')}`;

void openReader().then((store) => {
  render(
    <TeamOverviewApp
      load={async () => {
        const [active, draft, reading] = await Promise.all([store.activePlan(), store.draft(), send({ type: 'teamMembers' })]);
        // The team's plan in force; a coordinator who has not put it in force yet sees the saved draft.
        return { plan: active?.plan ?? draft?.plan, reading };
      }}
      reading={{
        watch: (listener) => {
          void teamReadProgress.getValue().then(listener);
          return teamReadProgress.watch(listener);
        },
        cancel: () => void send({ type: 'cancelTeamMembers' }),
      }}
      download={(fileName, text) => downloadText(fileName, text, 'text/csv;charset=utf-8')}
      print={() => window.print()}
    />,
    document.getElementById('app') as HTMLElement,
  );
});
