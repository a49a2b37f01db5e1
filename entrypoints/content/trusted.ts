// Everything the extension puts in Digiteket's page sits in closed shadow roots, so the page's
// scripts cannot find our buttons; and an event a script made (`click()`, `dispatchEvent`) is
// never trusted. Every listener that changes something stored goes through here, so only the
// user's own click, key or tap does it, whatever reaches the element.

/** Listens for `type` on `target` and runs `action` only for events the browser made from user input. */
export function onUserEvent<K extends keyof HTMLElementEventMap>(
  target: HTMLElement,
  type: K,
  action: (event: HTMLElementEventMap[K]) => void,
): void {
  target.addEventListener(type, (event) => {
    if (event.isTrusted) action(event);
  });
}

/**
 * The mode of every shadow root we attach: closed, so `host.shadowRoot` is null for the page
 * and neither its selectors nor its scripts see inside.
 */
export const ROOT_MODE = 'closed' satisfies ShadowRootMode;
