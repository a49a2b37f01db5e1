import type { Frame, Page } from 'playwright-core';

// What a person sees as broken layout, measured in the page: text that does not fit its box
// (cut off or pushed past the edge), the page scrolling sideways, and controls or headings drawn
// over each other. Boxes inside an element meant to scroll sideways (a wide table's wrapper)
// may be wider than the window: that scroller is the intended way to read them.

export interface LayoutProblems {
  /** The page itself scrolls sideways by this many pixels (WCAG 1.4.10 reflow). */
  pageOverflow: number;
  overflowing: string[];
  overlapping: string[];
}

// Plain JavaScript in a string: the test runner's compiler adds helpers to functions it
// compiles, which the page does not have.
const MEASURE = String.raw`(() => {
    const describe = (el) => {
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
      const id = el.id ? '#' + el.id : '';
      const cls = typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\s+/).join('.') : '';
      return el.tagName.toLowerCase() + id + cls + ' “' + text + '”';
    };
    const shown = (el) => {
      const box = el.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) return false; // visually hidden
      if (el.closest('details:not([open]) > :not(summary)')) return false;
      const style = getComputedStyle(el);
      return style.visibility !== 'hidden' && style.display !== 'none' && Number(style.opacity) > 0;
    };
    const scrolls = (el) => {
      const x = getComputedStyle(el).overflowX;
      return x === 'auto' || x === 'scroll';
    };
    const inScroller = (el) => {
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) if (scrolls(up)) return true;
      return false;
    };
    const width = document.documentElement.clientWidth;
    const pageOverflow = Math.max(0, document.documentElement.scrollWidth - width);

    const TEXT = 'p, h1, h2, h3, h4, li, label, button, a, dt, dd, td, th, legend, summary, caption, span, time, strong, small, div';
    const overflowing = [];
    for (const el of document.body.querySelectorAll(TEXT)) {
      const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
      if (!ownText || !shown(el) || scrolls(el) || inScroller(el)) continue;
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      // A box narrower than its text (block boxes; inline ones have no scroll size of their own).
      const cut = style.display !== 'inline' && el.scrollWidth > el.clientWidth + 1 && style.overflowX !== 'visible';
      const spills = style.display !== 'inline' && el.scrollWidth > el.clientWidth + 1 && style.overflowX === 'visible' && el.clientWidth > 0;
      // Any text box, inline ones too, reaching past the window's right edge.
      const pastEdge = box.right > width + 1;
      if (cut || spills || pastEdge) overflowing.push(describe(el) + ' (' + Math.round(box.width) + ' px box, ' + el.scrollWidth + ' px text, right edge ' + Math.round(box.right) + ' of ' + width + ')');
    }

    const CONTROLS = 'h1, h2, h3, h4, button, a[href], input:not([type="hidden"]), select, textarea, summary, [role="switch"], progress';
    const boxes = [...document.body.querySelectorAll(CONTROLS)]
      .filter((el) => shown(el))
      // Line by line: a link that wraps has one box per line, and the box around them all would
      // cover the text beside it.
      .map((el) => ({ el, rects: [...el.getClientRects()].filter((r) => r.width > 1 && r.height > 1) }));
    const overlapping = [];
    for (let i = 0; i < boxes.length; i += 1) {
      for (let j = i + 1; j < boxes.length; j += 1) {
        const a = boxes[i];
        const b = boxes[j];
        if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
        for (const ra of a.rects) {
          for (const rb of b.rects) {
            const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
            const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
            // Focus rings and subpixel rounding may touch; drawn over each other is more than that.
            if (w > 2 && h > 2) overlapping.push(describe(a.el) + ' × ' + describe(b.el) + ' (' + Math.round(w) + '×' + Math.round(h) + ' px)');
          }
        }
      }
    }
    return { pageOverflow, overflowing, overlapping };
})()`;

export async function layoutProblems(target: Page | Frame): Promise<LayoutProblems> {
  return target.evaluate(MEASURE) as Promise<LayoutProblems>;
}
