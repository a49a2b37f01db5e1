import type { BadgeLabels, PageItem } from '../../lib/messages/protocol';
import { ROOT_MODE } from './trusted';

// Small badges on course links and cards. Each lives in its own closed shadow root, so the
// page's styles and scripts cannot reach into it and ours cannot leak out; its text reaches screen readers as
// part of the link it sits in.

export const HOST_ATTR = 'data-kurskompis';

export interface BadgeLook {
  text: string;
  /** `notPlanned`: coordinator mode only, a course in no period of the saved plan. */
  variant: 'period' | 'optional' | 'done' | 'notPlanned';
}

export function badgeLook(
  item: PageItem | undefined,
  done: boolean,
  labels: BadgeLabels,
  /** In coordinator mode: whether the course is in some period of the saved plan. */
  planned?: boolean,
): BadgeLook | null {
  if (done) return { text: labels.done, variant: 'done' };
  if (!item) return planned === false ? { text: labels.notInPlan, variant: 'notPlanned' } : null;
  return item.optional ? { text: labels.optional, variant: 'optional' } : { text: labels.period, variant: 'period' };
}

interface Badge {
  host: HTMLElement;
  label: HTMLElement;
}

export class BadgeLayer {
  private readonly badges = new Map<Element, Badge>();
  private sheet: CSSStyleSheet | null | undefined;

  constructor(private readonly css: string) {}

  /**
   * One constructed style sheet shared by every badge: a separate <style> per shadow root
   * makes the browser build and match a rule set per badge. Null where a content script's
   * sheet cannot be adopted into the page's shadow roots (then each badge gets a <style>).
   */
  private sharedSheet(): CSSStyleSheet | null {
    if (this.sheet === undefined) {
      try {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(this.css);
        this.sheet = sheet;
      } catch {
        this.sheet = null;
      }
    }
    return this.sheet;
  }

  /** Show `look` on `anchor` (create, update or remove its badge). */
  set(anchor: Element, look: BadgeLook | null): void {
    const existing = this.badges.get(anchor);
    if (!look) {
      if (existing) {
        existing.host.remove();
        this.badges.delete(anchor);
      }
      return;
    }
    const badge = existing && existing.host.isConnected ? existing : this.create(anchor);
    badge.label.textContent = look.text;
    badge.label.className = `badge badge--${look.variant}`;
  }

  private create(anchor: Element): Badge {
    const doc = anchor.ownerDocument;
    const host = doc.createElement('span');
    host.setAttribute(HOST_ATTR, 'badge');
    const shadow = host.attachShadow({ mode: ROOT_MODE });
    const label = doc.createElement('span');
    const sheet = this.sharedSheet();
    let adopted = false;
    if (sheet) {
      try {
        shadow.adoptedStyleSheets = [sheet];
        adopted = shadow.adoptedStyleSheets.length === 1;
      } catch {
        this.sheet = null;
      }
    }
    if (!adopted) {
      const style = doc.createElement('style');
      style.textContent = this.css;
      shadow.append(style);
    }
    // A real space, not a margin: screen readers then hear "Skapa en podd Månadens kurs".
    shadow.append(' ', label);
    anchor.append(host);
    const badge = { host, label };
    this.badges.set(anchor, badge);
    return badge;
  }

  anchors(): Element[] {
    return [...this.badges.keys()];
  }

  clear(): void {
    for (const { host } of this.badges.values()) host.remove();
    this.badges.clear();
  }
}
