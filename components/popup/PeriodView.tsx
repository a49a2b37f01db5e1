import { dayMonth, daysLeftText, deadlineText, paceText, sessionText } from '../../lib/text/format';
import { t } from '../../lib/text/i18n';
import type { PeriodOverview } from '../../lib/domain/overview';
import { ItemList } from './ItemList';
import { ProgressMeter } from './ProgressMeter';
import { ExtensionForm, personalDeadlineText, type ExtensionInput, type ExtensionResult } from './ExtensionForm';

interface Props {
  view: PeriodOverview;
  onToggle: (key: string, done: boolean, title: string) => void;
  /** Present when the member can set a personal deadline from here. */
  extension?: {
    save: (input: ExtensionInput) => Promise<ExtensionResult>;
    remove: (periodId: string) => Promise<ExtensionResult>;
  };
  /** A second period view in the popup needs its own heading id. */
  headingId?: string;
  /** The team's place for discussion between sessions (https, checked when the plan was read). */
  discussionUrl?: string | undefined;
}

/** The way to the team's discussion place, opened apart from the popup. */
export function DiscussionLink({ url }: { url: string | undefined }) {
  if (!url) return null;
  return (
    <p class="discussion-link" data-testid="discussion-link">
      <a href={url} target="_blank" rel="noopener noreferrer">
        {t('teamDiscussionLink')}
      </a>
    </p>
  );
}

export function PeriodView({ view, onToggle, extension, headingId = 'period-title', discussionUrl }: Props) {
  const { period, required, optional } = view;
  const personal = personalDeadlineText(view.deadline);
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{period.title}</h2>
      {period.competenceArea && <p class="period-area">{t('competenceArea', period.competenceArea)}</p>}
      <ul class="facts">
        <li data-testid="deadline">
          {deadlineText(view.deadline.deadline)} · <strong>{daysLeftText(view.daysLeft)}</strong>
        </li>
        {personal && (
          <li class="personal-deadline" data-testid="personal-deadline">
            {personal}
          </li>
        )}
        <li>
          <ProgressMeter required={required} paceShare={view.paceShare} expected={view.expected} standing={view.standing} idPrefix={headingId} />
        </li>
        {optional.total > 0 && <li data-testid="optional">{t('optionalDone', [optional.done, optional.total])}</li>}
        <li class="pace" data-testid="pace">
          {paceText(view.pace)}
        </li>
        <li data-testid="session">
          {view.session ? t('nextSession', sessionText(view.session)) : t('noSession')}
        </li>
        <li class="muted">{t('periodRuns', [dayMonth(period.starts), dayMonth(period.deadline)])}</li>
      </ul>
      {extension && <ExtensionForm period={period} deadline={view.deadline} onSave={extension.save} onRemove={extension.remove} />}
      <ItemList items={view.items} onToggle={onToggle} />
      <DiscussionLink url={discussionUrl} />
    </section>
  );
}
