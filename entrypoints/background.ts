import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { swedishDateTime, todayInSweden } from '../lib/time/dates';
import { reminderText } from '../lib/text/format';
import { managedSettings, planAddress } from '../lib/services/managed';
import { sendToTab } from '../lib/messages/send';
import { dueReminder, nextReminderCheck, REMINDER_TIME } from '../lib/time/reminders';
import { nextRoutineSync } from '../lib/time/sync-schedule';
import {
  bumpNotesRevision,
  bumpRevision,
  coordinatorMode,
  lastReminderDay,
  notesPanelTickets,
  planUrlSetting,
  reminderSetting,
  seenPagesSetting,
  teamReadProgress,
  teamFolderSetting,
} from '../lib/storage/settings';
import { bookedSessionIds } from '../lib/domain/sessions';
import { openDatabase, Store } from '../lib/storage/store';
import { updateToolbar } from '../lib/services/toolbar';
import { memberExtensions } from '../lib/services/extensions';
import { deadlineOf } from '../lib/time/personal-deadline';
import { doneKeys } from '../lib/services/tracker';
import { createWorker } from '../lib/worker/create-worker';
import type { SyncState } from '../lib/model/results';

const PLAN_REFRESH_ALARM = 'plan-refresh';
const TOOLBAR_ALARM = 'toolbar-refresh';
const SYNC_ALARM = 'team-sync';
const SYNC_RETRY_ALARM = 'team-sync-retry';
const SYNC_DEBOUNCE_MS = 5_000;
const REMINDER_ALARM = 'reminders';
const REMINDER_NOTIFICATION = 'kurskompis-reminder';

