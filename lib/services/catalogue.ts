import { CATALOGUE_MAX, catalogueEntrySchema, type CatalogueEntry } from '../model/catalogue';
import type { CourseKey } from '../site/course-key';
import type { Store } from '../storage/store';

// The catalogue of Digiteket's courses, learned from the course lists the coordinator browses.
// Only in coordinator mode: a staff member's browsing is never recorded.

export interface SeenCard {
  key: CourseKey;
  title: string;
  area?: string;
  minutes?: number;
}

export type LearnResult = { ok: true; added: number } | { ok: false; error: 'collectNotCoordinator' };

export class CatalogueService {
  constructor(
    private readonly store: Store,
    private readonly isOn: () => Promise<boolean>,
  ) {}

  /** Known courses keep their first sighting and take the card's newer facts; new ones are added while there is room. */
  async learn(cards: readonly SeenCard[], now: Date = new Date()): Promise<LearnResult> {
    if (!(await this.isOn())) return { ok: false, error: 'collectNotCoordinator' };
    const at = now.toISOString();
    const known = new Map((await this.store.catalogue()).map((e) => [e.key, e]));
    let room = CATALOGUE_MAX - known.size;
    const changed = new Map<string, CatalogueEntry>();
    let added = 0;
    for (const card of cards) {
      const before = changed.get(card.key) ?? known.get(card.key);
      if (!before && room <= 0) continue;
      const parsed = catalogueEntrySchema.safeParse({
        key: card.key,
        title: card.title,
        ...(card.area !== undefined ? { area: card.area } : before?.area ? { area: before.area } : {}),
        ...(card.minutes !== undefined ? { minutes: card.minutes } : before?.minutes ? { minutes: before.minutes } : {}),
        firstSeen: before?.firstSeen ?? at,
        lastSeen: at,
      });
      if (!parsed.success) continue;
      if (!before) {
        room -= 1;
        added += 1;
      }
      changed.set(card.key, parsed.data);
    }
    if (changed.size > 0) await this.store.putCatalogue([...changed.values()]);
    return { ok: true, added };
  }
}
