import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Answer } from '../../lib/messages/protocol';
import type { CollectContext } from '../../lib/model/results';
import { t } from '../../lib/text/i18n';
import { HOST_ATTR } from './badges';
import { closedHost } from './shadow-host';
import { PANEL_CSS } from './styles';
import { onUserEvent, ROOT_MODE } from './trusted';

// Coordinator mode on Digiteket: a tick box on each course card and a bar to add the ticked
// courses (or all of them) to a period of the saved plan; on a course page, one button.
// Titles come from the page itself. Plain DOM in closed shadow roots, like the rest of the page
// UI; the plan changes on the user's own click only (trusted.ts).

export interface Collectable {
  key: string;
  title: string;
  kind: 'course' | 'article';
  /** The card (or link) the tick box goes before. */
  card: Element;
}

export type AddItems = (periodId: string, items: Array<Omit<Collectable, 'card'>>) => Promise<Answer<'addToDraft'>>;

const PICK_CSS = `
:host { all: initial !important; display: block !important; margin: 4px 0 !important; }
label { font: 600 13px/1.4 system-ui, sans-serif; color: #1b1b1b; display: inline-flex; gap: 6px; align-items: center; cursor: pointer;
  background: #fff; border: 1px solid #1d4f91; border-radius: 6px; padding: 2px 8px; }
input { width: 16px; height: 16px; margin: 0; accent-color: #1d4f91; }
input:focus-visible { outline: 3px solid #f0b400; outline-offset: 2px; }
.in-plan { color: #1e6b3a; border-color: #1e6b3a; }
`;

const COLLECT_CSS = `${PANEL_CSS}
select { font: inherit; font-size: 13px; padding: 3px 6px; border-radius: 6px; border: 1px solid #767676; max-width: 22em; }
select:focus-visible { outline: 3px solid #f0b400; outline-offset: 2px; }
label { font-size: 13px; font-weight: 600; }
button.primary { background: #1d4f91; color: #fff; }
button.primary:hover { background: #163d70; }
`;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

interface Pick {
  item: Collectable;
  host: HTMLElement;
  box: HTMLInputElement;
  label: HTMLLabelElement;
}

export class CollectLayer {
  private picks = new Map<string, Pick>();
  private periodId: string;
  private bar: { remove(): void; select: HTMLSelectElement; add: HTMLButtonElement; all: HTMLButtonElement | null; status: HTMLElement } | null =
    null;

  constructor(
    private readonly ctx: ContentScriptContext,
    private context: CollectContext,
    private readonly addItems: AddItems,
    /** One item (a course page) or every card of a list. */
    private readonly single: boolean,
  ) {
    this.periodId = context.suggested ?? context.periods[0]?.id ?? '';
  }

  /** Mount the bar after `anchor` (once) and a tick box for each new card. */
  show(anchor: Element, items: readonly Collectable[]): void {
    if (!this.bar) this.mountBar(anchor);
    if (this.single) {
      for (const item of items) this.picks.set(item.key, { item, host: el('span'), box: el('input'), label: el('label') });
    } else {
      for (const item of items) if (!this.picks.has(item.key) || !this.picks.get(item.key)?.host.isConnected) this.addPick(item);
    }
    this.render();
  }

  update(context: CollectContext): void {
    this.context = context;
    if (!context.periods.some((p) => p.id === this.periodId)) this.periodId = context.suggested ?? context.periods[0]?.id ?? '';
    this.fillSelect();
    this.render();
  }

  remove(): void {
    this.bar?.remove();
    this.bar = null;
    for (const pick of this.picks.values()) pick.host.remove();
    this.picks.clear();
  }

  private inPlan(key: string): boolean {
    return this.context.periods.find((p) => p.id === this.periodId)?.keys.includes(key) ?? false;
  }

  private addPick(item: Collectable): void {
    const host = el('span');
    host.setAttribute(HOST_ATTR, 'pick');
    const shadow = host.attachShadow({ mode: ROOT_MODE });
    const style = el('style', PICK_CSS);
    const label = el('label');
    const box = el('input');
    box.type = 'checkbox';
    onUserEvent(box, 'change', () => this.render());
    label.append(box, el('span', t('collectPick')));
    box.setAttribute('aria-label', t('collectPickItem', item.title));
    shadow.append(style, label);
    // Never inside a link: a click on the box would follow it.
    if (item.card instanceof HTMLAnchorElement) item.card.before(host);
    else item.card.prepend(host);
    this.picks.set(item.key, { item, host, box, label });
  }

