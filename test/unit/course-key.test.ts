import { describe, expect, it } from 'vitest';
import { canonicalPath, courseKey } from '../../lib/site/course-key';
import { itemKeyOfHref, itemKeyOfResolved } from '../../lib/site/digiteket';

describe('courseKey', () => {
  const podd = 'digiteket.se/kurs/skapa-en-podd/';
  it.each([
    ['https://digiteket.se/kurs/skapa-en-podd/'],
    ['https://www.digiteket.se/kurs/skapa-en-podd/'],
    ['https://WWW.Digiteket.SE/kurs/skapa-en-podd/'],
    ['https://digiteket.se/kurs/skapa-en-podd'],
    ['https://digiteket.se/kurs/skapa-en-podd/?utm_source=nyhetsbrev&utm_medium=e-post'],
    ['https://digiteket.se/kurs/skapa-en-podd/#steg-3'],
    ['https://digiteket.se/KURS/Skapa-En-Podd/'],
    ['http://digiteket.se/kurs/skapa-en-podd/'],
    ['https://digiteket.se//kurs//skapa-en-podd//'],
  ])('maps %s to the same key', (url) => {
    expect(courseKey(url)).toBe(podd);
  });

  it('resolves relative links against the page', () => {
    expect(courseKey('/kurs/skapa-en-podd', 'https://www.digiteket.se/kurser/')).toBe(podd);
    expect(courseKey('../kurs/skapa-en-podd/', 'https://digiteket.se/kurser/')).toBe(podd);
  });

  it('decodes percent-encoded å, ä and ö and normalises them', () => {
    const key = 'digiteket.se/kurs/källkritik-på-nätet-för-öppna-källor/';
    expect(courseKey('https://digiteket.se/kurs/k%C3%A4llkritik-p%C3%A5-n%C3%A4tet-f%C3%B6r-%C3%B6ppna-k%C3%A4llor/')).toBe(key);
    expect(courseKey('https://digiteket.se/kurs/k%C3%84llkritik-p%C3%85-n%C3%84tet-f%C3%96r-%C3%96ppna-k%C3%84llor')).toBe(key);
    // "ä" written as a + combining diaeresis (NFD) is the same key.
    expect(courseKey('https://digiteket.se/kurs/ka\u0308llkritik-pa\u030a-na\u0308tet-fo\u0308r-o\u0308ppna-ka\u0308llor/')).toBe(key);
  });

  it('tells courses apart', () => {
    expect(courseKey('https://digiteket.se/kurs/skapa-en-podd-2/')).not.toBe(podd);
  });

  it.each([
    ['javascript:alert(1)'],
    ['mailto:info@digiteket.se'],
    ['https://example.com/kurs/skapa-en-podd/'],
    ['https://digiteket.se.evil.example/kurs/skapa-en-podd/'],
    ['not a url'],
  ])('refuses %s', (url) => {
    expect(courseKey(url)).toBeNull();
  });
});

describe('the fast path for links the browser has resolved', () => {
  it.each([
    ['https://digiteket.se/kurs/skapa-en-podd/'],
    ['https://www.digiteket.se/kurs/filma-med-mobilen/?utm_source=nyhetsbrev'],
    ['https://WWW.DIGITEKET.SE/KURS/Skapa-En-Podd#steg-2'],
    ['https://digiteket.se:443/kurs/skapa-en-podd'],
    ['https://digiteket.se/kurs/k%C3%A4llkritik-p%C3%A5-n%C3%A4tet/'],
    ['https://digiteket.se/kurs/k%E4llkritik/'],
    ['https://digiteket.se//inspirationsartikel//ostersundsmodellen'],
    ['https://digiteket.se/kurs/'],
    ['https://digiteket.se/kurs/skapa-en-podd/steg-2/'],
    ['https://digiteket.se/kurser/'],
    ['https://digiteket.se.example.com/kurs/skapa-en-podd/'],
    ['https://example.com/kurs/skapa-en-podd/'],
    ['http://digiteket.se/kurs/skapa-en-podd/'],
  ])('agrees with the full parse for %s', (url) => {
    expect(itemKeyOfResolved(url)).toBe(itemKeyOfHref(url, 'https://digiteket.se/'));
  });
});

describe('canonicalPath', () => {
  // Plain paths take a shortcut; escaped, non-ASCII and doubled-slash paths the full route.
  it.each([
    ['', '/'],
    ['/', '/'],
    ['/kurs/skapa-en-podd/', '/kurs/skapa-en-podd/'],
    ['/KURS/Skapa-En-Podd', '/kurs/skapa-en-podd/'],
    ['/kurs/v1.2_(del~3)/', '/kurs/v1.2_(del~3)/'],
    ['//kurs///skapa-en-podd//', '/kurs/skapa-en-podd/'],
    ['/kurs/%53kapa/', '/kurs/skapa/'],
    ['/kurs/k%C3%84llkritik', '/kurs/källkritik/'],
    ['/kurs/KÄLLKRITIK/', '/kurs/källkritik/'],
    ['/kurs/ka\u0308llkritik/', '/kurs/källkritik/'],
    ['/kurs/100%/', '/kurs/100%/'],
    ['/kurs/a b/', '/kurs/a b/'],
  ])('%j → %j', (path, expected) => {
    expect(canonicalPath(path)).toBe(expected);
  });
});
