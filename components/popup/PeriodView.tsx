import { dayMonth, daysLeftText, deadlineText, paceText, sessionText } from '../../lib/text/format';
import { t } from '../../lib/text/i18n';
import type { PeriodOverview } from '../../lib/domain/overview';
import { ItemList } from './ItemList';

interface Props {
  view: PeriodOverview;
  onToggle: (key: string, done: boolean, title: string) => void;
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

export function PeriodView({ view, onToggle, discussionUrl }: Props) {
  const { period, required, optional } = view;
  return (
    <section aria-labelledby="period-title">
      <h2 id="period-title">{period.title}</h2>
      {period.competenceArea && <p class="period-area">{t('competenceArea', period.competenceArea)}</p>}
      <ul class="facts">
        <li data-testid="deadline">
          {deadlineText(period.deadline)} · <strong>{daysLeftText(view.daysLeft)}</strong>
        </li>
        <li class="progress-line" data-testid="tally">
          <span>{t('requiredDone', [required.done, required.total])}</span>
          <progress max={Math.max(required.total, 1)} value={required.done} aria-label={t('progressLabel')} />
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
      <ItemList items={view.items} onToggle={onToggle} />
      <DiscussionLink url={discussionUrl} />
    </section>
  );
}
