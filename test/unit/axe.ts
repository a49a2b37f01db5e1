import axe from 'axe-core';
import { expect } from 'vitest';

// Runs axe-core over a rendered screen and expects no serious or critical violations.
//
// Rules switched off because they cannot run in happy-dom (it does no layout and computes no
// colours, so their answers would be guesses, not findings):
// - color-contrast: needs computed colours and what lies behind each text;
// - color-contrast-enhanced: the same (not in axe's default set; named to be sure).
// Everything else runs. axe schedules work with timers: call this with real timers.
const CANNOT_RUN_IN_HAPPY_DOM = ['color-contrast', 'color-contrast-enhanced'];

export async function expectAccessible(container: Element): Promise<void> {
  const results = await axe.run(container, {
    resultTypes: ['violations'],
    rules: Object.fromEntries(CANNOT_RUN_IN_HAPPY_DOM.map((id) => [id, { enabled: false }])),
  });
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const found = serious.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  // As one text, so that a failure names every violation instead of "[ …(3) ]".
  expect(found.join('\n'), 'serious or critical axe violations').toBe('');
}
