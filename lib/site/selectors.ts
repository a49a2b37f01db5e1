// Every CSS selector and text pattern Kurskompis reads Digiteket's pages with, as data. The
// markup is not documented and will change (see SITE.md), so each rule says why it exists and
// what it finds in the fixture pages; test/unit/site-profile.test.ts counts every example, so a
// changed rule, or a fixture that no longer has what a rule relies on, shows at once.
// URL shapes are not here: the detectors in digiteket.ts carry their own example URLs.

/**
 * The version of the site profile built into this release: the selectors, text patterns and
 * addresses below. A plan may carry a newer one (lib/site/profile.ts), which then wins.
 */
export const PROFILE_VERSION = 1;

/** The selectors, as the adapter uses them. Counted as `document.querySelectorAll(selector).length`. */
export const SELECTORS = {
  main: 'main',
  articleHeading: 'article h1',
  mainHeading: 'main h1',
  anyHeading: 'h1',
  ogTitle: 'meta[property="og:title"]',
  completionSection: '.course-complete',
  completionAnchor: '#kursen-klar',
  certificateLink: 'a[href*="kursbevis"]',
  link: 'a[href]',
  card: 'article, li, .course-card',
  cardTitle: 'h2, h3, h4, .course-card__title',
  cardMeta: '.course-card__meta',
  myPagesEntry: 'li',
  completionDate: 'time[datetime]',
  assessmentRow: 'li, tr',
  assessmentMeter: 'meter, progress',
  factLine: 'li, p, dd, span',
  skipLink: 'a[href^="#"]',
  canonical: 'link[rel="canonical"][href]',
  breadcrumbLink: '.breadcrumbs a[href], .breadcrumb a[href], nav[aria-label="Brödsmulor"] a[href]',
};
export type SelectorName = keyof typeof SELECTORS;

/**
 * Addresses of pages no public source shows (SITE.md): lists, Mina sidor, the result page, the
 * certificate. Regular expressions over the canonical path (lower case, one trailing slash), so
 * a team can follow the site when it moves one. Course, step and article addresses are seen on
 * the real site and stay in code (digiteket.ts).
 */
export const PATHS = {
  courseList: '^/kurser/(page/\\d+/)?$',
  competenceAreaPage: '^/kompetensomrade/[^/]+/(page/\\d+/)?$',
  myPages: '^/mina-sidor/$',
  selfAssessmentResult: '^/sjalvskattningstest/resultat/$',
  certificate: '^/kursbevis/[^/]+/$',
};
export type PathName = keyof typeof PATHS;

/** The text patterns, as the adapter uses them; none has the `g` flag. */
export const PATTERNS = {
  titleSuffix: /\s+[–-]\s+Digiteket\s*$/,
  completionText: /Du har (?:genomfört|slutfört) kursen/,
  itemHref: /kurs|inspirationsartikel/i,
  timeLine: /\btid\b/i,
  hours: /(\d+(?:[.,]\d+)?)\s*timm(?:e|ar)/i,
  minutes: /(\d+)\s*min(?:uter|\.)?\b/i,
  areaLine: /kompetensområde/i,
  takenDate: /(\d{4}-\d{2}-\d{2})/,
  scaleOf: /\bav\s+(\d+)\b/,
  courseMenuSkip: /^\s*Gå direkt till kursmenyn\s*$/i,
  completedCoursesHeading: /\b(?:avklarade|genomförda|slutförda|klara) kurser/i,
};
export type PatternName = keyof typeof PATTERNS;

/**
 * How much a rule finds in a page of the shared fixtures (fixtures/digiteket/), or, for a case
 * no fixture page shows, in a snippet of HTML.
 */
export type Example = { fixture: string; count: number } | { html: string; count: number };

/**
 * Where a pattern is counted: the document's title, the text of its main content, or the
 * links whose href, as written, matches.
 */
export type PatternSource = 'title' | 'text' | 'href' | 'linkText';

// Why each rule exists and what it finds: beside the rules, but in exports of their own that
// only the tests read, so the content script carries the selectors and not their examples.

