// What a plan may teach the site adapter. A plan's `siteAdapter` overrides decide when a course
// counts as done on every colleague's computer, and a plan can come from a folder that every
// member may write: an override such as the text "a" or the selector "div" would mark every
// course page opened as finished. So an override has to be narrow enough that it can only be
// a completion marker:
// - a selector is a plain chain of compounds (tag, #id, .class, [attribute] joined by a space
//   or >): no `*`, no lists, no pseudo-classes (`:not(x)` matches nearly everything), no escapes,
//   and a part of a value (`*=`) looked for only in an address;
// - the element it picks out carries a class, an id or an attribute value, so `body`, `main p`
//   and `a[href]` are refused;
// - a completion text is a phrase: at least two words and ten characters;
// - both name completion: a selector's class, id or attribute value, or a text's words,
//   contain a word that says the course is finished (COMPLETION_WORDS).
// The product cannot read Digiteket's pages when a plan arrives; test/attack/site-overrides
// runs these rules over every class, id, attribute and phrase of the fixture pages of
// unfinished courses and shows that none that passes finds anything there.
// This module imports nothing: the plan schema, the worker and the tests all use it.

/** Why an override is refused; each is a plan problem with its message `problem_<reason>`. */
export const OVERRIDE_FAULTS = [
  'overrideTooShort',
  'overrideNotPhrase',
  'overrideUnsupported',
  'overrideGeneric',
  'overrideNotCompletion',
] as const;
export type OverrideFault = (typeof OVERRIDE_FAULTS)[number];

/** The shortest completion text taken, in characters, whitespace collapsed. */
export const MIN_COMPLETION_TEXT = 10;
/** The fewest words a completion text has. */
export const MIN_COMPLETION_WORDS = 2;
/** The shortest attribute value a substring test (`*=`, `^=`, `$=`, `|=`) may look for. */
const MIN_SUBSTRING_VALUE = 6;
/** The attributes a substring test may look in: addresses, such as a certificate link's. */
const SUBSTRING_ATTRIBUTES: ReadonlySet<string> = new Set(['href', 'src']);

/**
 * Words that say a course is finished, Swedish and English, compared whole and in lower case.
 * "done" is left out on purpose: sites mark a finished *step* with it (`is-done` on the step
 * list of a course in progress), and so do the fixture pages.
 */
export const COMPLETION_WORDS: ReadonlySet<string> = new Set([
  'klar',
  'klart',
  'klarat',
  'avklarad',
  'avklarat',
  'avklarade',
  'genomförd',
  'genomfört',
  'genomförda',
  'slutförd',
  'slutfört',
  'slutförda',
  'fullföljd',
  'fullföljt',
  'färdig',
  'färdigt',
  'kursbevis',
  'kursintyg',
  'intyg',
  'certifikat',
  'diplom',
  'grattis',
  'complete',
  'completed',
  'completion',
  'finished',
  'certificate',
  'congratulations',
]);

function words(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(/\p{L}+/gu) ?? [];
}

function namesCompletion(text: string): boolean {
  return words(text).some((word) => COMPLETION_WORDS.has(word));
}

interface Compound {
  tag?: string;
  /** Class names, ids and attribute values: what the compound is narrowed by. */
  names: string[];
  /** Attributes named without a value (`[href]`): they narrow nothing. */
  bare: number;
}

