import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { courseKey } from '../../lib/course-key';
import { dayMonth } from '../../lib/format';
import { t } from '../../lib/i18n';
import type { PageContext, PageItem } from '../../lib/messages';
import { send } from '../../lib/messaging';
import { onRevision } from '../../lib/revision';
import {
  cardOf,
  completedOnMyPages,
  isCompetenceAreaPage,
  isCourseList,
  isCourseKey,
  isCoursePage,
  isInPageItem,
  isItemPage,
  isMyPages,
  isSelfAssessmentResult,
  isStartPage,
  itemHeading,
  itemLinks,
  itemTitle,
  listHeading,
  selfAssessmentResult,
  showsCompletion,
  courseFacts,
} from '../../lib/site/digiteket';
import { DIGITEKET_MATCHES } from '../../lib/site/hosts';
import { BadgeLayer, badgeLook, HOST_ATTR } from './badges';
import { CollectLayer, type AddItems, type Collectable } from './collect';
import { mountNotesDock, type NotesDock } from './notes';
import { mountMyPagesBar, mountPanel, mountSelfAssessmentBar, type Panel } from './panel';
import { BADGE_CSS } from './styles';

export default defineContentScript({
  matches: [...DIGITEKET_MATCHES],
  // Started before the page is parsed so the page context is usually here when parsing ends:
  // the badges then go into the page before the browser's last layout of it, instead of making
  // it lay out and repaint a long list once more.
  runAt: 'document_start',
  main(ctx) {
    void new PageController(ctx).start();
  },
});

const addToDraft: AddItems = (periodId, items) => send({ type: 'addToDraft', periodId, items });

/** Resolves once the document is parsed (at DOMContentLoaded, or at once if that has passed). */
function parsed(ctx: ContentScriptContext): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => ctx.addEventListener(document, 'DOMContentLoaded', () => resolve(), { once: true }));
}

function isOurs(node: Node): boolean {
  return node instanceof Element && (node.hasAttribute(HOST_ATTR) || node.tagName.startsWith('KURSKOMPIS-'));
}

class PageController {
  private context: PageContext = { done: [] };
  private items = new Map<string, PageItem>();
  private done = new Set<string>();
  private readonly badges = new BadgeLayer(BADGE_CSS);
  private panel: Panel | null = null;
  private panelMounting = false;
  /** The bar under the heading of Mina sidor or the self-assessment result, when one is shown. */
  private removeBar: (() => void) | null = null;
  private notes: NotesDock | null = null;
  private collect: CollectLayer | null = null;
  private pageKey: string | null = null;
  private reported = new Set<string>();
  private pending: Element[] = [];
  private flushScheduled = false;

  constructor(private readonly ctx: ContentScriptContext) {}

  async start(): Promise<void> {
    const context = this.loadContext();
    await parsed(this.ctx);
    await context;
    if (this.ctx.isInvalid) return;
    this.renderPage();
    const observer = new MutationObserver((records) => this.onMutations(records));
    observer.observe(document.body, { childList: true, subtree: true });
    this.ctx.onInvalidated(() => {
      observer.disconnect();
      this.teardown();
    });
    // Digiteket may change the URL without a reload; start over for the new page.
    // The event comes before the new URL is committed and before the site draws the new page.
    this.ctx.addEventListener(window, 'wxt:locationchange', () => {
      this.teardown();
      this.ctx.setTimeout(() => this.renderPage(), 50);
    });
    const unwatch = onRevision(() => void this.loadContext().then(() => this.refresh()));
    this.ctx.onInvalidated(unwatch);
  }

  private async loadContext(): Promise<void> {
    const answer = await send({ type: 'pageContext' });
    this.context = answer.ok ? answer.context : { done: [] };
    this.items = new Map((this.context.period?.items ?? []).map((item) => [item.key, item]));
    this.done = new Set(this.context.done);
  }

  private teardown(): void {
    this.badges.clear();
    this.panel?.remove();
    this.panel = null;
    this.panelMounting = false;
    this.pageKey = null;
    this.removeBar?.();
    this.removeBar = null;
    this.notes?.remove();
    this.notes = null;
    this.collect?.remove();
    this.collect = null;
  }

  private renderPage(): void {
    const url = new URL(location.href);
    this.pageKey = isItemPage(url) ? courseKey(url.href) : null;
    if (this.pageKey) this.renderItemPage(this.pageKey, url);
    if (isMyPages(url)) this.renderMyPages();
    if (isSelfAssessmentResult(url)) this.renderSelfAssessment();
    this.badgeLinks(document.body);
    this.renderCollect(document.body);
  }

  /** Coordinator mode: tick boxes on list pages, one button on a course page. */
  private renderCollect(root: ParentNode): void {
    const context = this.context.collect;
    if (!context) {
      this.collect?.remove();
      this.collect = null;
      return;
    }
    const url = new URL(location.href);
    if (this.pageKey) {
      const heading = itemHeading(document);
      if (!heading) return;
      const kind = isCoursePage(url) ? 'course' : 'article';
      this.collect ??= new CollectLayer(this.ctx, context, addToDraft, true);
      this.collect.show(heading, [{ key: this.pageKey, title: itemTitle(document), kind, card: heading }]);
      return;
    }
    if (!isCourseList(url) && !isCompetenceAreaPage(url) && !isStartPage(url)) return;
    const anchor = listHeading(document);
    if (!anchor) return;
    const found = new Map<string, Collectable>();
    for (const { link, key, anchor: title } of itemLinks(root)) {
      if (found.has(key)) continue;
      const text = title.textContent?.trim();
      if (text) found.set(key, { key, title: text, kind: isCourseKey(key) ? 'course' : 'article', card: cardOf(link) ?? link });
    }
    this.collect ??= new CollectLayer(this.ctx, context, addToDraft, false);
    this.collect.show(anchor, [...found.values()]);
  }