  private selected(): Collectable[] {
    return [...this.picks.values()].filter((p) => (this.single || p.box.checked) && !this.inPlan(p.item.key)).map((p) => p.item);
  }

  private render(): void {
    for (const pick of this.picks.values()) {
      if (this.single) continue;
      const there = this.inPlan(pick.item.key);
      pick.box.disabled = there;
      if (there) pick.box.checked = true;
      pick.label.className = there ? 'in-plan' : '';
      (pick.label.lastChild as HTMLElement).textContent = there ? t('collectInPlan') : t('collectPick');
    }
    if (!this.bar) return;
    const count = this.selected().length;
    const noPeriods = this.context.periods.length === 0;
    this.bar.select.disabled = noPeriods;
    if (this.single) {
      const item = [...this.picks.values()][0]?.item;
      const there = item ? this.inPlan(item.key) : false;
      this.bar.add.textContent = there ? t('collectInPlan') : t('collectAddThis');
      this.bar.add.disabled = noPeriods || there;
    } else {
      this.bar.add.textContent = t('collectAddPicked', count);
      this.bar.add.disabled = noPeriods || count === 0;
      const open = [...this.picks.values()].filter((p) => !this.inPlan(p.item.key)).length;
      if (this.bar.all) {
        this.bar.all.textContent = t('collectPickAll', open);
        this.bar.all.disabled = noPeriods || open === 0;
      }
    }
    if (noPeriods) this.bar.status.textContent = t('collectNoPlan');
  }

  private fillSelect(): void {
    if (!this.bar) return;
    const select = this.bar.select;
    select.replaceChildren(
      ...this.context.periods.map((p) => {
        const option = el('option', p.title);
        option.value = p.id;
        option.selected = p.id === this.periodId;
        return option;
      }),
    );
  }

  private async add(items: Collectable[]): Promise<void> {
    if (!this.bar || items.length === 0) return;
    const period = this.context.periods.find((p) => p.id === this.periodId);
    const result = await this.addItems(
      this.periodId,
      items.map(({ key, title, kind }) => ({ key, title, kind })),
    );
    if (!this.bar) return;
    if (result.ok) {
      // Shown at once; the saved plan's own answer arrives with the next page context.
      period?.keys.push(...items.map((i) => i.key));
      this.bar.status.textContent = t('collectAdded', [result.added, period?.title ?? '']);
    } else {
      this.bar.status.textContent = t(result.error);
    }
    this.render();
  }

  private mountBar(anchor: Element): void {
    const { shadow, host, remove } = closedHost(this.ctx, { tag: 'kurskompis-collect', css: COLLECT_CSS, isolateKeys: true });
    const root = el('div', undefined, 'panel');
    root.setAttribute('role', 'group');
    root.setAttribute('aria-label', t('collectGroup'));
    const label = el('label', t('collectPeriod'));
    const select = el('select');
    select.id = 'kurskompis-period';
    label.htmlFor = select.id;
    onUserEvent(select, 'change', () => {
      this.periodId = select.value;
      this.render();
    });
    const add = el('button', undefined, 'primary');
    add.type = 'button';
    onUserEvent(add, 'click', () => void this.add(this.selected()));
    let all: HTMLButtonElement | null = null;
    if (!this.single) {
      all = el('button');
      all.type = 'button';
      onUserEvent(all, 'click', () => {
        for (const pick of this.picks.values()) if (!this.inPlan(pick.item.key)) pick.box.checked = true;
        void this.add(this.selected());
      });
    }
    const status = el('span', undefined, 'status');
    status.setAttribute('role', 'status');
    root.append(el('span', t('collectBrand'), 'brand'), label, select, ...(all ? [all] : []), add, status);
    shadow.append(root);
    anchor.after(host);
    this.bar = { remove, select, add, all, status };
    this.fillSelect();
    this.render();
  }
}
