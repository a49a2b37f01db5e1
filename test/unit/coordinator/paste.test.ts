import { describe, expect, it } from 'vitest';
import { parsePastedUrls, titleFromSlug } from '../../../lib/coordinator/paste';

describe('pasted course addresses', () => {
  it('checks each line and explains the ones it refuses', () => {
    const lines = parsePastedUrls(
      [
        'https://digiteket.se/kurs/skapa-en-podd/',
        '  www.digiteket.se/kurs/filma-med-mobilen?utm_source=mejl  ',
        '',
        'https://digiteket.se/inspirationsartikel/ostersundsmodellen',
        'https://digiteket.se/kurs/Skapa-en-podd',
        'javascript:alert(1)',
        'https://example.com/kurs/skapa-en-podd/',
        'https://digiteket.se/kurser/',
        'inte en adress alls',
      ].join('\r\n'),
    );
    expect(lines.map((l) => (l.ok ? `${l.item.kind} ${l.item.url}` : `${l.line} → ${l.reason}`))).toEqual([
      'course https://digiteket.se/kurs/skapa-en-podd/',
      'course https://digiteket.se/kurs/filma-med-mobilen/',
      'article https://digiteket.se/inspirationsartikel/ostersundsmodellen/',
      'https://digiteket.se/kurs/Skapa-en-podd → repeated',
      'javascript:alert(1) → unsafe',
      'https://example.com/kurs/skapa-en-podd/ → notDigiteket',
      'https://digiteket.se/kurser/ → notItem',
      'inte en adress alls → notAddress',
    ]);
  });

  it('gives a readable stand-in title until the page is read', () => {
    expect(titleFromSlug('digiteket.se/kurs/upphovsratt-och-creative-commons/')).toBe('Upphovsratt och creative commons');
    expect(titleFromSlug('digiteket.se/kurs/källkritik/')).toBe('Källkritik');
  });
});
