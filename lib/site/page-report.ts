import type { SiteAdapterOverrides } from '../model/plan';
import { courseFacts, detectors, itemHeading, mainContent, showsCompletion } from './digiteket';
import { hasCourseMenuLink, lastStepReached, pageItem, pageItemTitle, type PageItem } from './page-item';
import type { PageCheck, PageReport } from './page-checks';
import { profileVersion } from './profile';
import { PATTERNS, SELECTORS } from './selectors';

// What Kurskompis recognised on a Digiteket page and what it looked for without finding it:
// the site check a coordinator reads when the site changed shape. Only the address and the
// fields recognised go in, never the page's text.

/** The checks that apply to a page of this kind: a list has no competence area to find. */
function checksFor(isCourse: boolean, onLanding: boolean): PageCheck[] {
  if (!isCourse) return ['heading', 'mainContent'];
  const checks: PageCheck[] = ['courseMenuLink', 'heading', 'mainContent', 'canonical', 'completion', 'lastStep'];
  return onLanding ? [...checks, 'area', 'time'] : checks;
}

/**
 * `item` is what the page was recognised as, when the caller already knows it (the content
 * script does): reading a page a second time costs a list of 1,000 cards a scan.
 */
export function readPageReport(
  url: URL,
  doc: Document,
  { item = pageItem(url, doc), overrides }: { item?: PageItem | null; overrides?: SiteAdapterOverrides | undefined } = {},
): PageReport {
  const detector = Object.entries(detectors).find(([, detect]) => detect(url))?.[0];
  const isCourse = item !== null && item.key.includes('/kurs/');
  const onLanding = item?.via === 'landing';
  const facts = onLanding ? courseFacts(doc) : {};
  // Only the checks that apply are read: a list of 2,000 cards has no course menu to look for.
  const present: Record<PageCheck, () => boolean> = {
    courseMenuLink: () => hasCourseMenuLink(doc),
    heading: () => itemHeading(doc) !== null,
    mainContent: () => doc.querySelector(SELECTORS.main) !== null,
    canonical: () => doc.querySelector(SELECTORS.canonical) !== null,
    area: () => facts.competenceArea !== undefined,
    time: () => facts.minutes !== undefined,
    completion: () => item !== null && mainContent(doc) !== null && showsCompletion(doc, new URL(`https://${item.key}`), overrides),
    lastStep: () => lastStepReached(doc, url),
  };
  const checks = checksFor(isCourse, onLanding);
  const seen = new Map(checks.map((check) => [check, present[check]()]));
  return {
    address: `${url.origin}${url.pathname}`,
    // A detector's name without its "is": courseList, myPages, …
    kind: item ? item.via : detector ? detector.slice(2, 3).toLowerCase() + detector.slice(3) : 'unknown',
    ...(item ? { key: item.key, title: pageItemTitle(doc, item, url.href).replace(PATTERNS.titleSuffix, '') } : {}),
    ...(facts.competenceArea ? { area: facts.competenceArea } : {}),
    ...(facts.minutes !== undefined ? { minutes: facts.minutes } : {}),
    found: checks.filter((check) => seen.get(check)),
    missing: checks.filter((check) => !seen.get(check)),
    profile: profileVersion(),
  };
}
