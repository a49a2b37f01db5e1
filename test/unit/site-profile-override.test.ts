import { afterEach, describe, expect, it } from 'vitest';
import { parsePlanText } from '../../lib/model/plan-parse';
import { isMyPages, itemTitle, showsCompletion } from '../../lib/site/digiteket';
import { applyProfile, profileVersion, type SiteProfile } from '../../lib/site/profile';
import { PROFILE_VERSION } from '../../lib/site/selectors';
import { fixturePage, fixturePlan } from '../support/fixtures';

// A plan carries a newer site profile: it is checked like everything in a plan, and once in
// force it changes what the adapter finds on the page, until it is taken away.

const PODD = new URL('https://digiteket.se/kurs/skapa-en-podd/');
const load = (html: string) => new DOMParser().parseFromString(html, 'text/html');

function planWith(profile: unknown) {
  return parsePlanText(JSON.stringify({ ...fixturePlan(), siteAdapter: { profile } }));
}
const reasons = (result: ReturnType<typeof planWith>) => (result.ok ? [] : result.problems.map((p) => `${p.path} ${p.reason}`));

afterEach(() => applyProfile(undefined));

describe('a site profile in a plan', () => {
  it('takes selectors, patterns and paths as text', () => {
    const result = planWith({
      version: PROFILE_VERSION + 1,
      selectors: { main: '#innehall', completionSection: '.kurs-avklarad' },
      patterns: { completionText: 'Grattis, du har klarat kursen', takenDate: '(\\d{4}-\\d{2}-\\d{2})' },
      paths: { myPages: '^/profil/$' },
    });
    expect(reasons(result)).toEqual([]);
  });

  it('refuses markup, script, run-away patterns, unknown names and a completion rule that matches anything', () => {
    const result = planWith({
      version: PROFILE_VERSION + 1,
      selectors: { main: 'main{display:none}', mainHeading: '<img src=x onerror=alert(1)>', completionSection: 'main', canonical: 'a[href' },
      patterns: { completionText: 'a', timeLine: '(a+)+$', hours: '[' },
      paths: { myPages: 'mina-sidor' },
    });
    expect(reasons(result).sort()).toEqual(
      [
        'siteAdapter.profile.selectors.main profileMarkup',
        'siteAdapter.profile.selectors.mainHeading profileMarkup',
        'siteAdapter.profile.selectors.completionSection overrideGeneric',
        'siteAdapter.profile.selectors.canonical profileMarkup',
        'siteAdapter.profile.patterns.completionText overrideTooShort',
        'siteAdapter.profile.patterns.timeLine profilePattern',
        'siteAdapter.profile.patterns.hours profilePattern',
        'siteAdapter.profile.paths.myPages profilePattern',
      ].sort(),
    );
    expect(reasons(planWith({ version: PROFILE_VERSION + 1, script: 'alert(1)' }))).toEqual(['siteAdapter.profile invalid']);
  });

  it('changes what the adapter finds once in force, and gives the built-in profile back', () => {
    const renamed = load(fixturePage('kurs-skapa-en-podd-klar.html').replace('class="course-complete"', 'class="kurs-avklarad"').replace(/id="kursen-klar"/, ''));
    const profile: SiteProfile = { version: PROFILE_VERSION + 1, selectors: { completionSection: '.kurs-avklarad' }, paths: { myPages: '^/profil/$' } };
    const before = showsCompletion(renamed, PODD);
    applyProfile(profile);
    expect(profileVersion()).toBe(PROFILE_VERSION + 1);
    expect(showsCompletion(renamed, PODD)).toBe(true);
    expect(isMyPages(new URL('https://digiteket.se/profil/'))).toBe(true);
    expect(isMyPages(new URL('https://digiteket.se/mina-sidor/'))).toBe(false);
    applyProfile(undefined);
    expect(profileVersion()).toBe(PROFILE_VERSION);
    expect(showsCompletion(renamed, PODD)).toBe(before);
    expect(isMyPages(new URL('https://digiteket.se/mina-sidor/'))).toBe(true);
  });

  it('is ignored when it is not newer than the one built in', () => {
    applyProfile({ version: PROFILE_VERSION, selectors: { articleHeading: 'nav a' } });
    expect(itemTitle(load(fixturePage('kurs-skapa-en-podd.html')))).toBe('Skapa en podd');
    expect(profileVersion()).toBe(PROFILE_VERSION);
  });
});
