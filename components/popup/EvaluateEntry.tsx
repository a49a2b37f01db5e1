import { t } from '../../lib/text/i18n';
import type { Period, Plan } from '../../lib/model/plan';
import type { ProgressRecord } from '../../lib/model/progress';
import { currentPeriod } from '../../lib/time/periods';
import { lastEndedPeriod, periodKeys } from '../../lib/time/evaluable';

// The way to the evaluation form: the period whose deadline passed last, and the running one
// once some of its courses are done.

export function periodsToEvaluate(plan: Plan, progress: ReadonlyMap<string, ProgressRecord>, now: Date): Period[] {
  const ended = lastEndedPeriod(plan, now);
  const running = currentPeriod(plan, now);
  const runningDone = running && periodKeys(running).some((key) => progress.get(key)?.status === 'done');
  return [...(ended ? [ended] : []), ...(running && runningDone ? [running] : [])];
}

export function EvaluateEntry({ periods, onOpen }: { periods: readonly Period[]; onOpen: (periodId: string) => void }) {
  if (periods.length === 0) return null;
  return (
    <section class="evaluate-entry" aria-label={t('evaluateTitle')} data-testid="evaluate-entry">
      {periods.map((period) => (
        <p key={period.id}>
          {t('evaluatePeriodAsk', period.title)}{' '}
          <button type="button" onClick={() => onOpen(period.id)}>
            {t('evaluatePeriodButton')}
          </button>
        </p>
      ))}
    </section>
  );
}
