import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { HOST_ATTR } from './badges';
import { ROOT_MODE } from './trusted';

// Every piece of our UI in Digiteket's page (strips, bars, the notes tab and frame) sits in a
// host element with a closed shadow root holding its own styles. Badges, of which a list has
// hundreds, share one constructed sheet instead (badges.ts).
// Written here rather than with WXT's createShadowRootUi: that brings its auto-mount machinery
// (an element-waiting library, a keyed map, an options merger) into the content script, a
// fifth of its size, for four lines of DOM we need.

export interface ClosedHost {
  host: HTMLElement;
  shadow: ShadowRoot;
  remove(): void;
}

export interface HostOptions {
  /** A `kurskompis-…` element (the runner knows its own by that name), or a marked span. */
  tag: `kurskompis-${string}` | { span: string };
  css: string;
  /**
   * Keys typed in our UI stay in it: Digiteket's own shortcuts (search on a letter key, for
   * one) never see them.
   */
  isolateKeys?: boolean;
}

export function closedHost(ctx: ContentScriptContext, { tag, css, isolateKeys }: HostOptions): ClosedHost {
  const host = document.createElement(typeof tag === 'string' ? tag : 'span');
  if (typeof tag !== 'string') host.setAttribute(HOST_ATTR, tag.span);
  const shadow = host.attachShadow({ mode: ROOT_MODE });
  const style = document.createElement('style');
  style.textContent = css;
  shadow.append(style);
  if (isolateKeys) {
    for (const type of ['keydown', 'keyup', 'keypress']) shadow.addEventListener(type, (event) => event.stopPropagation());
  }
  const remove = () => host.remove();
  ctx.onInvalidated(remove);
  return { host, shadow, remove };
}
