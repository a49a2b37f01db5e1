import { cardOf, isCourseKey, itemLinks } from '../../../lib/site/digiteket';
import { BadgeLayer, badgeLook } from '../badges';
import type { Feature, FeatureLife } from '../runner';
import { BADGE_CSS } from '../styles';

function badge(life: FeatureLife, layer: BadgeLayer, root: ParentNode): void {
  const { context, items, done, pageKey } = life.page;
  const labels = context.labels;
  // Coordinator mode: every course card is looked at, for those the saved plan does not hold.
  const planned = context.collect ? new Set(context.collect.periods.flatMap((p) => p.keys)) : null;
  if (!labels || (!planned && items.size === 0 && done.size === 0)) return;
  const seen = new Map<Element, Set<string>>();
  const wanted = planned ? undefined : new Set([...items.keys(), ...done]);
  for (const { link, key, anchor } of itemLinks(root, wanted)) {
    // The page's own course has the strip under its title; its menu and steps link to it.
    if (key === pageKey) continue;
    const found = cardOf(link);
    if (planned && !found && !items.has(key) && !done.has(key)) continue;
    const card = found ?? link;
    const keys = seen.get(card) ?? new Set<string>();
    if (keys.has(key)) continue;
    keys.add(key);
    seen.set(card, keys);
    const look = badgeLook(items.get(key), done.has(key), labels, planned && isCourseKey(key) ? planned.has(key) : undefined);
    if (look) layer.set(anchor, look);
  }
}

/**
 * "Månadens kurs", "Valfri" and "Klar ✓" on every card or link to a planned or finished course;
 * in coordinator mode also "Inte i planen" on each course card the saved plan does not hold.
 */
export function listBadges(): Feature {
  return {
    id: 'listBadges',
    runsOn: () => true,
    init(life) {
      const layer = new BadgeLayer(BADGE_CSS);
      badge(life, layer, document.body);
      return {
        added: (nodes) => {
          for (const node of nodes) badge(life, layer, node);
        },
        refresh: () => {
          for (const anchor of layer.anchors()) layer.set(anchor, null);
          badge(life, layer, document.body);
        },
        teardown: () => layer.clear(),
      };
    },
  };
}
