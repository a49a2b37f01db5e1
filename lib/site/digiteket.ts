import { canonicalPath, courseKey, type CourseKey } from './course-key';
import { AREA_IDS, DEFAULT_SCALE, areaIn, isOnScale, isScale, type AreaId, type Scale } from '../model/competence-areas';
import type { SiteAdapterOverrides } from '../model/plan';
import { DIGITEKET_HOST, DIGITEKET_HOSTS, isDigiteketHost } from './hosts';
import { pathPattern } from './profile';
import { PATTERNS, SELECTORS } from './selectors';

// Everything Kurskompis knows about Digiteket's pages lives in lib/site: hosts (hosts.ts),
// selectors and text patterns with their fixture examples (selectors.ts), and here URL shapes
// and the readers built on them. Each page detector is a pure function of a URL with its
// example URLs beside it; one test runs every example against every detector. Structure
// (URLs, links) is preferred over class names, which the site may rename at any time.

type Detector = (url: URL) => boolean;

// Each detector's example URLs stand beside it as `<detector>Examples`: exports only the
// tests read, so the content script carries the detectors and not their examples.
function detector(test: (path: string) => boolean): Detector {
  return (url) => isDigiteketHost(url.hostname) && test(normalisedPath(url));
}

function normalisedPath(url: URL): string {
  return canonicalPath(url.pathname);
}

const SLUG = '[^/]+';
/**
 * A course step's own segment: `<step-slug>-<number>.<13 hex><digit>.<8 digits>`, PHP's
 * `uniqid('', true)` after the step's number (SITE.md), lower-cased like every key path.
 */
const STEP = '[a-z0-9-]+-\\d+\\.[0-9a-f]{13}\\d\\.\\d{8}';
const STEP_SEGMENT = new RegExp(`^${STEP}$`);
const STEP_PATH = new RegExp(`^(/kurs/${SLUG}/)${STEP}/$`);

export const isStartPageExamples = ['https://digiteket.se/', 'https://www.digiteket.se/', 'https://digiteket.se/?s=podd', 'https://digiteket.se/#main', 'https://digiteket.se/?p=abc'];
export const isStartPage: Detector = (url) => isDigiteketHost(url.hostname) && normalisedPath(url) === '/' && !isShortLink(url);

/** WordPress's short link to a post, `/?p=<id>`: the page is keyed by its canonical address. */
export const isShortLinkExamples = ['https://digiteket.se/?p=22556', 'https://www.digiteket.se/?p=22556&utm_source=nyhetsbrev'];
export function isShortLink(url: URL): boolean {
  return isDigiteketHost(url.hostname) && normalisedPath(url) === '/' && /^\d+$/.test(url.searchParams.get('p') ?? '');
}

export const isCoursePageExamples = [
  'https://digiteket.se/kurs/skapa-en-podd/',
  'https://www.digiteket.se/kurs/skapa-en-podd',
  'https://digiteket.se/kurs/skapa-en-podd/?utm_source=nyhetsbrev#steg-3',
  'https://digiteket.se/KURS/Skapa-En-Podd/',
  'https://digiteket.se/kurs/k%C3%A4llkritik/',
];
export const isCoursePage = detector((path) => new RegExp(`^/kurs/${SLUG}/$`).test(path));

/** A step (lesson) of a course: most of a course is spent on these, under the course's address. */
export const isStepPageExamples = [
  'https://digiteket.se/kurs/ner-i-kaninhalet-starta-din-egen-studiecirkel-om-ai/en-studiecirkel-blir-till-17992.66d6b462575cc5.95724959/',
  'https://digiteket.se/kurs/en-praktisk-introduktion-till-generativ-ai-chatgpt-gemini-och-copilot/vad-ar-generativ-ai-21734.68da8c7a27fb86.02549004',
  'https://www.digiteket.se/kurs/skapa-en-podd/mikrofonen-3.66D6B462575CC5.95724959/?svar=2#fraga',
];
export const isStepPage = detector((path) => STEP_PATH.test(path));

export const isArticlePageExamples = [
  'https://digiteket.se/inspirationsartikel/ostersundsmodellen/',
  'https://www.digiteket.se/inspirationsartikel/sa-har-anvander-du-digiteket',
];
export const isArticlePage = detector((path) => new RegExp(`^/inspirationsartikel/${SLUG}/$`).test(path));

export const isCourseListExamples = ['https://digiteket.se/kurser/', 'https://digiteket.se/kurser/?kompetens=sakerhet', 'https://digiteket.se/kurser/page/2/'];
export const isCourseList = detector((path) => pathPattern('courseList').test(path));

