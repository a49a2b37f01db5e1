import { browser } from 'wxt/browser';
import { t } from '../text/i18n';
import { currentPeriod, requiredLeft } from '../time/periods';
import type { Store } from '../storage/store';

// The toolbar icon's badge: how many required courses are left in the running period.

export async function updateToolbar(store: Store, now: Date = new Date()): Promise<void> {
  const action = browser.action ?? browser.browserAction;
  const [stored, progress] = await Promise.all([store.activePlan(), store.progress()]);
  const left = stored ? requiredLeft(stored.plan, progress, now) : 0;
  const period = stored ? currentPeriod(stored.plan, now) : undefined;
  await action.setBadgeText({ text: left > 0 ? String(left) : '' });
  await action.setBadgeBackgroundColor({ color: '#1d4f91' });
  await action.setTitle({
    title: period && left > 0 ? t('toolbarTitleLeft', [left, period.title]) : t('extName'),
  });
}
