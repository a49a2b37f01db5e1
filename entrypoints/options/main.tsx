import { render } from 'preact';
import { browser } from 'wxt/browser';
import { teamPermissionRequest } from './data-consent';
import { OptionsApp } from '../../components/options/OptionsApp';
import { downloadText } from '../../components/shared/download';
import { whenOpen } from '../../components/shared/StoreUnavailable';
import { t } from '../../lib/text/i18n';
import { send } from '../../lib/messages/send';
import { coordinatorMode, planUrlSetting, reminderSetting, revision, seenPagesSetting, teamFolderSetting } from '../../lib/storage/settings';
import { parseTeamSettings } from '../../lib/folder/team-settings';
import { folderAddress } from '../../lib/folder/address';
import { readManaged } from '../../lib/folder/managed';
import { exportBackup } from '../../lib/domain/backup';
import { BACKUP_MAX_BYTES } from '../../lib/model/limits';
import { openReader } from '../../lib/storage/store';

document.documentElement.lang = t('localeCode');

/** The host permission for an address: a match pattern names no port, so the host is asked for. */
function hostPattern(address: string): string {
  const { protocol, hostname } = new URL(address);
  return `${protocol}//${hostname}/*`;
}
document.title = `${t('optionsTitle')} – ${t('extName')}`;

/** What the organisation's policy presets; read each time, since IT may change it while the page is open. */
const managed = () => readManaged(() => browser.storage.managed.get(null));

void whenOpen(openReader(), t('extName'), (store) => {
  render(
    <OptionsApp
      load={async () => ({
        stored: await store.activePlan(),
        fetchState: await store.planFetch(),
        planUrl: await planUrlSetting.getValue(),
        trust: await store.trust(),
        managedPlanUrl: (await managed()).planUrl,
      })}
      forgetTrustedKey={() => send({ type: 'forgetTrustedKey' })}
      importPlan={(text, name) => send({ type: 'importPlan', text, name })}
      useDemo={() => send({ type: 'useDemoPlan' })}
      setPlanUrl={async (url) => {
        // Asked now, for this one origin, while the user is clicking: never up front.
        try {
          await browser.permissions.request({ origins: [hostPattern(url)] });
        } catch {
          /* refused or not a URL: the fetch below reports what went wrong */
        }
        return send({ type: 'setPlanUrl', url });
      }}
      refreshPlan={() => send({ type: 'refreshPlan' })}
      subscribe={(listener) => revision.watch(listener)}
      coordinatorMode={{ get: () => coordinatorMode.getValue(), set: (on) => coordinatorMode.setValue(on) }}
      reminders={{ get: () => reminderSetting.getValue(), set: (value) => reminderSetting.setValue(value) }}
      siteCheck={{
        load: () => seenPagesSetting.getValue(),
        copy: (text) => navigator.clipboard.writeText(text),
        version: browser.runtime.getManifest().version,
        subscribe: (listener) => seenPagesSetting.watch(listener),
      }}
      team={{
        load: async () => ({
          settings: parseTeamSettings(await teamFolderSetting.getValue()),
          state: await store.syncState(),
          managedUrl: (await managed()).teamFolderUrl,
        }),
        async join(request) {
          const address = folderAddress(request.url);
          if (!address) return { ok: false, error: 'teamError_badAddress' };
          // Asked now, for this one origin, while the user is clicking: never up front.
          // In Firefox the kinds of data the folder will receive are asked for in the same prompt.
          const ask = teamPermissionRequest(hostPattern(address.base), request, import.meta.env.FIREFOX);
          const granted = await browser.permissions.request(ask as Parameters<typeof browser.permissions.request>[0]).catch(() => false);
          if (!granted) return { ok: false, error: 'teamError_permission' };
          return send({ type: 'joinTeam', ...request });
        },
        leave: (removeFile) => send({ type: 'leaveTeam', removeFile }),
        syncNow: () => send({ type: 'syncNow' }),
        async setSharing(patch) {
          if (!import.meta.env.FIREFOX || (!patch.shareProgress && !patch.shareNotes)) return send({ type: 'setSharing', ...patch });
          // Sharing more: Firefox asks for the kinds of data first; a kind refused stays unshared.
          type Request = Parameters<typeof browser.permissions.request>[0];
          await browser.permissions.request(teamPermissionRequest(null, patch, true) as Request).catch(() => false);
          const holds = (sharing: { shareProgress: boolean; shareNotes: boolean }) =>
            browser.permissions.contains(teamPermissionRequest(null, sharing, true) as Request).catch(() => false);
          const [progress, notes] = await Promise.all([holds({ shareProgress: true, shareNotes: false }), holds({ shareProgress: false, shareNotes: true })]);
          return send({ type: 'setSharing', ...patch, shareProgress: patch.shareProgress && progress, shareNotes: patch.shareNotes && notes });
        },
        subscribe: (listener) => revision.watch(listener),
      }}
      backup={{
        async exportBackup() {
          const data = await exportBackup(store, await planUrlSetting.getValue());
          downloadText(`kurskompis-sakerhetskopia-${data.exportedAt.slice(0, 10)}.json`, JSON.stringify(data, null, 2), 'application/json');
        },
        // The worker reads and merges the file; one too large for any backup is refused here.
        importBackup: async (text) =>
          text.length > BACKUP_MAX_BYTES ? { ok: false, error: 'backup_tooLarge' } : send({ type: 'restoreBackup', text }),
      }}
    />,
    document.getElementById('app') as HTMLElement,
  );
});
