import { describe, expect, it } from 'vitest';
import { openDatabase, Store } from '../../lib/storage/store';
import { CatalogueService } from '../../lib/services/catalogue';
import { cardFacts, cardOf, itemLinks } from '../../lib/site/digiteket';
import { fixturePage } from '../support/fixtures';

let count = 0;
const store = async () => new Store(await openDatabase(`catalogue-${++count}`));
const PODD = 'digiteket.se/kurs/skapa-en-podd/';

describe('the catalogue learned from course lists', () => {
  it('keeps a course\'s first sighting and takes the newer title, area and time', async () => {
    const s = await store();
    const service = new CatalogueService(s, async () => true);
    expect(await service.learn([{ key: PODD, title: 'Skapa en podd', minutes: 45 }], new Date('2026-03-01T10:00:00Z'))).toEqual({ ok: true, added: 1 });
    expect(await service.learn([{ key: PODD, title: 'Skapa en podcast', area: 'Skapa innehåll' }], new Date('2026-05-01T10:00:00Z'))).toEqual({ ok: true, added: 0 });
    expect(await s.catalogue()).toEqual([
      { key: PODD, title: 'Skapa en podcast', area: 'Skapa innehåll', minutes: 45, firstSeen: '2026-03-01T10:00:00.000Z', lastSeen: '2026-05-01T10:00:00.000Z' },
    ]);
  });

  it('records nothing outside coordinator mode', async () => {
    const s = await store();
    const service = new CatalogueService(s, async () => false);
    expect(await service.learn([{ key: PODD, title: 'Skapa en podd' }])).toEqual({ ok: false, error: 'collectNotCoordinator' });
    expect(await s.catalogue()).toEqual([]);
  });

  it('reads each card\'s area and stated time from the list\'s fixture page', () => {
    const doc = new DOMParser().parseFromString(fixturePage('kurser.html'), 'text/html');
    const podd = itemLinks(doc.body).find((l) => l.key === PODD);
    const card = podd && cardOf(podd.link);
    expect(card && cardFacts(card)).toEqual({ minutes: 45, competenceArea: 'Skapa innehåll' });
  });
});
