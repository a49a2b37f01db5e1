import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { t } from '../../lib/text/i18n';
import type { Answer } from '../../lib/messages/protocol';
import { barAnchor } from '../../lib/site/digiteket';
import { PANEL_CSS } from './styles';
import { closedHost } from './shadow-host';
import { onUserEvent } from './trusted';

// The strip under a course's title (badge, "Markera som klar" / "Ångra") and the import bar
// on Mina sidor. Plain DOM inside WXT shadow-root UIs (closed): a few elements do not need a
// framework. Each button acts on the user's own click only (trusted.ts).

export interface PanelState {
  badge: { text: string; variant: 'period' | 'optional' | 'done' } | null;
  done: boolean;
  /** A word beside the button, e.g. that this is the course's last step. */
  hint?: string;
  /** Offer "Utvärdera kursen" (a done course). */
  evaluate?: boolean;
  /** The coordinator's advice on this course, on a line of its own (plain text). */
  tip?: string;
}

export interface Panel {
  update(state: PanelState): void;
  remove(): void;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export async function mountPanel(
  ctx: ContentScriptContext,
  heading: Element,
  actions: { onToggle: (done: boolean) => Promise<unknown>; onEvaluate?: () => Promise<unknown> },
): Promise<Panel> {
  let current: PanelState = { badge: null, done: false };
  let parts: {
    badge: HTMLElement;
    hint: HTMLElement;
    button: HTMLButtonElement;
    status: HTMLElement;
    evaluate: HTMLButtonElement;
    tip: HTMLElement;
    tipText: HTMLElement;
  } | null = null;

  const render = () => {
    if (!parts) return;
    const { badge, hint, button, evaluate, tip, tipText } = parts;
    evaluate.hidden = !current.evaluate || !actions.onEvaluate;
    tip.hidden = !current.tip;
    tipText.textContent = current.tip ?? '';
    hint.hidden = !current.hint;
    hint.textContent = current.hint ?? '';
    badge.hidden = !current.badge;
    badge.textContent = current.badge?.text ?? '';
    badge.className = `badge badge--${current.badge?.variant ?? 'period'}`;
    button.textContent = current.done ? t('undoDone') : t('markDone');
    button.setAttribute('aria-pressed', String(current.done));
  };

  const remove = await mountStrip(ctx, 'kurskompis-panel', heading, (root) => {
    const brand = el('span', 'brand', t('extName'));
    const badge = el('span', 'badge');
    const hint = el('span', 'status');
    const button = el('button');
    button.type = 'button';
    const status = el('span', 'status');
    status.setAttribute('role', 'status');
    onUserEvent(button, 'click', () => {
      const done = !current.done;
      current = { ...current, done };
      render();
      status.textContent = done ? t('markedDone') : t('markedUndone');
      void actions.onToggle(done);
    });
    // Asks the worker to open the form in a tab of its own: nothing of it is in this page.
    const evaluate = el('button', undefined, t('evaluateCourse'));
    evaluate.type = 'button';
    evaluate.hidden = true;
    onUserEvent(evaluate, 'click', () => void actions.onEvaluate?.());
    // The page's text never becomes markup here: the tip is set as text only.
    // A line of its own under the badge and the button, however long the tip.
    const tip = el('p', 'tip');
    const tipBox = el('span', 'tip-box');
    const tipText = el('span');
    tipBox.append(el('strong', undefined, t('coordinatorTip')), ' ', tipText);
    tip.append(tipBox);
    root.append(brand, badge, hint, button, evaluate, status, tip);
    parts = { badge, hint, button, status, evaluate, tip, tipText };
    render();
  });
  return {
    update(state) {
      current = state;
      render();
    },
    remove,
  };
}

/** A strip after `anchor`, in its own shadow root, its content built by `build`. */
async function mountStrip(ctx: ContentScriptContext, name: `kurskompis-${string}`, anchor: Element | null, build: (root: HTMLElement) => void): Promise<() => void> {
  if (!anchor?.parentElement) throw new Error('Nothing on this page to put the strip after');
  const { host, shadow, remove } = closedHost(ctx, { tag: name, css: PANEL_CSS, isolateKeys: true });
  const root = el('div', 'panel');
  root.setAttribute('role', 'group');
  root.setAttribute('aria-label', t('extName'));
  build(root);
  shadow.append(root);
  anchor.after(host);
  return remove;
}

/** A strip under the page's main heading. */
const mountBar = (ctx: ContentScriptContext, name: `kurskompis-${string}`, build: (root: HTMLElement) => void) => mountStrip(ctx, name, barAnchor(document), build);

export async function mountMyPagesBar(
  ctx: ContentScriptContext,
  count: number,
  onImport: () => Promise<Answer<'importMyPages'>>,
): Promise<() => void> {
  return mountBar(ctx, 'kurskompis-import', (root) => {
    const text = el('span', 'status', t('myPagesFound', count));
    const button = el('button', undefined, t('myPagesImport'));
    button.type = 'button';
    const status = el('span', 'status');
    status.setAttribute('role', 'status');
    onUserEvent(button, 'click', () => {
      button.disabled = true;
      void onImport().then((result) => {
        if (result.ok) {
          status.textContent = t('myPagesImported', [result.imported, result.alreadyDone]);
        } else {
          button.disabled = false;
          status.textContent = t('myPagesImportFailed');
        }
      });
    });
    root.append(el('span', 'brand', t('extName')), text, button, status);
  });
}

/**
 * On the self-assessment result page: "Spara mitt resultat i Kurskompis", or, when the page
 * could not be read, a plain message and the way to type the result in by hand.
 */
export async function mountSelfAssessmentBar(
  ctx: ContentScriptContext,
  /** Null when the page could not be read. */
  onSave: (() => Promise<Answer<'saveSelfAssessment'>>) | null,
  onManual: () => Promise<unknown>,
): Promise<() => void> {
  return mountBar(ctx, 'kurskompis-assessment', (root) => {
    const status = el('span', 'status');
    status.setAttribute('role', 'status');
    const brand = el('span', 'brand', t('extName'));
    if (!onSave) {
      const manual = el('button', undefined, t('assessmentTypeIn'));
      manual.type = 'button';
      onUserEvent(manual, 'click', () => void onManual());
      status.textContent = t('assessmentUnreadable');
      root.append(brand, status, manual);
      return;
    }
    const save = el('button', undefined, t('assessmentSave'));
    save.type = 'button';
    onUserEvent(save, 'click', () => {
      save.disabled = true;
      const failed = () => {
        save.disabled = false;
        status.textContent = t('assessmentNotSaved');
      };
      void onSave().then((result) => {
        if (!result.ok) return failed();
        status.textContent = result.record.phase === 'start' ? t('assessmentSavedStart') : t('assessmentSavedEnd');
      }, failed);
    });
    root.append(brand, save, status);
  });
}