export const isCompetenceAreaPageExamples = ['https://digiteket.se/kompetensomrade/skapa-innehall/', 'https://www.digiteket.se/kompetensomrade/sakerhet'];
export const isCompetenceAreaPage = detector((path) => pathPattern('competenceAreaPage').test(path));

export const isMyPagesExamples = ['https://digiteket.se/mina-sidor/', 'https://www.digiteket.se/mina-sidor'];
export const isMyPages = detector((path) => pathPattern('myPages').test(path));

export const isSelfAssessmentResultExamples = ['https://digiteket.se/sjalvskattningstest/resultat/', 'https://digiteket.se/sjalvskattningstest/resultat/?id=42'];
export const isSelfAssessmentResult = detector((path) => pathPattern('selfAssessmentResult').test(path));

export const isCertificateExamples = ['https://digiteket.se/kursbevis/skapa-en-podd/'];
export const isCertificate = detector((path) => pathPattern('certificate').test(path));

/** Every detector by name, for the tests. */
export const detectors: Record<string, Detector> = {
  isStartPage,
  isShortLink,
  isCoursePage,
  isStepPage,
  isArticlePage,
  isCourseList,
  isCompetenceAreaPage,
  isMyPages,
  isSelfAssessmentResult,
  isCertificate,
};

/** URLs on Digiteket that none of the detectors may claim. */
export const unmatchedExamples = [
  'https://digiteket.se/kurs/',
  'https://digiteket.se/kurs/skapa-en-podd/steg-2/',
  'https://digiteket.se/kurs/skapa-en-podd/steg-2-17992.66d6b462575cc5/',
  'https://digiteket.se/kurs/skapa-en-podd/steg-2-17992.66d6b462575cc5.95724959/extra/',
  'https://digiteket.se/inspiration/',
  'https://digiteket.se/grupper/ostersunds-bibliotek/',
  'https://digiteket.se/sjalvskattningstest/',
  'https://digiteket.se/kompetensomrade/',
  'https://example.com/kurs/skapa-en-podd/',
  'https://digiteket.se.example.com/kurs/skapa-en-podd/',
];

/** Whether a URL is a page a plan can name as an item: a course or an article. */
export function isItemPage(url: URL): boolean {
  return isCoursePage(url) || isArticlePage(url);
}

const ITEM_PATH = new RegExp(`^/(kurs|inspirationsartikel)/${SLUG}/$`);

/** The key a canonical path stands for as an item: a course or article, a step by its course. */
function itemKeyOfPath(path: string): CourseKey | null {
  if (ITEM_PATH.test(path)) return `${DIGITEKET_HOST}${path}`;
  const step = STEP_PATH.exec(path);
  return step ? `${DIGITEKET_HOST}${step[1] as string}` : null;
}

/** The course a step page belongs to (its key), or null when the URL is no step. */
export function courseKeyOfStep(url: URL): CourseKey | null {
  if (!isDigiteketHost(url.hostname)) return null;
  const step = STEP_PATH.exec(normalisedPath(url));
  return step ? `${DIGITEKET_HOST}${step[1] as string}` : null;
}

/**
 * The key of a link's target when it points at a course or article (a step counts as its
 * course), else null. Runs for every link on a page, so the URL is parsed and normalised once.
 */
export function itemKeyOfHref(href: string, base: string): CourseKey | null {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  if (!isDigiteketHost(url.hostname)) return null;
  return itemKeyOfPath(normalisedPath(url));
}

// ---- Reading pages (DOM) ----------------------------------------------------------------

// Read at each call, not once: a plan's site profile may have changed them (profile.ts).
const titleSelectors = () => [SELECTORS.articleHeading, SELECTORS.mainHeading, SELECTORS.anyHeading];

/** The course or article heading a badge sits beside. */
export function itemHeading(doc: Document): HTMLElement | null {
  for (const selector of titleSelectors()) {
    const el = doc.querySelector<HTMLElement>(selector);
    if (el) return el;
  }
  return null;
}

export function itemTitle(doc: Document): string {
  const heading = itemHeading(doc)?.textContent?.trim();
  if (heading) return heading;
  const og = doc.querySelector(SELECTORS.ogTitle)?.getAttribute('content')?.trim();
  return og ?? doc.title.replace(PATTERNS.titleSuffix, '').trim();
}

const completionSelectors = () => [SELECTORS.completionSection, SELECTORS.completionAnchor];

function slugOf(url: URL): string | undefined {
  return url.pathname.split('/').filter(Boolean)[1]?.toLowerCase();
}

/**
 * Whether a course page shows that the course is finished: a link to this course's
 * certificate (kursbevis), the completion section, or a completion sentence. A plan can
 * add selectors and sentences when the site changes before Kurskompis does.
 */
