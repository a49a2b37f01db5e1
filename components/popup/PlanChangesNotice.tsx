import { changeText } from '../../lib/text/format';
import { t } from '../../lib/text/i18n';
import type { PlanChange } from '../../lib/model/stored';

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
