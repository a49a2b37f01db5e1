import { browser } from 'wxt/browser';
import { t } from '../text/i18n';
import { currentPeriod, requiredLeft } from '../time/periods';
import type { Store } from '../storage/store';
import { memberExtensions } from './extensions';
import { deadlineOf } from '../time/personal-deadline';

// The toolbar icon's badge: how many required courses are left in the running period (the
// member's: a period with a personal deadline still ahead still counts).

export async function updateToolbar(store: Store, now: Date = new Date(), memberId?: string): Promise<void> {
  const action = browser.action ?? browser.browserAction;
  const [stored, progress] = await Promise.all([store.activePlan(), store.progress()]);
  const deadline = deadlineOf(await memberExtensions(store, stored?.plan, memberId));
  const left = stored ? requiredLeft(stored.plan, progress, now, deadline) : 0;
  const period = stored ? currentPeriod(stored.plan, now, deadline) : undefined;
  await action.setBadgeText({ text: left > 0 ? String(left) : '' });
  await action.setBadgeBackgroundColor({ color: '#1d4f91' });
  await action.setTitle({
    title: period && left > 0 ? t('toolbarTitleLeft', [left, period.title]) : t('extName'),
  });
}
