import { canonicalPath, courseKey, type CourseKey } from './course-key';
import { courseKeyOfStep, detectors, isArticlePage, isCoursePage, isShortLink, itemKeyOfHref, itemTitle } from './digiteket';
import { DIGITEKET_HOST, isDigiteketHost } from './hosts';
import { PATTERNS, SELECTORS } from './selectors';

// Which course or article a page belongs to. The address decides where it can (a course's
// landing page, one of its steps, an article); where it cannot, the page itself is asked:
// a WordPress short link is keyed by its canonical address, and a page at an address no
// detector knows that opens with "Gå direkt till kursmenyn" (the site moved its courses) is
// the course its canonical link or breadcrumb names.

export interface PageItem {
  key: CourseKey;
  /** How the page was recognised, for the site check and for where the title is read. */
  via: 'landing' | 'step' | 'article' | 'canonical' | 'breadcrumb' | 'menu' | 'address';
}

/** Whether the page opens with the skip link to the course menu, which every course page has. */
export function hasCourseMenuLink(doc: Document): boolean {
  return courseMenuLink(doc) !== null;
}

function courseMenuLink(doc: Document): HTMLAnchorElement | null {
  for (const link of doc.querySelectorAll<HTMLAnchorElement>(SELECTORS.skipLink)) {
    if (PATTERNS.courseMenuSkip.test(link.textContent ?? '')) return link;
  }
  return null;
}

/** The key a Digiteket address stands for: a step counts as its course. */
function keyOfAddress(href: string, base: string): CourseKey | null {
  const item = itemKeyOfHref(href, base);
  if (item) return item;
  try {
    const url = new URL(href, base);
    return isDigiteketHost(url.hostname) && !isShortLink(url) ? courseKey(url.href) : null;
  } catch {
    return null;
  }
}

function canonicalKey(doc: Document, base: string): CourseKey | null {
  const href = doc.querySelector(SELECTORS.canonical)?.getAttribute('href');
  return href ? keyOfAddress(href, base) : null;
}

/** The element the course-menu skip link leads to. */
function courseMenu(doc: Document): HTMLElement | null {
  const id = courseMenuLink(doc)?.getAttribute('href')?.slice(1);
  return id ? doc.getElementById(id) : null;
}

/** The course the course menu names: its first link to a course's landing page. */
function menuKey(doc: Document, base: string): CourseKey | null {
  for (const link of courseMenu(doc)?.querySelectorAll<HTMLAnchorElement>(SELECTORS.link) ?? []) {
    const href = link.getAttribute('href') ?? '';
    const key = courseKey(href, base);
    if (key && key === itemKeyOfHref(href, base) && isCoursePage(new URL(href, base))) return key;
  }
  return null;
}

/** `/kurs/<course>/…` below a course's own address: the course it is under. */
function courseAbove(url: URL): CourseKey | null {
  const match = /^\/kurs\/([^/]+)\/[^/]/.exec(canonicalPath(url.pathname));
  return match ? `${DIGITEKET_HOST}/kurs/${match[1] as string}/` : null;
}

function breadcrumbKey(doc: Document, base: string): CourseKey | null {
  const links = [...doc.querySelectorAll<HTMLAnchorElement>(SELECTORS.breadcrumbLink)];
  for (const link of links.reverse()) {
    const key = itemKeyOfHref(link.getAttribute('href') ?? '', base);
    if (key) return key;
  }
  return null;
}

/**
 * The course or article this page belongs to, or null. Without `doc` (before the page is
 * parsed) only the address is read.
 */
export function pageItem(url: URL, doc?: Document): PageItem | null {
  if (isCoursePage(url)) return { key: courseKey(url.href) as CourseKey, via: 'landing' };
  if (isArticlePage(url)) return { key: courseKey(url.href) as CourseKey, via: 'article' };
  const step = courseKeyOfStep(url);
  if (step) return { key: step, via: 'step' };
  if (!doc || !isDigiteketHost(url.hostname)) return null;
  const short = isShortLink(url);
  // A page a detector knows (a list, Mina sidor) is that page, whatever links it opens with.
  // The address is asked first: it costs nothing, where the menu link is looked for in the page.
  if (!short && (Object.values(detectors).some((detect) => detect(url)) || !hasCourseMenuLink(doc))) return null;
  const canonical = canonicalKey(doc, url.href);
  if (canonical && canonical !== courseKey(url.href)) return { key: canonical, via: 'canonical' };
  const crumb = breadcrumbKey(doc, url.href);
  if (crumb) return { key: crumb, via: 'breadcrumb' };
  const menu = menuKey(doc, url.href);
  if (menu) return { key: menu, via: 'menu' };
  if (short) return null;
  // A course page at a new kind of address: under a course's address it is that course's,
  // else the address is the course.
  const above = courseAbove(url);
  return { key: above ?? (courseKey(url.href) as CourseKey), via: 'address' };
}

/**
 * The course's title as this page shows it. On a landing page it is the heading; on a step
 * the heading is the step's, so the course's name is read from a link to the course (the
 * course menu first, then any), and `fallback` (the plan's title) comes before the heading.
 */
export function pageItemTitle(doc: Document, item: PageItem, base: string, fallback?: string): string {
  if (item.via === 'landing' || item.via === 'article') return itemTitle(doc);
  for (const root of [courseMenu(doc), doc]) {
    for (const link of root?.querySelectorAll<HTMLAnchorElement>(SELECTORS.link) ?? []) {
      const text = link.textContent?.trim();
      if (text && courseKey(link.getAttribute('href') ?? '', base) === item.key) return text;
    }
  }
  return fallback ?? itemTitle(doc);
}

/** The addresses the course menu links to that are steps of `course`, in the menu's order. */
function menuSteps(doc: Document, base: URL, course: CourseKey): URL[] {
  return [...(courseMenu(doc)?.querySelectorAll<HTMLAnchorElement>(SELECTORS.link) ?? [])]
    .map((link) => {
      try {
        return new URL(link.getAttribute('href') ?? '', base);
      } catch {
        return null;
      }
    })
    .filter((step): step is URL => step !== null && courseKeyOfStep(step) === course);
}

/**
 * Whether this page is the last step in its course menu: a sign, among others, that the
 * course is being finished (SITE.md names no completion wording to rely on alone).
 */
export function lastStepReached(doc: Document, url: URL): boolean {
  const course = courseKeyOfStep(url);
  if (!course) return false;
  const last = menuSteps(doc, url, course).at(-1);
  return last !== undefined && canonicalPath(last.pathname) === canonicalPath(url.pathname);
}

/**
 * The steps a course's landing page lists in its course menu, as canonical paths, each once:
 * what is remembered when the course is done, to tell later that the course has changed.
 */
export function courseStepPaths(doc: Document, url: URL): string[] {
  if (!isCoursePage(url)) return [];
  const course = courseKey(url.href);
  if (!course) return [];
  return [...new Set(menuSteps(doc, url, course).map((step) => canonicalPath(step.pathname)))];
}

/** Whether `path` is the canonical path of one of `course`'s steps. */
export function isStepOf(path: string, course: string): boolean {
  if (!path.startsWith('/') || canonicalPath(path) !== path) return false;
  try {
    return courseKeyOfStep(new URL(path, `https://${DIGITEKET_HOST}`)) === course;
  } catch {
    return false;
  }
}
