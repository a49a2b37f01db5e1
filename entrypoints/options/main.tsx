import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsApp } from '../../components/options/OptionsApp';
import { t } from '../../lib/i18n';
import { send } from '../../lib/messaging';
import { planUrlSetting, revision } from '../../lib/settings';
import { openDatabase, Store } from '../../lib/store';

document.documentElement.lang = t('localeCode');
document.title = `${t('optionsTitle')} – ${t('extName')}`;

void openDatabase().then((db) => {
  const store = new Store(db);
  render(
    <OptionsApp
      load={async () => ({
        stored: await store.activePlan(),
        fetchState: await store.planFetch(),
        planUrl: await planUrlSetting.getValue(),
      })}
      importPlan={(text, name) => send({ type: 'importPlan', text, name })}
      useDemo={() => send({ type: 'useDemoPlan' })}
      setPlanUrl={async (url) => {
        // Asked now, for this one origin, while the user is clicking: never up front.
        try {
          const origin = `${new URL(url).origin}/*`;
          await browser.permissions.request({ origins: [origin] });
        } catch {
          /* refused or not a URL: the fetch below reports what went wrong */
        }
        return send({ type: 'setPlanUrl', url });
      }}
      refreshPlan={() => send({ type: 'refreshPlan' })}
      subscribe={(listener) => revision.watch(listener)}
    />,
    document.getElementById('app') as HTMLElement,
  );
});
