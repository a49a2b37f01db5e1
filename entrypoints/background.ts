import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { BackgroundHandler } from '../lib/background-handler';
import { CoordinatorService } from '../lib/coordinator/coordinator-service';
import { planAddress } from '../lib/managed';
import { NotesService } from '../lib/notes-service';
import { PlanService } from '../lib/plan-service';
import { bumpRevision, coordinatorMode, planUrlSetting } from '../lib/settings';
import { openDatabase, Store } from '../lib/store';
import { updateToolbar } from '../lib/toolbar';
import { Tracker } from '../lib/tracker';

const PLAN_REFRESH_ALARM = 'plan-refresh';
const TOOLBAR_ALARM = 'toolbar-refresh';

export default defineBackground(() => {
  const ready = (async () => {
    const store = new Store(await openDatabase());
    const changed = async () => {
      await updateToolbar(store);
      await bumpRevision();
    };
    const tracker = new Tracker(store, changed);
    const plans = new PlanService({ store, fetch: (...args) => fetch(...args), onChange: changed });
    const handler = new BackgroundHandler(
      store,
      tracker,
      plans,
      (url) => planUrlSetting.setValue(url),
      () => planAddress(() => planUrlSetting.getValue()),
      new NotesService(store, changed),
      new CoordinatorService({ store, plans, isOn: () => coordinatorMode.getValue(), onChange: bumpRevision }),
    );
    return { store, plans, handler };
  })();

  const extensionOrigin = browser.runtime.getURL('/');

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Content scripts report the web page's URL; only our own pages have the extension's origin.
    const fromExtensionPage = sender.id === browser.runtime.id && (sender.url ?? '').startsWith(extensionOrigin);
    return ready.then(({ handler }) => handler.handle(message, { fromExtensionPage }));
  });

  const refreshPlan = async () => {
    const { plans, store } = await ready;
    // A plan preset by policy wins over one the user chose, and needs no click.
    const address = await planAddress(() => planUrlSetting.getValue());
    if (address) await plans.fetchUrl(address.url, address.kind);
    await updateToolbar(store);
  };

  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'toggle-notes' && tab?.id !== undefined) {
      // Tabs without Kurskompis on them (not a Digiteket course) have no one to answer.
      browser.tabs.sendMessage(tab.id, { type: 'toggleNotes' }).catch(() => undefined);
    }
  });

  browser.runtime.onStartup.addListener(() => void refreshPlan());
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void refreshPlan();
  });
  browser.runtime.onInstalled.addListener(() => void refreshPlan());
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === PLAN_REFRESH_ALARM) void refreshPlan();
    if (alarm.name === TOOLBAR_ALARM) void ready.then(({ store }) => updateToolbar(store));
  });
  // The worker starts many times a day; creating an alarm again would restart its clock.
  const ensureAlarm = async (name: string, periodInMinutes: number) => {
    if (!(await browser.alarms.get(name))) await browser.alarms.create(name, { periodInMinutes });
  };
  void ensureAlarm(PLAN_REFRESH_ALARM, 180);
  // The period and its count change at midnight even when nothing else happens.
  void ensureAlarm(TOOLBAR_ALARM, 30);
  void ready.then(({ store }) => updateToolbar(store));
});
