/**
 * Resolves once the next frame has been drawn and the browser has had a task's time to put it
 * on the screen: work started then does not hold that frame up. A page that draws no frames (a
 * hidden tab, a popup not yet shown) resolves after `fallbackMs` instead.
 */
export function afterNextPaint(fallbackMs: number): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, fallbackMs);
  });
}