export const SELECTOR_EXAMPLES: { readonly [K in keyof typeof SELECTORS]: { why: string; examples: Example[] } } = {
  main: {
    why: 'the page content without header, menus and footer; completion and results are read only there',
    examples: [{ fixture: 'kurs-skapa-en-podd.html', count: 1 }, { fixture: 'mina-sidor.html', count: 1 }],
  },
  articleHeading: {
    why: 'a course\'s or article\'s own heading, preferred over any other h1',
    examples: [{ fixture: 'kurs-skapa-en-podd.html', count: 1 }, { fixture: 'inspirationsartikel-ostersundsmodellen.html', count: 1 }],
  },
  mainHeading: {
    why: 'the heading of a list or Mina sidor, where the collecting bar and import bar go',
    examples: [{ fixture: 'kurser.html', count: 1 }, { fixture: 'mina-sidor.html', count: 1 }],
  },
  anyHeading: {
    why: 'the last resort for a heading when the page has no main or article',
    examples: [{ fixture: 'start.html', count: 1 }, { fixture: 'kurs-kallkritik-pa-natet.html', count: 1 }],
  },
  ogTitle: {
    why: 'the title when the page shows no heading',
    examples: [{ fixture: 'kurs-skapa-en-podd.html', count: 1 }],
  },
  completionSection: {
    why: 'the section shown after the last step of a finished course (invented in the fixtures, see SITE.md)',
    examples: [{ fixture: 'kurs-skapa-en-podd-klar.html', count: 1 }, { fixture: 'kurs-skapa-en-podd.html', count: 0 }],
  },
  completionAnchor: {
    why: 'the same section by its id, in case only one of the two names survives a redesign',
    examples: [{ fixture: 'kurs-skapa-en-podd-klar.html', count: 1 }, { fixture: 'kurs-skapa-en-podd.html', count: 0 }],
  },
  certificateLink: {
    why: 'a link to a course certificate: a finished course on its page, a finished entry on Mina sidor',
    examples: [{ fixture: 'kurs-skapa-en-podd-klar.html', count: 1 }, { fixture: 'kurs-skapa-en-podd.html', count: 0 }, { fixture: 'mina-sidor.html', count: 3 }],
  },
  link: {
    why: 'every link, scanned for courses and articles to badge or collect',
    examples: [{ fixture: 'kurser.html', count: 32 }],
  },
  card: {
    why: 'a link\'s card (nearest such ancestor), so a card with several links gets one badge and one tick box',
    examples: [{ fixture: 'kurser.html', count: 103 }],
  },
  cardTitle: {
    why: 'the title inside a card\'s link, where its badge goes',
    examples: [{ fixture: 'kurser.html', count: 27 }],
  },
  cardMeta: {
    why: 'the short facts under a card (area, level, time), read for the catalogue in coordinator mode',
    examples: [{ fixture: 'kurser.html', count: 24 }, { fixture: 'kurs-skapa-en-podd.html', count: 0 }],
  },
  myPagesEntry: {
    why: 'an entry on Mina sidor; a finished one carries a date or a certificate link',
    examples: [{ fixture: 'mina-sidor.html', count: 9 }],
  },
  completionDate: {
    why: 'the day an entry on Mina sidor was finished',
    examples: [{ fixture: 'mina-sidor.html', count: 3 }],
  },
  assessmentRow: {
    why: 'a row of the self-assessment result, naming an area and its score',
    examples: [{ fixture: 'sjalvskattningstest-resultat.html', count: 10 }],
  },
  assessmentMeter: {
    why: 'a score shown as a bar: its value attribute is read before the row\'s text',
    examples: [{ fixture: 'sjalvskattningstest-resultat.html', count: 5 }],
  },
  factLine: {
    why: 'short lines of a course page that may state its time or competence area',
    examples: [{ fixture: 'kurs-skapa-en-podd.html', count: 17 }],
  },
  skipLink: {
    why: 'a link within the page; the skip links every course page opens with are among them',
    examples: [{ fixture: 'kurs-kaninhalet.html', count: 2 }, { fixture: 'kurs-kaninhalet-steg-1.html', count: 2 }],
  },
  canonical: {
    why: 'the page\'s own address: keys a short link (/?p=…) and a course page at an address no detector knows',
    examples: [{ fixture: 'kurs-kaninhalet.html', count: 1 }, { fixture: 'kurs-skapa-en-podd.html', count: 1 }],
  },
  breadcrumbLink: {
    why: 'the trail above a page, naming the course when the canonical link does not',
    examples: [{ fixture: 'kurs-skapa-en-podd.html', count: 2 }, { fixture: 'kurs-kaninhalet.html', count: 0 }],
  },
};

