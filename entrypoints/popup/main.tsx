import { render } from 'preact';
import { PopupApp, type PopupLoaded } from '../../components/popup/PopupApp';
import { afterNextPaint } from '../../components/shared/frames';
import { t } from '../../lib/text/i18n';
import { send } from '../../lib/messages/send';
import { coordinatorMode, revision, siteCheckSuggested, teamFolderSetting } from '../../lib/storage/settings';
import { suggestSiteCheck as suggestSiteCheckFor } from '../../lib/domain/site-check';
import { bookedSessionIds } from '../../lib/domain/sessions';
import { DB_VERSION, openReader, type PopupData, type StoreReader } from '../../lib/storage/store';
import { readPopupSnapshot, webStorage, writePopupSnapshot } from '../../lib/storage/popup-snapshot';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';

type Settings = [coordinator: boolean, teamFolder: unknown, siteCheckSuggested: boolean, revision: number];
type Reading = [PopupData, Settings];

performance.mark('kurskompis-popup-script');

/** The settings and the background's revision counter, in one call, each with its fallback. */
function readSettings(): Promise<Settings> {
  return storage.getItems([coordinatorMode, teamFolderSetting, siteCheckSuggested, revision]).then((items) => items.map((item) => item.value) as Settings);
}

/** The database is read after the revision: data is never older than the revision it is kept with. */
async function readPopup(store: StoreReader, known?: Settings): Promise<Reading> {
  const settings = known ?? (await readSettings());
  return [await store.popupData(), settings];
}

const VERSION = `${DB_VERSION}:${browser.runtime.getManifest().version}`;
const web = webStorage();
// Asked for first: the settings; what the last opening drew is drawn at once if nothing changed
// since, and the database's answer follows it.
const settings = readSettings();
const snapshot = settings.then((known): Reading | null => {
  const data = readPopupSnapshot(web, known[3], VERSION);
  return data ? [data, known] : null;
});
const opening = openReader();
opening.then(() => performance.mark('kurskompis-popup-db'), () => undefined);
// Drawn from the snapshot, the database is read only after the popup's first paint: the reading
// competes with the frame that shows the window, and its answer only confirms what is shown.
const painted = snapshot.then((quick) => (quick ? afterNextPaint(250) : undefined), () => undefined);
const reading = Promise.all([opening, settings, painted]).then(([store, known]) => ({ store, fresh: readPopup(store, known) }));
// A failure is shown by the popup when it asks; until then it is not an uncaught error.
reading.catch(() => undefined);
document.documentElement.lang = t('localeCode');
document.title = t('extName');

// The popup reads the database directly (fast, no wait for the service worker) and sends
// every change through the background, which owns the toolbar badge and the open tabs.
/** One of the extension's pages in a new tab; the popup closes behind it. */
function openPage(path: Parameters<typeof browser.runtime.getURL>[0]): void {
  void browser.tabs.create({ url: browser.runtime.getURL(path) });
  window.close();
}

/** The places left in a discussion are counted while someone looks at them, not in the background. */
let looked = false;

/** The revision the popup's data was last read at: a change made before the popup listened is not missed. */
let seenRevision = 0;

/** What the popup draws from a reading. */
async function loaded([{ stored, progress, changes, state, signups, own }, [coordinator, teamSettings, suggested]]: Reading): Promise<PopupLoaded> {
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
}

/** A reading from the database: kept for the next opening, once this one has drawn. */
function keep(reading: Reading): Reading {
  performance.mark('kurskompis-popup-read');
  seenRevision = reading[1][3];
  setTimeout(() => writePopupSnapshot(web, reading[1][3], VERSION, reading[0]));
  return reading;
}

void (async () => {
  const quick = await snapshot.catch(() => null);
  const fresh = reading.then(({ fresh }) => fresh.then(keep));
  fresh.catch(() => undefined);
  if (quick) {
    performance.mark('kurskompis-popup-snapshot');
    seenRevision = quick[1][3];
  }
  // Drawn from the snapshot, the database's answer is the popup's first refresh.
  let pending: Promise<Reading> | null = quick ? fresh : null;
  // A database that cannot be read leaves the popup to say so (its first refresh fails again).
  const initial = await (quick ? loaded(quick) : fresh.then(loaded)).catch(() => undefined);
  render(
    <PopupApp
      {...(initial ? { initial } : {})}
      load={async () => {
        const next = pending ?? readPopup((await reading).store).then(keep);
        pending = null;
        return loaded(await next);
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
      subscribe={(listener) => {
        const stop = revision.watch(listener);
        // Drawn from the snapshot: the database's answer, or its failure, is the first refresh.
        if (quick) void fresh.then(() => listener(), () => listener());
        void revision.getValue().then((now) => now !== seenRevision && listener());
        return stop;
      }}
    />,
    document.getElementById('app') as HTMLElement,
  );
})();
