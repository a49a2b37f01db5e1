import { courseKey, urlOfKey, type CourseKey } from '../site/course-key';
import { isArticlePage, isCoursePage } from '../site/digiteket';
import { isDigiteketHost } from '../site/hosts';
import type { DraftItem } from './draft';

// A pasted list of addresses, one per line, checked one by one: each becomes a plan item or a
// reason it cannot be one.

export type PasteRefusal = 'notAddress' | 'unsafe' | 'notDigiteket' | 'notItem' | 'repeated';

export type PastedLine =
  | { line: string; ok: true; key: CourseKey; item: DraftItem }
  | { line: string; ok: false; reason: PasteRefusal };

/** "skapa-en-podd" → "Skapa en podd": a stand-in until the page's own title is known. */
export function titleFromSlug(key: CourseKey): string {
  const slug = key.split('/').filter(Boolean).at(-1) ?? key;
  const words = slug.replace(/-+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function checkLine(line: string): { ok: true; url: URL } | { ok: false; reason: PasteRefusal } {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(line) ? line : `https://${line}`);
  } catch {
    return { ok: false, reason: 'notAddress' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'unsafe' };
  if (!isDigiteketHost(url.hostname)) return { ok: false, reason: 'notDigiteket' };
  if (!isCoursePage(url) && !isArticlePage(url)) return { ok: false, reason: 'notItem' };
  return { ok: true, url };
}

export function parsePastedUrls(text: string): PastedLine[] {
  const seen = new Set<CourseKey>();
  return text
    .split(/\r?\n/)
    .map((raw) => raw.trim())
    .filter((line) => line !== '')
    .map((line): PastedLine => {
      const checked = checkLine(line);
      if (!checked.ok) return { line, ok: false, reason: checked.reason };
      const key = courseKey(checked.url.href) as CourseKey;
      if (seen.has(key)) return { line, ok: false, reason: 'repeated' };
      seen.add(key);
      return {
        line,
        ok: true,
        key,
        item: {
          url: urlOfKey(key),
          title: titleFromSlug(key),
          kind: isCoursePage(checked.url) ? 'course' : 'article',
          optional: false,
        },
      };
    });
}
