// The things the site adapter looks for on a Digiteket page, named for the site check. A
// module of its own, free of DOM code, so the message protocol can name them.

export const PAGE_CHECKS = ['courseMenuLink', 'heading', 'mainContent', 'canonical', 'area', 'time', 'completion', 'lastStep'] as const;
export type PageCheck = (typeof PAGE_CHECKS)[number];

/** What Kurskompis recognised on one page: the address and the fields read, never the page's text. */
export interface PageReport {
  /** The address without query or fragment (which may carry personal data). */
  address: string;
  /** How the page was recognised: as a course or article (`landing`, `step`, …), by a detector, or `unknown`. */
  kind: string;
  key?: string;
  title?: string;
  area?: string;
  minutes?: number;
  found: PageCheck[];
  missing: PageCheck[];
  /** The version of the site profile the page was read with (built in, or the plan's newer one). */
  profile?: number;
}

/** A report as kept for the site check: when the page was seen. */
export type SeenPage = PageReport & { at: string };

/** How many pages the site check keeps, newest first, one per address. */
export const SITE_CHECK_PAGES = 15;

/** The kept list with a newly seen page at its head (an earlier report of the same address goes). */
export function withSeenPage(pages: readonly SeenPage[], report: PageReport, now: Date): SeenPage[] {
  return [{ ...report, at: now.toISOString() }, ...pages.filter((p) => p.address !== report.address)].slice(0, SITE_CHECK_PAGES);
}