  private renderItemPage(key: string, url: URL): void {
    const title = itemTitle(document);
    if (!this.reported.has(`visit:${key}`)) {
      this.reported.add(`visit:${key}`);
      const facts = isCoursePage(url) ? courseFacts(document) : {};
      void send({ type: 'visited', key, title, ...facts });
    }
    this.ensurePanel(key, title);
    if (isCoursePage(url) && !this.notes) this.notes = mountNotesDock(this.ctx, key, title);
    this.checkCompletion(key, url, title);
  }

  /** Mount the strip under the title once the title exists (a site may draw it late). */
  private ensurePanel(key: string, title: string): void {
    if (this.panel || this.panelMounting) return;
    const heading = itemHeading(document);
    if (!heading) return;
    this.panelMounting = true;
    void mountPanel(this.ctx, heading, {
      onToggle: (done) => send({ type: 'setDone', key, done, title }),
    }).then((panel) => {
      if (this.pageKey !== key) {
        panel.remove();
        return;
      }
      this.panel = panel;
      this.panelMounting = false;
      this.updatePanel();
    });
  }

  private checkCompletion(key: string, url: URL, title: string): void {
    if (this.done.has(key) || this.reported.has(`done:${key}`)) return;
    if (!showsCompletion(document, url, this.context.overrides)) return;
    this.reported.add(`done:${key}`);
    this.done.add(key);
    this.updatePanel();
    void send({ type: 'completedOnPage', key, title });
  }

  private updatePanel(): void {
    if (!this.panel || !this.pageKey) return;
    const item = this.items.get(this.pageKey);
    const done = this.done.has(this.pageKey);
    let badge: { text: string; variant: 'period' | 'optional' | 'done' } | null = null;
    if (done) badge = { text: item ? t('badgeDoneInPeriod') : t('badgeDone'), variant: 'done' };
    else if (item?.optional) badge = { text: t('badgePeriodOptional'), variant: 'optional' };
    else if (item && this.context.period) {
      badge = { text: t('badgePeriodDeadline', dayMonth(this.context.period.deadline)), variant: 'period' };
    }
    this.panel.update({ badge, done });
  }

  private renderMyPages(): void {
    const entries = completedOnMyPages(document, location.href);
    if (entries.length === 0) return;
    void mountMyPagesBar(this.ctx, entries.length, () => send({ type: 'importMyPages', entries })).then(
      (remove) => {
        this.removeBar = remove;
      },
    );
  }

  private renderSelfAssessment(): void {
    const reading = selfAssessmentResult(document);
    const save = reading
      ? () => send({ type: 'saveSelfAssessment', scores: reading.scores, source: 'page', ...(reading.takenAt ? { takenAt: reading.takenAt } : {}) })
      : null;
    void mountSelfAssessmentBar(this.ctx, save, () => send({ type: 'openReport', section: 'self-assessment' })).then((remove) => {
      this.removeBar = remove;
    });
  }

  private badgeLinks(root: ParentNode): void {
    const labels = this.context.labels;
    if (!labels || (this.items.size === 0 && this.done.size === 0)) return;
    const seen = new Map<Element, Set<string>>();
    const wanted = new Set([...this.items.keys(), ...this.done]);
    for (const { link, key, anchor } of itemLinks(root, wanted)) {
      if (key === this.pageKey && isInPageItem(link, document)) continue;
      const card = cardOf(link) ?? link;
      const keys = seen.get(card) ?? new Set<string>();
      if (keys.has(key)) continue;
      keys.add(key);
      seen.set(card, keys);
      const look = badgeLook(this.items.get(key), this.done.has(key), labels);
      if (look) this.badges.set(anchor, look);
    }
  }

  private refresh(): void {
    for (const anchor of this.badges.anchors()) this.badges.set(anchor, null);
    this.badgeLinks(document.body);
    this.updatePanel();
    if (this.collect && this.context.collect) this.collect.update(this.context.collect);
    else this.renderCollect(document.body);
  }

  private onMutations(records: MutationRecord[]): void {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof Element && !isOurs(node)) this.pending.push(node);
      }
    }
    if (this.pending.length === 0 || this.flushScheduled) return;
    this.flushScheduled = true;
    // Batch bursts (infinite scroll adds many cards at once) into one pass.
    this.ctx.setTimeout(() => this.flush(), 30);
  }

  private flush(): void {
    this.flushScheduled = false;
    const nodes = this.pending.filter((n) => n.isConnected);
    this.pending = [];
    for (const node of nodes) {
      this.badgeLinks(node);
      if (this.collect && !this.pageKey) this.renderCollect(node);
    }
    if (this.pageKey) {
      const title = itemTitle(document);
      this.ensurePanel(this.pageKey, title);
      this.checkCompletion(this.pageKey, new URL(location.href), title);
    }
  }
}
