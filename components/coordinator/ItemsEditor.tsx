import { useSignal } from '@preact/signals';
import { moveItem, type DraftItem } from '../../lib/coordinator/draft';
import { fieldId } from '../../lib/coordinator/field-problems';
import { t } from '../../lib/text/i18n';
import { FieldError, useProblem } from './problems';

// The courses and articles of one period: titles can be edited, items marked optional,
// reordered by dragging or with the move buttons (the keyboard way), and removed.

interface ItemsEditorProps {
  /** Path of the period, e.g. `periods[1]`. */
  path: string;
  items: DraftItem[];
  onChange: (items: DraftItem[]) => void;
}

function shortAddress(url: string): string {
  return url.replace(/^https:\/\/(www\.)?/, '');
}

const TIP_MAX = 500;

/** The coordinator's advice on the item: plain text, counted towards the plan's limit as typed. */
function TipField(props: { item: DraftItem; index: number; path: string; onChange: (item: DraftItem) => void }) {
  const tipPath = `${props.path}.tip`;
  const id = fieldId(tipPath);
  const { reason, errorId } = useProblem(tipPath);
  const tip = props.item.tip ?? '';
  const length = tip.trim().length;
  return (
    <div class="field item-tip">
      <label for={id}>{t('itemTipLabel', props.item.title || props.index + 1)}</label>
      <span id={`${id}-hint`} class="hint">
        {t('itemTipHint')}
      </span>
      <textarea
        id={id}
        rows={2}
        value={tip}
        aria-invalid={reason ? 'true' : undefined}
        aria-describedby={[`${id}-hint`, `${id}-count`, reason ? errorId : ''].filter(Boolean).join(' ')}
        onInput={(e) => props.onChange({ ...props.item, tip: (e.currentTarget as HTMLTextAreaElement).value })}
      />
      <span id={`${id}-count`} class={`hint tip-count ${length > TIP_MAX ? 'over' : ''}`} data-testid="tip-count">
        {t('itemTipCount', length)}
      </span>
      <FieldError path={tipPath} />
    </div>
  );
}

function ItemRow(props: {
  item: DraftItem;
  index: number;
  count: number;
  path: string;
  onChange: (item: DraftItem) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
  dragging: { value: number | null };
}) {
  const { item, index, path } = props;
  const titlePath = `${path}.title`;
  const { reason, errorId } = useProblem(titlePath);
  const url = useProblem(`${path}.url`);
  const id = fieldId(titlePath);
  return (
    <li
      class={`item ${props.dragging.value === index ? 'dragging' : ''}`}
      draggable
      data-testid="plan-item"
      onDragStart={(e) => {
        props.dragging.value = index;
        e.dataTransfer?.setData('text/plain', item.url);
      }}
      onDragEnd={() => (props.dragging.value = null)}
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        if (props.dragging.value !== null) props.onMove(index);
        props.dragging.value = null;
      }}
    >
      <span class="handle" aria-hidden="true">
        ⠿
      </span>
      <div class="item-main">
        <label for={id} class="visually-hidden">
          {t('itemTitleLabel', index + 1)}
        </label>
        <input
          id={id}
          type="text"
          value={item.title}
          aria-invalid={reason ? 'true' : undefined}
          aria-describedby={reason ? errorId : undefined}
          onInput={(e) => props.onChange({ ...item, title: (e.currentTarget as HTMLInputElement).value })}
        />
        <FieldError path={titlePath} />
        <p class="item-meta">
          <span class="tag">{item.kind === 'course' ? t('kindCourse') : t('kindArticle')}</span>{' '}
          <a href={item.url} target="_blank" rel="noreferrer">
            {shortAddress(item.url)}
          </a>
        </p>
        {url.reason && <FieldError path={`${path}.url`} />}
        <TipField item={item} index={index} path={path} onChange={props.onChange} />
      </div>
      <label class="check">
        <input type="checkbox" checked={item.optional} onChange={(e) => props.onChange({ ...item, optional: (e.currentTarget as HTMLInputElement).checked })} />{' '}
        {t('optionalLabel')}
      </label>
      <div class="item-actions">
        <button type="button" id={`${id}-up`} disabled={index === 0} aria-label={t('moveUp', item.title)} onClick={() => props.onMove(index - 1)}>
          ↑
        </button>
        <button
          type="button"
          id={`${id}-down`}
          disabled={index === props.count - 1}
          aria-label={t('moveDown', item.title)}
          onClick={() => props.onMove(index + 1)}
        >
          ↓
        </button>
        <button type="button" aria-label={t('removeItem', item.title)} onClick={props.onRemove}>
          ✕
        </button>
      </div>
    </li>
  );
}

export function ItemsEditor({ path, items, onChange }: ItemsEditorProps) {
  const dragging = useSignal<number | null>(null);
  if (items.length === 0) return <p class="muted">{t('noItemsYet')}</p>;
  const move = (from: number, to: number, focus?: 'up' | 'down') => {
    onChange(moveItem(items, from, to));
    // The moved item keeps the focus, so the next key press moves it again.
    if (focus) {
      requestAnimationFrame(() => {
        const button = document.getElementById(`${fieldId(`${path}.items[${to}].title`)}-${focus}`) as HTMLButtonElement | null;
        (button && !button.disabled ? button : document.getElementById(fieldId(`${path}.items[${to}].title`)))?.focus();
      });
    }
  };
  return (
    <ol class="items" aria-label={t('itemsHeading')}>
      {items.map((item, index) => (
        <ItemRow
          key={item.url}
          item={item}
          index={index}
          count={items.length}
          path={`${path}.items[${index}]`}
          dragging={dragging}
          onChange={(next) => onChange(items.map((it, i) => (i === index ? next : it)))}
          onMove={(to) => move(dragging.value ?? index, to, dragging.value === null ? (to < index ? 'up' : 'down') : undefined)}
          onRemove={() => onChange(items.filter((_, i) => i !== index))}
        />
      ))}
    </ol>
  );
}
