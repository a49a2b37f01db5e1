import { describe, expect, it } from 'vitest';
import { completedOnMyPages, isCompletedCoursesPage, itemLinks, itemTitle, showsCompletion, slugOfHref, slugOfKey } from '../../lib/site/digiteket';
import { fixturePage } from '../support/fixtures';

function load(file: string): Document {
  return new DOMParser().parseFromString(fixturePage(file), 'text/html');
}

const PODD = new URL('https://digiteket.se/kurs/skapa-en-podd/');

describe('reading Digiteket pages', () => {
  it('sees a finished course only after the last step', () => {
    expect(showsCompletion(load('kurs-skapa-en-podd.html'), PODD)).toBe(false);
    expect(showsCompletion(load('kurs-skapa-en-podd-klar.html'), PODD)).toBe(true);
  });

  it('needs the certificate of this course, not any certificate', () => {
    const doc = load('kurs-skapa-en-podd.html');
    doc.querySelector('.entry-content')!.insertAdjacentHTML('beforeend', '<a href="/kursbevis/starka-losenord/">Kursbevis</a>');
    expect(showsCompletion(doc, PODD)).toBe(false);
    doc.querySelector('.entry-content')!.insertAdjacentHTML('beforeend', '<a href="https://www.digiteket.se/kursbevis/skapa-en-podd/">Kursbevis</a>');
    expect(showsCompletion(doc, PODD)).toBe(true);
  });

  it('follows a plan override when the site renames its completion section', () => {
    const doc = load('kurs-skapa-en-podd-klar.html');
    const section = doc.querySelector('.course-complete')!;
    section.outerHTML = '<div class="finished-box"><p>Snyggt jobbat!</p></div>';
    expect(showsCompletion(doc, PODD)).toBe(false);
    expect(showsCompletion(doc, PODD, { completionSelectors: ['.finished-box'] })).toBe(true);
    expect(showsCompletion(doc, PODD, { completionTexts: ['Snyggt jobbat'] })).toBe(true);
    expect(showsCompletion(doc, PODD, { completionSelectors: ['[[not a selector'] })).toBe(false);
  });

  it('reads the title from the heading', () => {
    expect(itemTitle(load('kurs-kallkritik-pa-natet.html'))).toBe('Källkritik på nätet');
  });

  it('finds every course card on the course list, whatever shape its link has', () => {
    const links = itemLinks(load('kurser.html'));
    const keys = new Set(links.map((l) => l.key));
    expect(keys.size).toBe(26); // 24 courses and 2 articles
    expect(keys).toContain('digiteket.se/kurs/filma-med-mobilen/');
    expect(keys).toContain('digiteket.se/kurs/upphovsratt-och-creative-commons/');
    // The badge goes by the card's title.
    const podd = links.find((l) => l.key === 'digiteket.se/kurs/skapa-en-podd/')!;
    expect(podd.anchor.className).toBe('course-card__title');
  });

  it('finds the same wanted links by slug as by resolving every address', () => {
    const doc = load('kurser.html');
    doc.body.insertAdjacentHTML(
      'beforeend',
      [
        'https://WWW.DIGITEKET.SE/KURS/Skapa-En-Podd?utm_source=x#steg',
        '../kurs/skapa-en-podd//',
        'https://digiteket.se/kurs/skapa-en-podd/.',
        'https://digiteket.se/kurs\\skapa-en-podd\\',
        'https://digiteket.se/kurs/k%C3%84llkritik-p%C3%A5-n%C3%A4tet/',
        'https://digiteket.se/kurs/ka\u0308llkritik-pa\u030atet/',
        'https://digiteket.se/kurs/skapa%2Den%2Dpodd/',
        'https://digiteket.se/kurs%2Fskapa-en-podd/',
        'https://digiteket.se/kurs/skapa-en-podd/steg/%2e%2E/',
        'https://digiteket.se/kurs/skapa-en-podd-2/',
        'https://digiteket.se/kurs/skapa-en-podd/steg-2/',
        'https://digiteket.se/kurs/skapa-en-podd/mikrofonen-3.66d6b462575cc5.95724959',
        '/kurs/Skapa-En-Podd/Mikrofonen-3.66D6B462575CC5.95724959/?svar=1',
        'https://digiteket.se/kurs/skapa-en-podd-2/mikrofonen-3.66d6b462575cc5.95724959/',
        'https://example.com/kurs/skapa-en-podd/',
      ]
        .map((href) => `<a href="${href}">x</a>`)
        .join(''),
    );
    const wanted = new Set(['digiteket.se/kurs/skapa-en-podd/', 'digiteket.se/kurs/källkritik-på-nätet/', 'digiteket.se/kurs/källkritik-påtet/', 'digiteket.se/kurs/filma-med-mobilen/']);
    const bySlug = itemLinks(doc, wanted);
    const byResolving = itemLinks(doc).filter((l) => wanted.has(l.key));
    expect(bySlug.map((l) => l.link)).toEqual(byResolving.map((l) => l.link));
    expect(new Set(bySlug.map((l) => l.key))).toEqual(wanted);
    expect(bySlug.length).toBeGreaterThan(8);
  });

  it('asks the selector engine for wanted plain slugs and still finds every way of writing them', () => {
    const doc = load('kurser.html');
    const hrefs = [
      'https://WWW.DIGITEKET.SE/KURS/Skapa-En-Podd?utm_source=x#steg',
      'https://digiteket.se/kurs\\skapa-en-podd\\',
      'https://digiteket.se/kurs/skapa%2Den%2Dpodd/',
      '/kurs/skapa-en-\tpo\ndd/',
      '/kurs/upphovsratt-och-creative-commons/',
      '/kurs/s\u212Aapa-en-podd/',
      '/kurs/Skapa-En-Podd/Mikrofonen-3.66D6B462575CC5.95724959/?svar=1',
      'https://example.com/kurs/skapa-en-podd/',
    ];
    for (const href of hrefs) {
      const a = doc.createElement('a');
      a.setAttribute('href', href);
      a.textContent = 'x';
      doc.body.append(a);
    }
    const wanted = new Set(['digiteket.se/kurs/skapa-en-podd/', 'digiteket.se/kurs/upphovsratt-och-creative-commons/', 'digiteket.se/kurs/filma-med-mobilen/']);
    const bySelector = itemLinks(doc, wanted);
    const byResolving = itemLinks(doc).filter((l) => wanted.has(l.key));
    expect(bySelector.map((l) => l.link)).toEqual(byResolving.map((l) => l.link));
    const added = bySelector.filter((l) => l.link.textContent === 'x').map((l) => l.link.getAttribute('href'));
    expect(added).toEqual(hrefs.slice(0, -1));
    // A member with many courses done: too many slugs for one selector, every link is looked at.
    const many = new Set([...wanted, ...Array.from({ length: 40 }, (_, i) => `digiteket.se/kurs/klar-${i}/`)]);
    expect(itemLinks(doc, many).map((l) => l.link)).toEqual(itemLinks(doc).filter((l) => many.has(l.key)).map((l) => l.link));
  });

  it('reads slugs from keys and from hrefs as written', () => {
    expect(slugOfKey('digiteket.se/kurs/skapa-en-podd/')).toBe('skapa-en-podd');
    expect(slugOfHref('/kurs/Skapa-En-Podd')).toBe('skapa-en-podd');
    expect(slugOfHref('/kurs/skapa-en-podd//?a=b/c#d/e')).toBe('skapa-en-podd');
    expect(slugOfHref('/kurs/k%C3%A4llkritik/')).toBe('källkritik');
    expect(slugOfHref('/kurs/x/.')).toBeNull();
    expect(slugOfHref('/kurs/x/%2E%2e')).toBeNull();
    expect(slugOfHref('/kurs%2Fx')).toBe('x');
    expect(slugOfHref('/kurs\\x')).toBeNull();
    expect(slugOfHref(' /kurs/x')).toBeNull();
    // A step's link is its course's.
    expect(slugOfHref('/kurs/skapa-en-podd/mikrofonen-3.66d6b462575cc5.95724959/')).toBe('skapa-en-podd');
    expect(slugOfHref('/kurs/skapa-en-podd/steg-2/')).toBe('steg-2');
  });

  it('badges a link to a step of a course as the course', () => {
    const doc = new DOMParser().parseFromString(
      '<main><a href="/kurs/skapa-en-podd/mikrofonen-3.66d6b462575cc5.95724959">Mikrofonen</a><a href="/kurs/skapa-en-podd/steg-2/">Steg 2</a></main>',
      'text/html',
    );
    const base = doc.createElement('base');
    base.href = 'https://digiteket.se/';
    doc.head.append(base);
    expect(itemLinks(doc).map((l) => [l.link.textContent, l.key])).toEqual([['Mikrofonen', 'digiteket.se/kurs/skapa-en-podd/']]);
  });

  it('lists the courses on Mina sidor with their dates', () => {
    expect(completedOnMyPages(load('mina-sidor.html'), 'https://digiteket.se/mina-sidor/')).toEqual([
      { key: 'digiteket.se/kurs/kallkritik-pa-natet/', title: 'Källkritik på nätet', completedAt: '2026-09-14' },
      { key: 'digiteket.se/kurs/starka-losenord/', title: 'Starka lösenord', completedAt: '2026-09-20' },
      { key: 'digiteket.se/kurs/skapa-en-podd/', title: 'Skapa en podd', completedAt: '2026-10-03' },
    ]);
  });

  it('knows the completed-courses page by its heading, at whatever address the site keeps it', () => {
    const doc = new DOMParser().parseFromString(
      '<main><h1>Avklarade kurser</h1><ul><li><a href="/kurs/skapa-en-podd/">Skapa en podd</a> <time datetime="2026-10-03">3 okt</time></li></ul></main>',
      'text/html',
    );
    expect(isCompletedCoursesPage(doc)).toBe(true);
    expect(completedOnMyPages(doc, 'https://digiteket.se/profil/avklarade/')).toEqual([
      { key: 'digiteket.se/kurs/skapa-en-podd/', title: 'Skapa en podd', completedAt: '2026-10-03' },
    ]);
    expect(isCompletedCoursesPage(load('kurser.html'))).toBe(false);
    expect(isCompletedCoursesPage(load('kurs-skapa-en-podd.html'))).toBe(false);
  });

  it('finds nothing to import on a page of another shape', () => {
    expect(completedOnMyPages(load('kurser.html'), 'https://digiteket.se/kurser/')).toEqual([]);
  });
});