const IDENT = /^-?[_a-zA-Z\u00a0-\uffff][-_a-zA-Z0-9\u00a0-\uffff]*/;
const ATTRIBUTE = /^\[\s*(-?[_a-zA-Z][-_a-zA-Z0-9]*)\s*(?:([~|^$*]?=)\s*(?:"([^"\\]*)"|'([^'\\]*)'|(-?[_a-zA-Z][-_a-zA-Z0-9]*))\s*)?\]/;

/** The selector as a chain of compounds, or null when it is outside the plain grammar above. */
function compoundsOf(selector: string): Compound[] | null {
  const compounds: Compound[] = [];
  let current: Compound = { names: [], bare: 0 };
  let rest = selector.trim();
  const empty = (c: Compound) => c.tag === undefined && c.names.length === 0 && c.bare === 0;
  while (rest.length > 0) {
    const combinator = /^\s*>\s*|^\s+/.exec(rest);
    if (combinator) {
      if (empty(current)) return null;
      compounds.push(current);
      current = { names: [], bare: 0 };
      rest = rest.slice(combinator[0].length);
      continue;
    }
    const first = rest[0];
    if (first === '.' || first === '#') {
      const ident = IDENT.exec(rest.slice(1));
      if (!ident) return null;
      current.names.push(ident[0]);
      rest = rest.slice(1 + ident[0].length);
      continue;
    }
    if (first === '[') {
      const attribute = ATTRIBUTE.exec(rest);
      if (!attribute) return null;
      const [, name, operator, double, single, bareValue] = attribute;
      const value = double ?? single ?? bareValue;
      if (operator === undefined || value === undefined) current.bare += 1;
      else if (operator === '=' || operator === '~=') current.names.push(value);
      // A part of a class name can be a part of another word ("complete" in "incomplete"):
      // only addresses are searched for a part, and for a long enough one.
      else if (SUBSTRING_ATTRIBUTES.has(name!.toLowerCase()) && value.length >= MIN_SUBSTRING_VALUE) current.names.push(value);
      else return null;
      rest = rest.slice(attribute[0].length);
      continue;
    }
    const tag = empty(current) ? IDENT.exec(rest) : null;
    if (!tag) return null; // `*`, `,`, `:`, `+`, `~`, `\` and anything else
    current.tag = tag[0].toLowerCase();
    rest = rest.slice(tag[0].length);
  }
  if (empty(current)) return null;
  compounds.push(current);
  return compounds;
}

/** Why a completion selector from a plan is refused, or null when it may be used. */
export function completionSelectorFault(selector: string): OverrideFault | null {
  // `*` outside an attribute test is the universal selector: it matches any element.
  if (selector.replace(/\[[^\]]*\]/g, '').includes('*')) return 'overrideGeneric';
  const compounds = compoundsOf(selector);
  if (!compounds) return 'overrideUnsupported';
  const subject = compounds[compounds.length - 1]!;
  if (subject.names.length === 0) return 'overrideGeneric';
  if (!compounds.some((c) => c.names.some(namesCompletion))) return 'overrideNotCompletion';
  return null;
}

/** Why a completion text from a plan is refused, or null when it may be used. */
export function completionTextFault(text: string): OverrideFault | null {
  const collapsed = text.trim().replace(/\s+/g, ' ');
  if (collapsed.length < MIN_COMPLETION_TEXT) return 'overrideTooShort';
  if (words(collapsed).length < MIN_COMPLETION_WORDS) return 'overrideNotPhrase';
  if (!namesCompletion(collapsed)) return 'overrideNotCompletion';
  return null;
}

interface Overrides {
  completionSelectors?: string[] | undefined;
  completionTexts?: string[] | undefined;
}

/**
 * Only the overrides these rules accept. A plan stored before the rules existed is read
 * through this, so what it taught the adapter can no longer mark every page as done.
 */
export function acceptedOverrides<T extends Overrides>(overrides: T | undefined): T | undefined {
  if (!overrides) return undefined;
  const completionSelectors = overrides.completionSelectors?.filter((s) => completionSelectorFault(s) === null);
  const completionTexts = overrides.completionTexts?.filter((s) => completionTextFault(s) === null);
  if (!completionSelectors?.length && !completionTexts?.length) return undefined;
  return {
    ...overrides,
    ...(completionSelectors ? { completionSelectors } : {}),
    ...(completionTexts ? { completionTexts } : {}),
  };
}
