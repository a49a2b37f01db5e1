import { dayMonth } from '../../lib/format';
import { t } from '../../lib/i18n';
import type { PlanChange } from '../../lib/plan-diff';

export function changeText(change: PlanChange): string {
  switch (change.kind) {
    case 'itemsAdded':
      return change.count === 1 ? t('changeOneAdded', change.period) : t('changeAdded', [change.count, change.period]);
    case 'itemsRemoved':
      return change.count === 1 ? t('changeOneRemoved', change.period) : t('changeRemoved', [change.count, change.period]);
    case 'deadlineMoved':
      return t('changeDeadline', [change.period, dayMonth(change.to), dayMonth(change.from)]);
    case 'periodAdded':
      return t('changePeriodAdded', change.period);
    case 'periodRemoved':
      return t('changePeriodRemoved', change.period);
    case 'pausedChanged':
      return change.paused ? t('changePaused', change.period) : t('changeUnpaused', change.period);
    case 'sessionsChanged':
      return t('changeSessions', change.period);
  }
}

export function PlanChangesNotice({ changes, onDismiss }: { changes: PlanChange[]; onDismiss: () => void }) {
  return (
    <section class="plan-changes" role="status" aria-labelledby="plan-changes-title" data-testid="plan-changes">
      <h2 id="plan-changes-title">{t('changesTitle')}</h2>
      <ul>
        {changes.map((change, i) => (
          <li key={i}>{changeText(change)}</li>
        ))}
      </ul>
      <button type="button" onClick={onDismiss}>
        {t('changesDismiss')}
      </button>
    </section>
  );
}