export default defineBackground(() => {
  // This member's id in the team folder: a personal deadline the coordinator granted is theirs.
  const memberId = async () => (await ready).memberId();
  const toolbar = async (store: Store) => updateToolbar(store, new Date(), await memberId());
  const ready = (async () => {
    const store = new Store(await openDatabase());
    return createWorker({
      store,
      fetch: (...args) => fetch(...args),
      planUrl: planUrlSetting,
      teamFolder: teamFolderSetting,
      seenPages: seenPagesSetting,
      coordinatorMode: () => coordinatorMode.getValue(),
      planAddress: () => planAddress(() => planUrlSetting.getValue()),
      managed: managedSettings,
      redraw: async () => {
        await toolbar(store);
        await bumpRevision();
      },
      bumpRevision,
      notesChanged: bumpNotesRevision,
      scheduleSync: () => scheduleSync(),
      afterSync: (state) => planRetry(state),
      openReport: async (section) => {
        await browser.tabs.create({ url: browser.runtime.getURL(`/report.html${section ? `#${section}` : ''}`) });
      },
      openEvaluation: async (periodId, key) => {
        const query = new URLSearchParams({ period: periodId, course: key });
        await browser.tabs.create({ url: browser.runtime.getURL(`/evaluate.html?${query}`) });
      },
      panelTickets: { read: () => notesPanelTickets.getValue(), write: (value) => notesPanelTickets.setValue(value) },
      readProgress: (progress) => void teamReadProgress.setValue(progress).catch(() => undefined),
    });
  })();

  let syncTimer: ReturnType<typeof setTimeout> | undefined;
  function scheduleSync(delayMs = SYNC_DEBOUNCE_MS) {
    clearTimeout(syncTimer);
    syncTimer = setTimeout(() => void ready.then(({ sync }) => sync.sync()), delayMs);
  }
  // After a failure, an alarm brings the worker back at the planned time even if it slept.
  // The state comes with the call: it may not have reached the database.
  // Otherwise the next routine look is planned from how quiet the folder has been.
  async function planRetry(state: SyncState, now = new Date()) {
    if (state.nextTryAt) await browser.alarms.create(SYNC_RETRY_ALARM, { when: Date.parse(state.nextTryAt) });
    else await browser.alarms.clear(SYNC_RETRY_ALARM);
    await browser.alarms.create(SYNC_ALARM, { when: nextRoutineSync(state.quietSyncs ?? 0, now).getTime() });
  }

  const extensionOrigin = browser.runtime.getURL('/');

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    // Content scripts report the web page's URL; only our own pages have the extension's origin.
    const fromExtensionPage = sender.id === browser.runtime.id && (sender.url ?? '').startsWith(extensionOrigin);
    const tabId = sender.tab?.id;
    // The tab and frame as the browser names them: the notes panel's tickets are bound to them.
    const place =
      tabId !== undefined && sender.frameId !== undefined
        ? { tabId, frameId: sender.frameId, ...(sender.documentId ? { documentId: sender.documentId } : {}) }
        : undefined;
    // Answered through sendResponse, which Chromium and Firefox both take (a returned promise is
    // Firefox's alone); `true` keeps the channel open until the worker has answered.
    void ready
      .then((worker) => worker.handle(message, { fromExtensionPage, ...(place ? { place } : {}) }))
      .then(sendResponse, () => sendResponse({ ok: false, error: 'messageRefused' }));
    return true;
  });
  browser.tabs.onRemoved.addListener((tabId) => void ready.then(({ panels }) => panels.forgetTab(tabId)));

  const refreshPlan = async () => {
    const { plans, store } = await ready;
    // A plan preset by policy wins over one the user chose, and needs no click.
    const address = await planAddress(() => planUrlSetting.getValue());
    if (address) await plans.fetchUrl(address.url, address.kind);
    await toolbar(store);
  };

  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'toggle-notes' && tab?.id !== undefined) {
      void sendToTab(tab.id, { type: 'toggleNotes' });
    }
  });

  browser.runtime.onStartup.addListener(() => {
    void refreshPlan();
    scheduleSync(0);
    void ready.then(({ store }) => remind(store));
  });

  async function remind(store: Store, now = new Date()) {
    // Before the morning's time, nothing yet: the alarm comes back at 09.00.
    if (swedishDateTime(now).time < REMINDER_TIME) return;
    const stored = await store.activePlan();
    if (!stored) return;
    const [progress, signups, settings, last] = await Promise.all([store.progress(), store.signups(), reminderSetting.getValue(), lastReminderDay.getValue()]);
    const deadline = deadlineOf(await memberExtensions(store, stored.plan, await memberId()));
    const reminder = dueReminder(stored.plan, new Set(doneKeys(progress)), bookedSessionIds(signups), settings, last ?? undefined, now, deadline);
    if (!reminder) return;
    const { title, message } = reminderText(reminder, now);
    await browser.notifications.create(REMINDER_NOTIFICATION, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title, message });
    await lastReminderDay.setValue(todayInSweden(now));
  }
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void refreshPlan();
  });
  browser.runtime.onInstalled.addListener(() => void refreshPlan());
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === PLAN_REFRESH_ALARM) void refreshPlan();
    if (alarm.name === TOOLBAR_ALARM) void ready.then(({ store }) => toolbar(store));
    if (alarm.name === SYNC_ALARM || alarm.name === SYNC_RETRY_ALARM) void ready.then(({ sync }) => sync.sync());
    if (alarm.name === REMINDER_ALARM) {
      void ready.then(({ store }) => remind(store));
      void planReminderCheck();
    }
  });
  // The worker starts many times a day; creating an alarm again would restart its clock.
  const ensureAlarm = async (name: string, periodInMinutes: number) => {
    if (!(await browser.alarms.get(name))) await browser.alarms.create(name, { periodInMinutes });
  };
  void ensureAlarm(PLAN_REFRESH_ALARM, 180);
  // The period and its count change at midnight even when nothing else happens.
  void ensureAlarm(TOOLBAR_ALARM, 30);
  // The routine look is planned after each sync; one that never ended (the worker stopped
  // mid-sync) must not leave the folder unvisited, and an install of before (a 15-minute
  // period) gets the new plan at its next look.
  void browser.alarms.get(SYNC_ALARM).then((alarm) => {
    if (!alarm || alarm.periodInMinutes !== undefined) void browser.alarms.create(SYNC_ALARM, { when: nextRoutineSync(0, new Date()).getTime() });
  });
  // Reminders: a look each morning at 09.00 Swedish time, planned anew each day (a fixed
  // 24-hour period would drift an hour at each change of summer time). An alarm missed while
  // the browser was closed fires when it starts again.
  async function planReminderCheck() {
    await browser.alarms.create(REMINDER_ALARM, { when: nextReminderCheck().getTime() });
  }
  void browser.alarms.get(REMINDER_ALARM).then((alarm) => {
    if (!alarm) void planReminderCheck();
  });
  browser.notifications?.onClicked.addListener((id) => {
    if (id !== REMINDER_NOTIFICATION) return;
    void browser.notifications.clear(id);
    // The popup's period view; where the browser cannot open the popup itself, as a tab.
    void Promise.resolve()
      .then(() => browser.action.openPopup())
      .catch(() => browser.tabs.create({ url: browser.runtime.getURL('/popup.html') }));
  });
  void ready.then(({ store }) => toolbar(store));
});
