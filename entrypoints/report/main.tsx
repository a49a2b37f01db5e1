import { render } from 'preact';
import { ReportApp } from '../../components/report/ReportApp';
import { downloadText } from '../../components/shared/download';
import { whenOpen } from '../../components/shared/StoreUnavailable';
import { calendarFile } from '../../lib/domain/calendar-file';
import { t, uiLocale } from '../../lib/text/i18n';
import { send } from '../../lib/messages/send';
import { teamFolderSetting, watchNotes } from '../../lib/storage/settings';
import { openReader } from '../../lib/storage/store';
import { parseTeamSettings } from '../../lib/folder/team-settings';

document.documentElement.lang = t('localeCode');
document.title = `${t('reportTitle')} – ${t('extName')}`;

void whenOpen(openReader(), t('reportTitle'), (store) => {
  render(
    <ReportApp
      load={async () => {
        const [active, progress, assessments, notes, team] = await Promise.all([
          store.activePlan(),
          store.progress(),
          store.assessments(),
          store.allNotes(),
          teamFolderSetting.getValue(),
        ]);
        const name = parseTeamSettings(team)?.displayName;
        return { plan: active?.plan, progress: [...progress.values()], assessments, notes, name };
      }}
      saveAssessment={async (input) => send({ type: 'saveSelfAssessment', ...input, source: 'manual' })}
      download={downloadText}
      calendar={async () => {
        const file = await calendarFile(store);
        if (file) downloadText(file.name, file.text, 'text/calendar;charset=utf-8');
      }}
      print={() => window.print()}
      // The report shows the member's reflections too, which change on a counter of their own.
      subscribe={watchNotes}
      locale={uiLocale()}
    />,
    document.getElementById('app') as HTMLElement,
  );
});