export function showsCompletion(doc: Document, pageUrl: URL, overrides?: SiteAdapterOverrides): boolean {
  const slug = slugOf(pageUrl);
  const main = mainContent(doc);
  if (!main) return false;
  if (slug) {
    for (const link of main.querySelectorAll<HTMLAnchorElement>(SELECTORS.certificateLink)) {
      try {
        const target = new URL(link.getAttribute('href') ?? '', pageUrl);
        if (isCertificate(target) && slugOf(target) === slug) return true;
      } catch {
        /* a broken link says nothing */
      }
    }
  }
  const selectors = [...completionSelectors(), ...(overrides?.completionSelectors ?? [])];
  for (const selector of selectors) {
    try {
      if (main.querySelector(selector)) return true;
    } catch {
      /* an override that is not a valid selector is ignored */
    }
  }
  const text = main.textContent ?? '';
  return PATTERNS.completionText.test(text) || (overrides?.completionTexts ?? []).some((t) => text.includes(t));
}

export interface ItemLink {
  link: HTMLAnchorElement;
  key: CourseKey;
  /** Where a badge goes: the card's title when the link is a card, else the link itself. */
  anchor: HTMLElement;
}

const ABSOLUTE_DIGITEKET = new RegExp(
  `^https?://(?:${DIGITEKET_HOSTS.map((host) => host.replaceAll('.', '\\.')).join('|')})(?::443)?(/[^?#]*)`,
  'i',
);

/** Same result as `itemKeyOfHref`, from a link's already resolved address, without a URL parse. */
export function itemKeyOfResolved(resolved: string): CourseKey | null {
  const match = ABSOLUTE_DIGITEKET.exec(resolved);
  if (!match) return null;
  return itemKeyOfPath(canonicalPath(match[1] as string));
}

/** The page's main content: where courses, results and completion are read. */
export function mainContent(doc: Document): HTMLElement | null {
  return doc.querySelector<HTMLElement>(SELECTORS.main) ?? doc.body;
}

/** Where a bar of ours goes on a page that is not a course: under its heading, else atop its content. */
export function barAnchor(doc: Document): Element | null {
  return doc.querySelector(SELECTORS.mainHeading) ?? doc.querySelector(SELECTORS.main);
}

/** The heading of a course list, competence area or start page, where the collecting bar goes. */
export function listHeading(doc: Document): Element | null {
  return doc.querySelector(SELECTORS.mainHeading) ?? doc.querySelector(SELECTORS.anyHeading);
}

/** Whether a key is a course's (else an article's): the two kinds a key can be. */
export function isCourseKey(key: CourseKey): boolean {
  return key.includes('/kurs/');
}

