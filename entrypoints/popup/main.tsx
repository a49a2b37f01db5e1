import { render } from 'preact';
import { PopupApp } from '../../components/popup/PopupApp';
import { t } from '../../lib/text/i18n';
import { send } from '../../lib/messages/send';
import { coordinatorMode, revision, siteCheckSuggested, teamFolderSetting } from '../../lib/storage/settings';
import { suggestSiteCheck as suggestSiteCheckFor } from '../../lib/domain/site-check';
import { bookedSessionIds } from '../../lib/domain/sessions';
import { openReader, type StoreReader } from '../../lib/storage/store';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';

performance.mark('kurskompis-popup-script');
// Asked for first: the database opens, and the popup's data is read, while the browser hands
// this page its message catalogue (the first t() waits for it) and Preact draws the frame.
const reading = openReader().then((store) => {
  performance.mark('kurskompis-popup-db');
  return { store, first: readPopup(store) };
});
document.documentElement.lang = t('localeCode');
document.title = t('extName');

function readPopup(store: StoreReader) {
  return Promise.all([
    store.popupData(),
    // One call for the three settings, with each one's fallback.
    storage.getItems([coordinatorMode, teamFolderSetting, siteCheckSuggested]).then((items) => items.map((item) => item.value) as [boolean, unknown, boolean]),
  ]);
}

// The popup reads the database directly (fast, no wait for the service worker) and sends
// every change through the background, which owns the toolbar badge and the open tabs.
/** One of the extension's pages in a new tab; the popup closes behind it. */
function openPage(path: Parameters<typeof browser.runtime.getURL>[0]): void {
  void browser.tabs.create({ url: browser.runtime.getURL(path) });
  window.close();
}

/** The places left in a discussion are counted while someone looks at them, not in the background. */
let looked = false;

void reading.then(({ store, first }) => {
  let early: ReturnType<typeof readPopup> | null = first;
  render(
    <PopupApp
      load={async () => {
        // The read begun at start serves the first drawing; every later one reads afresh.
        const [{ stored, progress, changes, state, signups, own }, [coordinator, teamSettings, suggested]] = await (early ?? readPopup(store));
        early = null;
        performance.mark('kurskompis-popup-read');
        const suggestSiteCheck = suggestSiteCheckFor(progress.values(), suggested);
        if (suggestSiteCheck) await siteCheckSuggested.setValue(true);
        const signedUp = bookedSessionIds(signups);
        // Only whether this browser is in a team: the popup stays free of the schema library.
        const team = teamSettings !== null && typeof teamSettings === 'object' ? { state, signedUp } : undefined;
        if (team && !looked) {
          looked = true;
          void send({ type: 'lookAtSignups' }).catch(() => undefined);
        }
        // A grant in the plan is for one member id; the worker parses the settings properly when it uses them.
        const memberId = team && typeof (teamSettings as { memberId?: unknown }).memberId === 'string' ? (teamSettings as { memberId: string }).memberId : undefined;
        const extensions = { own, granted: stored?.plan.extensions ?? [], memberId };
        return { stored, progress, changes, coordinator, suggestSiteCheck, extensions, ...(team ? { team } : {}) };
      }}
      setExtension={(input) => send({ type: 'setExtension', ...input })}
      removeExtension={(periodId) => send({ type: 'removeExtension', periodId })}
      signUp={(sessionId, cancel) => send({ type: 'signUp', sessionId, cancel })}
      setDone={(key, done, title) => send({ type: 'setDone', key, done, ...(title ? { title } : {}) })}
      useDemo={() => send({ type: 'useDemoPlan' })}
      dismissChanges={() => send({ type: 'dismissPlanChanges' })}
      openOptions={(field) => {
        if (field) openPage(`/options.html#${field}`);
        else {
          void browser.runtime.openOptionsPage();
          window.close();
        }
      }}
      openNotes={() => openPage('/notes.html')}
      openSiteCheck={() => openPage('/options.html#site-check')}
      openReport={() => openPage('/report.html')}
      openEvaluation={(periodId) => openPage(`/evaluate.html?${new URLSearchParams({ period: periodId })}`)}
      openPlanner={() => openPage('/coordinator.html')}
      subscribe={(listener) => revision.watch(listener)}
    />,
    document.getElementById('app') as HTMLElement,
  );
});