export const PATTERN_EXAMPLES: { readonly [K in keyof typeof PATTERNS]: { in: PatternSource; why: string; examples: Example[] } } = {
  titleSuffix: {
    in: 'title',
    why: 'the site\'s name after a page\'s title, cut off when the title is read from <title>',
    examples: [{ fixture: 'kurs-skapa-en-podd.html', count: 1 }, { fixture: 'start.html', count: 1 }],
  },
  completionText: {
    in: 'text',
    why: 'a sentence saying the course is finished (no wording was seen on the real site; a plan can add more)',
    examples: [{ fixture: 'kurs-skapa-en-podd-klar.html', count: 1 }, { fixture: 'kurs-skapa-en-podd.html', count: 0 }],
  },
  itemHref: {
    in: 'href',
    why: 'a cheap first look at a link: only these can point at a course or article',
    examples: [{ fixture: 'kurser.html', count: 27 }],
  },
  timeLine: {
    in: 'text',
    why: 'a line about time ("Ungefärlig tid: 45 minuter") is read for the stated time before any other',
    examples: [{ fixture: 'kurs-skapa-en-podd.html', count: 1 }],
  },
  hours: {
    in: 'text',
    why: 'a stated time in hours ("1 timme", "1,5 timmar")',
    examples: [{ fixture: 'kurs-skapa-en-podd.html', count: 0 }, { html: '<main><ul><li>Ungefärlig tid: 1,5 timmar</li><li>Längd: 1 timme</li></ul></main>', count: 2 }],
  },
  minutes: {
    in: 'text',
    why: 'a stated time in minutes ("45 minuter", "30 min.")',
    examples: [{ fixture: 'kurs-skapa-en-podd.html', count: 1 }],
  },
  areaLine: {
    in: 'text',
    why: 'the line naming the competence area; an area name elsewhere in the text is not one',
    examples: [{ fixture: 'kurs-skapa-en-podd.html', count: 1 }],
  },
  takenDate: {
    in: 'text',
    why: 'the day the self-assessment was taken, the first date on its result page',
    examples: [{ fixture: 'sjalvskattningstest-resultat.html', count: 1 }],
  },
  scaleOf: {
    in: 'text',
    why: 'the self-assessment\'s scale where its result page states it ("3,2 av 5"), read when no meter gives its max',
    examples: [{ fixture: 'sjalvskattningstest-resultat.html', count: 5 }, { html: '<main><p>Säkerhet 5,5 av 7</p></main>', count: 1 }],
  },
  completedCoursesHeading: {
    in: 'text',
    why: 'the heading of the page listing the courses a user finished (CoursesCompleted on the site, address unknown): Mina sidor import runs there too',
    examples: [
      { html: '<main><h1>Avklarade kurser</h1><ul><li><a href="/kurs/skapa-en-podd/">Skapa en podd</a></li></ul></main>', count: 1 },
      { html: '<main><h1>Mina genomförda kurser</h1></main>', count: 1 },
      { fixture: 'kurser.html', count: 0 },
    ],
  },
  courseMenuSkip: {
    in: 'linkText',
    why: 'the skip link every course page (landing and steps) opens with, and no article: the firmest in-page sign of a course (SITE.md)',
    examples: [
      { fixture: 'kurs-kaninhalet.html', count: 1 },
      { fixture: 'kurs-kaninhalet-steg-2.html', count: 1 },
      { fixture: 'inspirationsartikel-ostersundsmodellen.html', count: 0 },
    ],
  },
};
