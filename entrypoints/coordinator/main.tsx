import { render } from 'preact';
import { browser } from 'wxt/browser';
import { CoordinatorApp } from '../../components/coordinator/CoordinatorApp';
import { downloadText } from '../../components/shared/download';
import { whenOpen } from '../../components/shared/StoreUnavailable';
import { t, uiLocale } from '../../lib/text/i18n';
import { send } from '../../lib/messages/send';
import { publishAddress, revision, teamFolderSetting } from '../../lib/storage/settings';
import { itemHeading } from '../../lib/site/digiteket';
import { DIGITEKET_MATCHES } from '../../lib/site/hosts';
import { openReader } from '../../lib/storage/store';
import { parseTeamSettings } from '../../lib/folder/team-settings';

document.documentElement.lang = t('localeCode');
document.title = `${t('coordinatorTitle')} – ${t('extName')}`;

/** The heading of a course or article page, or null when the answer is not such a page. */
async function pageTitle(url: string): Promise<string | null> {
  const response = await fetch(url, { credentials: 'omit', signal: AbortSignal.timeout(10_000) });
  if (!response.ok || !/html/i.test(response.headers.get('content-type') ?? '')) return null;
  const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
  return itemHeading(doc)?.textContent?.trim().slice(0, 300) || null;
}

void whenOpen(Promise.all([openReader(), teamFolderSetting.getValue()]), t('coordinatorTitle'), ([store, team]) => {
  const joined = parseTeamSettings(team) !== null;
  // Member files are read from the folder once per visit, not at every autosave of the plan.
  const members = joined ? send({ type: 'teamMembers' }).then((reading) => (reading.ok ? reading.members : null)) : Promise.resolve(null);
  render(
    <CoordinatorApp
      load={async () => {
        const [draft, active] = await Promise.all([store.draft(), store.activePlan()]);
        return { ...(draft ? { draft } : {}), ...(active ? { active } : {}) };
      }}
      save={(plan) => send({ type: 'saveDraft', plan })}
      useMyself={() => send({ type: 'useDraft' })}
      subscribe={(listener) => revision.watch(listener)}
      download={(fileName, text) => downloadText(fileName, text, 'application/json')}
      planFile={() => send({ type: 'planFileText' })}
      signing={{
        load: async () => {
          const key = await store.signingKey();
          return key ? { fingerprint: key.fingerprint, exportable: key.privateKey.extractable } : null;
        },
        create: (exportable) => send({ type: 'createSigningKey', exportable }),
        exportFile: () => send({ type: 'exportSigningKey' }),
        importFile: (text) => send({ type: 'importSigningKey', text }),
        save: (fileName, text) => downloadText(fileName, text, 'application/json'),
      }}
      copy={(text) => navigator.clipboard.writeText(text)}
      titles={{
        canRead: () => browser.permissions.contains({ origins: [...DIGITEKET_MATCHES] }),
        askToRead: () => browser.permissions.request({ origins: [...DIGITEKET_MATCHES] }),
        lookup: pageTitle,
      }}
      planAddress={{ get: () => publishAddress.getValue(), set: (value) => publishAddress.setValue(value) }}
      locale={uiLocale()}
      coverage={{
        load: async () => {
          const [draft, catalogue, files] = await Promise.all([store.draft(), store.catalogue(), members]);
          return { plan: draft?.plan, catalogue, members: files };
        },
        subscribe: (listener) => revision.watch(listener),
      }}
      folder={
        joined
          ? { publish: (overwrite) => send({ type: 'publishPlan', ...(overwrite ? { overwrite } : {}) }), take: (etag) => send({ type: 'takeFolderPlan', etag }) }
          : undefined
      }
    />,
    document.getElementById('app') as HTMLElement,
  );
});
