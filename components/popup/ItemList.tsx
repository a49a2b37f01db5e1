import { t, type MessageKey } from '../../lib/text/i18n';
import type { PeriodOverview } from '../../lib/domain/overview';
import { StatusIcon } from './StatusIcon';

interface Props {
  items: PeriodOverview['items'];
  onToggle: (key: string, done: boolean, title: string) => void;
}

const STATUS_TEXT: Record<PeriodOverview['items'][number]['status'], MessageKey> = { done: 'statusDone', started: 'statusStarted', todo: 'statusTodo' };

// The status is shown (icon and word); marking done is an action of its own, a checkbox, so a
// "Klar" on a button is never mistaken for the course's state. Unticking undoes.
export function ItemList({ items, onToggle }: Props) {
  return (
    <ul class="items" aria-label={t('itemsHeading')}>
      {items.map(({ item, key, status, href }) => (
        <li class="item" key={key} data-key={key} data-status={status}>
          <span class="item-title">
            <a href={href} target="_blank" rel="noopener noreferrer">
              {item.title}
            </a>
            <span class="item-sub">
              <span class={`item-status ${status}`} data-testid="item-status">
                <StatusIcon status={status} />
                {t(STATUS_TEXT[status])}
              </span>
              {item.optional ? ` · ${t('optionalItem')}` : ''}
              {item.kind === 'article' ? ` · ${t('articleItem')}` : ''}
            </span>
            {item.tip && (
              <span class="item-tip" data-testid="item-tip">
                <strong>{t('coordinatorTip')}</strong> {item.tip}
              </span>
            )}
          </span>
          <label class="item-check">
            <input
              type="checkbox"
              checked={status === 'done'}
              aria-label={t('markDoneFor', item.title)}
              onChange={(e) => onToggle(key, (e.currentTarget as HTMLInputElement).checked, item.title)}
            />
            <span>{t('markDone')}</span>
          </label>
        </li>
      ))}
    </ul>
  );
}
