import type { ComponentChildren } from 'preact';
import { addItems, type AddOutcome, type DraftItem, type DraftPeriod } from '../../lib/coordinator/draft';
import { fieldId } from '../../lib/coordinator/field-problems';
import { lastWeekdayOfMonth, parseCalendarDate } from '../../lib/time/dates';
import { t } from '../../lib/text/i18n';
import { ItemsEditor } from './ItemsEditor';
import { PasteUrls } from './PasteUrls';
import { SessionsEditor } from './SessionsEditor';
import { Field, FieldError } from './problems';

interface PeriodEditorProps {
  index: number;
  period: DraftPeriod;
  onChange: (period: DraftPeriod) => void;
  onRemove: (() => void) | null;
  /** Told which pasted items were added, to look up their titles. */
  onPasted: (items: DraftItem[]) => void;
  /** The title lookup of this period's last paste, shown under the paste box. */
  children?: ComponentChildren;
}

function defaultDeadline(starts: string): string | null {
  return parseCalendarDate(starts) ? lastWeekdayOfMonth(starts) : null;
}

export function PeriodEditor({ index, period, onChange, onRemove, onPasted, children }: PeriodEditorProps) {
  const path = `periods[${index}]`;
  const set = (patch: Partial<DraftPeriod>) => onChange({ ...period, ...patch });
  const headingId = `${fieldId(path)}-heading`;
  return (
    <section class="card period" aria-labelledby={headingId} data-testid="plan-period">
      <h2 id={headingId}>
        {t('periodNumber', index + 1)}
        {period.title.trim() && `: ${period.title}`}
        {period.paused && <span class="tag"> {t('pausedTag')}</span>}
      </h2>
      <div class="period-grid">
        <Field class="wide" path={`${path}.title`} label={t('periodTitleLabel')} value={period.title} onInput={(title) => set({ title })} />
        <Field
          class="wide"
          path={`${path}.competenceArea`}
          label={t('competenceAreaLabel')}
          hint={t('competenceAreaHint')}
          value={period.competenceArea}
          onInput={(competenceArea) => set({ competenceArea })}
        />
        <Field
          path={`${path}.starts`}
          label={t('periodStartsLabel')}
          type="date"
          value={period.starts}
          onInput={(starts) => {
            // A deadline still at its default follows the start to its new month.
            const followed = defaultDeadline(period.starts) === period.deadline ? defaultDeadline(starts) : null;
            set({ starts, ...(followed ? { deadline: followed } : {}) });
          }}
        />
        <Field
          path={`${path}.deadline`}
          label={t('periodDeadlineLabel')}
          hint={t('periodDeadlineHint')}
          type="date"
          value={period.deadline}
          onInput={(deadline) => set({ deadline })}
        />
      </div>
      <label class="check">
        <input type="checkbox" checked={period.paused} onChange={(e) => set({ paused: (e.currentTarget as HTMLInputElement).checked })} />{' '}
        {t('pausedLabel')}
      </label>
      <FieldError path={`${path}.id`} />

      <h3>{t('itemsHeading')}</h3>
      <ItemsEditor path={path} items={period.items} onChange={(items) => set({ items })} />
      <FieldError path={`${path}.items`} />
      <PasteUrls
        path={path}
        onAdd={(items): AddOutcome => {
          const { period: next, outcome } = addItems(period, items);
          onChange(next);
          onPasted(next.items.filter((item) => items.some((i) => i.url === item.url) && !period.items.some((p) => p.url === item.url)));
          return outcome;
        }}
      />
      {children}

      <h3>{t('sessionsHeading')}</h3>
      <SessionsEditor path={path} period={period} onChange={(sessions) => set({ sessions })} />

      {onRemove && (
        <p class="period-actions">
          <button type="button" class="danger" onClick={onRemove}>
            {t('removePeriod', period.title || String(index + 1))}
          </button>
        </p>
      )}
    </section>
  );
}
