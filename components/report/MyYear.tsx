import { myYear } from '../../lib/domain/my-year';
import type { Plan } from '../../lib/model/plan';
import type { ProgressRecord } from '../../lib/model/progress';
import { areaLabel } from '../../lib/text/areas';
import { t } from '../../lib/text/i18n';

// "Mitt år": what the member finished this calendar year, per competence area, against the
// plan's courses of the year. Counted from this browser's own progress only.

export function MyYear({ plan, progress, now }: { plan: Plan | undefined; progress: readonly ProgressRecord[]; now: Date }) {
  const year = myYear(plan, progress, now);
  return (
    <section aria-labelledby="my-year-heading" data-testid="my-year" class="report-section">
      <h2 id="my-year-heading">{t('myYearHeading')}</h2>
      <p>{t('myYearExplain', year.year)}</p>
      {year.rows.length === 0 ? (
        <p>{t('myYearNone')}</p>
      ) : (
        <ul class="my-year">
          {year.rows.map((row) => (
            <li key={row.area ?? 'none'}>
              <strong>{row.area ? areaLabel(row.area) : t('myYearOtherArea')}:</strong> {t('myYearRow', [row.donePlanned, row.planned])}
              {row.doneOther > 0 && ` ${t('myYearOther', row.doneOther)}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