const HREF_END = /[?#\\\s]/;

/** The last segment of a key's path: "skapa-en-podd" of digiteket.se/kurs/skapa-en-podd/. */
export function slugOfKey(key: CourseKey): string {
  return key.slice(key.lastIndexOf('/', key.length - 2) + 1, -1);
}

/**
 * The slug an href would have in its key, read from the attribute as written, without resolving
 * it; null where only resolving can tell (dot segments, backslashes, white space).
 */
export function slugOfHref(href: string): string | null {
  const stop = href.search(HREF_END);
  if (stop >= 0 && href[stop] !== '?' && href[stop] !== '#') return null;
  let end = stop >= 0 ? stop : href.length;
  while (end > 0 && href[end - 1] === '/') end -= 1;
  let start = href.lastIndexOf('/', end - 1);
  // A step's link is keyed by its course: the segment before the step's own.
  if (STEP_SEGMENT.test(href.slice(start + 1, end).toLowerCase())) {
    end = start;
    start = href.lastIndexOf('/', end - 1);
  }
  // An escaped slash decodes into two segments; the key keeps the last.
  const slug = slugOfKey(canonicalPath(`/${href.slice(start + 1, end)}`));
  return slug === '' || slug === '.' || slug === '..' ? null : slug;
}

/** Slugs a selector can find however an address writes them: ASCII, compared ASCII-case-blind. */
const PLAIN_SLUG = /^[a-z0-9._~-]+$/;
const MAX_SELECTOR_SLUGS = 24;
/**
 * What lets an address name a slug without its letters standing in it as they are: escapes,
 * a backslash, tab and line breaks (the URL parser drops them) and the Kelvin sign, which NFC
 * turns into a K.
 */
const REWRITTEN = ['a[href*="%"]', 'a[href*="\\\\"]', 'a[href*="\\9 "]', 'a[href*="\\a "]', 'a[href*="\\d "]', 'a[href*="\u212a"]'];
/** The built-in link selector, which the selectors above narrow; a profile's own one gets the loop. */
const PLAIN_LINKS = 'a[href]';

/**
 * The links under `root` whose address can hold one of `slugs`, found by the browser's selector
 * engine instead of a loop over every link; null when a slug is one a selector cannot match.
 */
function linksNaming(root: ParentNode, slugs: ReadonlySet<string>): HTMLAnchorElement[] | null {
  const plain = [...slugs];
  // A long selector list costs more than the loop: about 80 ms for 300 slugs on 1,000 links.
  if (SELECTORS.link !== PLAIN_LINKS || plain.length > MAX_SELECTOR_SLUGS || !plain.every((slug) => PLAIN_SLUG.test(slug))) return null;
  // The tag first: every other element of the page is turned away before its attributes are read.
  const selector = [...plain.map((slug) => `a[href*="${slug}" i]`), ...REWRITTEN].join(',');
  return Array.from(root.querySelectorAll<HTMLAnchorElement>(selector));
}

/**
 * Every link under `root` that points at a course or article (and is in `wanted`, when
 * given), with where its badge goes. Relative links resolve against their own document.
 */
export function itemLinks(root: ParentNode, wanted?: ReadonlySet<CourseKey>): ItemLink[] {
  const found: ItemLink[] = [];
  // On a list of a thousand cards a handful are wanted: comparing the slug as written turns
  // the rest away before the browser is asked for the resolved address.
  const slugs = wanted && new Set(Array.from(wanted, slugOfKey));
  const anchors =
    root instanceof HTMLAnchorElement
      ? [root]
      : ((slugs && linksNaming(root, slugs)) ?? Array.from(root.querySelectorAll<HTMLAnchorElement>(SELECTORS.link)));
  for (const link of anchors) {
    const href = link.getAttribute('href');
    if (!href || !PATTERNS.itemHref.test(href)) continue;
    if (slugs) {
      const slug = slugOfHref(href);
      if (slug !== null && !slugs.has(slug)) continue;
    }
    // The browser has resolved the address against the page already; reading it back is
    // cheaper than parsing it again.
    const key = itemKeyOfResolved(link.href);
    if (!key || (wanted && !wanted.has(key))) continue;
    const title = link.querySelector<HTMLElement>(SELECTORS.cardTitle);
    found.push({ link, key, anchor: title ?? link });
  }
  return found;
}

/** The link's card (its nearest article or list item), so a card gets one badge. */
export function cardOf(link: HTMLElement): Element | null {
  return link.closest(SELECTORS.card);
}

/**
 * Whether the page is headed as the user's completed courses ("Avklarade kurser", "Mina
 * genomförda kurser"): Digiteket has such a page, at an address no public source shows.
 */
export function isCompletedCoursesPage(doc: Document): boolean {
  const heading = doc.querySelector(SELECTORS.mainHeading) ?? doc.querySelector(SELECTORS.anyHeading);
  return PATTERNS.completedCoursesHeading.test(heading?.textContent ?? '');
}

export interface CompletedOnMyPages {
  key: CourseKey;
  title: string;
  completedAt?: string;
}

/**
 * Courses listed as finished on Mina sidor: each entry links to the course and carries a
 * date or a certificate link.
 */
export function completedOnMyPages(doc: Document, base: string): CompletedOnMyPages[] {
  const result = new Map<CourseKey, CompletedOnMyPages>();
  const main = mainContent(doc);
  if (!main) return [];
  for (const entry of main.querySelectorAll(SELECTORS.myPagesEntry)) {
    const certificate = entry.querySelector(SELECTORS.certificateLink);
    const time = entry.querySelector(SELECTORS.completionDate);
    if (!certificate && !time) continue;
    const courseLink = Array.from(entry.querySelectorAll<HTMLAnchorElement>(SELECTORS.link)).find((a) => {
      const href = a.getAttribute('href') ?? '';
      try {
        return isCoursePage(new URL(href, base));
      } catch {
        return false;
      }
    });
    if (!courseLink) continue;
    const key = courseKey(courseLink.getAttribute('href') ?? '', base);
    if (!key || result.has(key)) continue;
    const date = time?.getAttribute('datetime') ?? '';
    result.set(key, {
      key,
      title: courseLink.textContent?.trim() ?? key,
      ...(/^\d{4}-\d{2}-\d{2}/.test(date) ? { completedAt: date } : {}),
    });
  }
  return [...result.values()];
}

export interface SelfAssessmentReading {
  /** The day the test was taken, when the page says it. */
  takenAt?: string;
  /** The highest value of the page's scale. */
  scale: Scale;
  scores: Record<AreaId, number>;
}

function readScore(text: string): number | null {
  const match = /(\d+(?:[.,]\d+)?)/.exec(text);
  if (!match) return null;
  const value = Number((match[1] as string).replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}

/**
 * The page's scale: its meters' `max`, else its text ("3,2 av 5"), else the documented seven
 * points. Undefined when the page speaks of more than one scale or of one not known: a page
 * that changed shape that way saves nothing rather than a misread result.
 */
function scaleOf(main: Element): Scale | undefined {
  const said = new Set<number>();
  for (const meter of main.querySelectorAll(SELECTORS.assessmentMeter)) {
    const max = meter.getAttribute('max');
    if (max !== null && max.trim() !== '') said.add(Number(max));
  }
  if (said.size === 0) for (const m of (main.textContent ?? '').matchAll(new RegExp(PATTERNS.scaleOf.source, 'g'))) said.add(Number(m[1]));
  if (said.size === 0) return DEFAULT_SCALE;
  const [only] = said;
  return said.size === 1 && isScale(only) ? only : undefined;
}

/**
 * The five area scores on the self-assessment result page and its scale, or null when the
 * page does not show all five on one known scale (it changed shape, or is not a result): then
 * nothing is saved. Areas are found by any of their names (the site's, the test's own wording).
 */
export function selfAssessmentResult(doc: Document): SelfAssessmentReading | null {
  const main = mainContent(doc);
  if (!main) return null;
  const scale = scaleOf(main);
  if (scale === undefined) return null;
  const scores: Partial<Record<AreaId, number>> = {};
  for (const entry of main.querySelectorAll(SELECTORS.assessmentRow)) {
    const text = entry.textContent ?? '';
    const area = areaIn(text);
    if (!area || area.id in scores) continue;
    const meter = entry.querySelector(SELECTORS.assessmentMeter);
    const rest = text.normalize('NFC').replace(/\s+/g, ' ').replace(area.name, '');
    const value = meter?.getAttribute('value') ? readScore(meter.getAttribute('value') as string) : readScore(rest);
    if (value === null || !isOnScale(value, scale)) return null;
    scores[area.id] = value;
  }
  if (!AREA_IDS.every((id) => scores[id] !== undefined)) return null;
  const taken = PATTERNS.takenDate.exec(main.textContent ?? '')?.[1];
  return { ...(taken ? { takenAt: taken } : {}), scale, scores: scores as Record<AreaId, number> };
}

export interface CourseFacts {
  /** The course's stated time ("Ungefärlig tid: 45 minuter", "1 timme", "1,5 timmar"). */
  minutes?: number;
  competenceArea?: string;
}

/** A stated time in a short line ("45 minuter", "1,5 timmar"), or undefined. */
function minutesIn(text: string): number | undefined {
  const hours = PATTERNS.hours.exec(text);
  const minutes = PATTERNS.minutes.exec(text);
  if (hours) return Math.round(Number((hours[1] as string).replace(',', '.')) * 60) + (minutes ? Number(minutes[1]) : 0);
  return minutes ? Number(minutes[1]) : undefined;
}

/**
 * What a course card's facts say of its time and competence area. A card's facts are short
 * lines of their own, so an area's name there is the card's area without "Kompetensområde:".
 */
export function cardFacts(card: Element): CourseFacts {
  const facts: CourseFacts = {};
  for (const line of card.querySelectorAll(SELECTORS.cardMeta)) {
    const text = line.textContent ?? '';
    if (text.length >= 300) continue;
    facts.minutes ??= minutesIn(text);
    facts.competenceArea ??= areaIn(text)?.name;
  }
  return facts;
}

/** What a course page says of its time and competence area, where it says it. */
export function courseFacts(doc: Document): CourseFacts {
  const main = mainContent(doc);
  if (!main) return {};
  const facts: CourseFacts = {};
  // Short lines only, and those that speak of time ("Ungefärlig tid: …") before any other.
  const timeLine = PATTERNS.timeLine;
  const meta = [...main.querySelectorAll(SELECTORS.factLine)]
    .map((el) => el.textContent ?? '')
    .filter((text) => text.length < 120)
    .sort((a, b) => Number(timeLine.test(b)) - Number(timeLine.test(a)));
  for (const text of meta) {
    facts.minutes ??= minutesIn(text);
    if (facts.competenceArea === undefined) {
      // Any of the area's names, as the page writes it: the report groups by what was read.
      const area = PATTERNS.areaLine.test(text) ? areaIn(text) : undefined;
      if (area) facts.competenceArea = area.name;
    }
  }
  return facts;
}
