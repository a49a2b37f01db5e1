import type { SiteAdapterOverrides } from '../model/plan';
import type { CourseKey } from './course-key';
import { courseFacts, detectors, itemHeading, mainContent, showsCompletion } from './digiteket';
import { hasCourseMenuLink, lastStepReached, pageItem, pageItemTitle } from './page-item';
import { PATTERNS, SELECTORS } from './selectors';

// What Kurskompis recognised on a Digiteket page and what it looked for without finding it:
// the site check a coordinator reads when the site changed shape. Only the address and the
// fields recognised go in, never the page's text.

/** Each thing the adapter looks for on a page. */
export const PAGE_CHECKS = [
  'courseMenuLink',
  'heading',
  'mainContent',
  'canonical',
  'area',
  'time',
  'completion',
  'lastStep',
] as const;
export type PageCheck = (typeof PAGE_CHECKS)[number];

export interface PageReport {
  /** The address without query or fragment (which may carry personal data). */
  address: string;
  /** The detector that knew the address, or how the page was recognised as a course. */
  kind: string;
  key?: CourseKey;
  title?: string;
  area?: string;
  minutes?: number;
  found: PageCheck[];
  missing: PageCheck[];
}

/** The checks that apply to a page of this kind: a list has no competence area to find. */
function checksFor(isCourse: boolean, onLanding: boolean): PageCheck[] {
  if (!isCourse) return ['heading', 'mainContent'];
  const checks: PageCheck[] = ['courseMenuLink', 'heading', 'mainContent', 'canonical', 'completion', 'lastStep'];
  return onLanding ? [...checks, 'area', 'time'] : checks;
}

export function readPageReport(url: URL, doc: Document, overrides?: SiteAdapterOverrides): PageReport {
  const item = pageItem(url, doc);
  const detector = Object.entries(detectors).find(([, detect]) => detect(url))?.[0];
  const isCourse = item !== null && item.key.includes('/kurs/');
  const onLanding = item?.via === 'landing';
  const facts = onLanding ? courseFacts(doc) : {};
  const present: Record<PageCheck, boolean> = {
    courseMenuLink: hasCourseMenuLink(doc),
    heading: itemHeading(doc) !== null,
    mainContent: doc.querySelector(SELECTORS.main) !== null,
    canonical: doc.querySelector(SELECTORS.canonical) !== null,
    area: facts.competenceArea !== undefined,
    time: facts.minutes !== undefined,
    completion: item !== null && mainContent(doc) !== null && showsCompletion(doc, new URL(`https://${item.key}`), overrides),
    lastStep: lastStepReached(doc, url),
  };
  const checks = checksFor(isCourse, onLanding);
  return {
    address: `${url.origin}${url.pathname}`,
    kind: item ? item.via : (detector ?? 'unknown'),
    ...(item ? { key: item.key, title: pageItemTitle(doc, item, url.href).replace(PATTERNS.titleSuffix, '') } : {}),
    ...(facts.competenceArea ? { area: facts.competenceArea } : {}),
    ...(facts.minutes !== undefined ? { minutes: facts.minutes } : {}),
    found: checks.filter((check) => present[check]),
    missing: checks.filter((check) => !present[check]),
  };
}
