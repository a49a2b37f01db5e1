import { t, type MessageKey } from '../../lib/text/i18n';
import type { PeriodOverview } from '../../lib/domain/overview';

interface Props {
  items: PeriodOverview['items'];
  onToggle: (key: string, done: boolean, title: string) => void;
}

const STATUS_SYMBOL = { done: '✓', started: '◐', todo: '○' } as const;
const STATUS_TEXT: Record<keyof typeof STATUS_SYMBOL, MessageKey> = { done: 'statusDone', started: 'statusStarted', todo: 'statusTodo' };

export function ItemList({ items, onToggle }: Props) {
  return (
    <ul class="items" aria-label={t('itemsHeading')}>
      {items.map(({ item, key, status, href }) => (
        <li class="item" key={key} data-key={key} data-status={status}>
          <span class={`item-status ${status}`} aria-hidden="true">
            {STATUS_SYMBOL[status]}
          </span>
          <span class="item-title">
            <a href={href} target="_blank" rel="noopener noreferrer">
              {item.title}
            </a>
            <span class="item-sub">
              {t(STATUS_TEXT[status])}
              {item.optional ? ` · ${t('optionalItem')}` : ''}
              {item.kind === 'article' ? ` · ${t('articleItem')}` : ''}
            </span>
            {item.tip && (
              <span class="item-tip" data-testid="item-tip">
                <strong>{t('coordinatorTip')}</strong> {item.tip}
              </span>
            )}
          </span>
          <button
            type="button"
            onClick={() => onToggle(key, status !== 'done', item.title)}
            aria-label={status === 'done' ? t('undoDoneFor', item.title) : t('markDoneFor', item.title)}
          >
            {status === 'done' ? t('undoDone') : t('markDoneShort')}
          </button>
        </li>
      ))}
    </ul>
  );
}
