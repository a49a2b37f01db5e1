import { describe, expect, it } from 'vitest';
import { suggestSiteCheck } from '../../lib/domain/site-check';
import type { ProgressRecord } from '../../lib/model/progress';
import { SITE_CHECK_PAGES, withSeenPage, type PageReport } from '../../lib/site/page-checks';

const done = (slug: string, source: ProgressRecord['source']): ProgressRecord => ({
  courseKey: `digiteket.se/kurs/${slug}/`,
  status: 'done',
  ...(source ? { source } : {}),
  updatedAt: '2026-11-20T10:00:00.000Z',
});

describe('the site check', () => {
  it('is suggested once courses are marked done by hand and none was ever seen finished on the site', () => {
    expect(suggestSiteCheck([done('a', 'manual')], false)).toBe(false);
    expect(suggestSiteCheck([done('a', 'manual'), done('b', 'manual')], false)).toBe(true);
    expect(suggestSiteCheck([done('a', 'manual'), done('b', 'manual'), done('c', 'detected')], false)).toBe(false);
    expect(suggestSiteCheck([done('a', 'manual'), done('b', 'manual')], true)).toBe(false);
    expect(suggestSiteCheck([done('a', 'mina-sidor'), done('b', 'mina-sidor')], false)).toBe(false);
  });

  it('keeps the pages seen last, newest first, one per address', () => {
    const report = (n: number): PageReport => ({ address: `https://digiteket.se/kurs/k${n}/`, kind: 'landing', found: [], missing: [] });
    let pages = withSeenPage([], report(1), new Date('2026-11-20T10:00:00Z'));
    for (let n = 2; n <= SITE_CHECK_PAGES + 3; n += 1) pages = withSeenPage(pages, report(n), new Date('2026-11-20T10:00:00Z'));
    expect(pages).toHaveLength(SITE_CHECK_PAGES);
    expect(pages[0]!.address).toBe(`https://digiteket.se/kurs/k${SITE_CHECK_PAGES + 3}/`);
    pages = withSeenPage(pages, report(10), new Date('2026-11-21T10:00:00Z'));
    expect(pages.filter((p) => p.address.endsWith('/k10/'))).toEqual([{ ...report(10), at: '2026-11-21T10:00:00.000Z' }]);
    expect(pages[0]!.address).toBe('https://digiteket.se/kurs/k10/');
  });
});
