import { render } from 'preact';
import { downloadText } from '../../components/shared/download';
import { TeamOverviewApp } from '../../components/team/TeamOverviewApp';
import { whenOpen } from '../../components/shared/StoreUnavailable';
import { t } from '../../lib/text/i18n';
import { send } from '../../lib/messages/send';
import { openReader } from '../../lib/storage/store';
import { teamReadProgress } from '../../lib/storage/settings';
import type { Plan } from '../../lib/model/plan';
import type { GrantedExtension } from '../../lib/model/extension';

document.documentElement.lang = t('localeCode');
document.title = `${t('teamOverviewTitle')} – ${t('extName')}`;

void whenOpen(openReader(), t('teamOverviewTitle'), (store) => {
  // The team's plan in force; a coordinator who has not put it in force yet sees the saved draft.
  // Read once, for the grid while the member files come in and for the whole overview after.
  let planRead: Promise<{ plan: Plan | undefined; granted: GrantedExtension[] }> | null = null;
  const planNow = () =>
    (planRead ??= Promise.all([store.activePlan(), store.draft()]).then(([active, draft]) => ({
      plan: active?.plan ?? draft?.plan,
      granted: draft?.plan.extensions ?? active?.plan.extensions ?? [],
    })));
  render(
    <TeamOverviewApp
      load={async () => {
        const [{ plan, granted }, reading, progress, catalogue] = await Promise.all([
          planNow(),
          send({ type: 'teamMembers' }),
          store.progress(),
          store.catalogue(),
        ]);
        // The stated time as the coordinator's own course visits saw it, else as a course list showed it.
        const stated: Record<string, number> = {};
        for (const entry of catalogue) if (entry.minutes !== undefined) stated[entry.key] = entry.minutes;
        for (const record of progress.values()) if (record.minutes !== undefined) stated[record.courseKey] = record.minutes;
        return { plan, reading, stated, granted };
      }}
      grant={{
        grant: async (input) => {
          const answer = await send({ type: 'grantExtension', ...input });
          return answer;
        },
        revoke: (input) => send({ type: 'revokeExtension', ...input }),
      }}
      reading={{
        watch: (listener) => {
          void teamReadProgress.getValue().then(listener);
          return teamReadProgress.watch(listener);
        },
        cancel: () => void send({ type: 'cancelTeamMembers' }),
        soFar: async (after, of) => {
          const [{ plan, granted }, answer] = await Promise.all([planNow(), send({ type: 'teamMembersSoFar', after, ...(of !== undefined ? { of } : {}) })]);
          return answer.ok && answer.reading ? { plan, granted, reading: answer.reading } : null;
        },
      }}
      download={(fileName, text) => downloadText(fileName, text, 'text/csv;charset=utf-8')}
      print={() => window.print()}
    />,
    document.getElementById('app') as HTMLElement,
  );
});
