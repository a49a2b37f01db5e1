import { describe, expect, it } from 'vitest';
import { pageItem, pageItemTitle } from '../../lib/site/page-item';
import { readPageReport } from '../../lib/site/page-report';
import { fixturePage } from '../support/fixtures';

const COURSE = 'digiteket.se/kurs/ner-i-kaninhalet-starta-din-egen-studiecirkel-om-ai/';
const COURSE_TITLE = 'Ner i kaninhålet – starta din egen studiecirkel om AI';
const STEP_1 = `https://${COURSE}en-studiecirkel-blir-till-17992.66d6b462575cc5.95724959/`;
const STEP_2 = `https://${COURSE}att-leda-samtalet-17993.66d6b4626c1a43.10482215`;

function load(file: string, edit?: (html: string) => string): Document {
  const html = fixturePage(file);
  return new DOMParser().parseFromString(edit ? edit(html) : html, 'text/html');
}

describe('which course a page belongs to', () => {
  it('keys a step by its course, from the address alone, with or without the trailing slash', () => {
    expect(pageItem(new URL(STEP_1))).toEqual({ key: COURSE, via: 'step' });
    expect(pageItem(new URL(STEP_2))).toEqual({ key: COURSE, via: 'step' });
    expect(pageItem(new URL(`https://${COURSE}`))).toEqual({ key: COURSE, via: 'landing' });
  });

  it('reads the course title on a step from the course menu, not the step heading', () => {
    const doc = load('kurs-kaninhalet-steg-1.html');
    expect(doc.querySelector('h1')?.textContent).toBe('En studiecirkel blir till');
    const item = pageItem(new URL(STEP_1), doc)!;
    expect(pageItemTitle(doc, item, STEP_1)).toBe(COURSE_TITLE);
  });

  it('falls back to the plan title, then the heading, when a step shows no link to its course', () => {
    const doc = load('kurs-kaninhalet-steg-2.html', (html) => html.replace(/<p class="kursmeny__kurs">.*?<\/p>/s, ''));
    const item = pageItem(new URL(STEP_2), doc)!;
    expect(pageItemTitle(doc, item, STEP_2, 'Ner i kaninhålet')).toBe('Ner i kaninhålet');
    expect(pageItemTitle(doc, item, STEP_2)).toBe('Att leda samtalet');
  });

  it('keys a short link (/?p=…) by the page’s canonical address', () => {
    expect(pageItem(new URL('https://digiteket.se/?p=22556'))).toBeNull();
    expect(pageItem(new URL('https://digiteket.se/?p=22556'), load('kurs-kaninhalet.html'))).toEqual({ key: COURSE, via: 'canonical' });
    expect(pageItem(new URL('https://digiteket.se/?p=7'), load('inspirationsartikel-ostersundsmodellen.html'))).toEqual({
      key: 'digiteket.se/inspirationsartikel/ostersundsmodellen/',
      via: 'canonical',
    });
    // A short link to a page that is no course or article names nothing.
    const start = load('start.html', (html) => html.replace(/<link rel="canonical"[^>]*>/, '<link rel="canonical" href="https://digiteket.se/">'));
    expect(pageItem(new URL('https://digiteket.se/?p=1'), start)).toBeNull();
  });

  it('treats a page at an unknown address that opens with "Gå direkt till kursmenyn" as the course it names', () => {
    const moved = (canonical: string) =>
      load('kurs-kaninhalet.html', (html) => html.replace(/<link rel="canonical"[^>]*>/, `<link rel="canonical" href="${canonical}">`));
    // The canonical link names the course's usual address.
    expect(pageItem(new URL('https://digiteket.se/kurser/kaninhalet/'), moved(`https://${COURSE}`))).toEqual({ key: COURSE, via: 'canonical' });
    // The canonical link is the new address itself: the course menu names the course.
    expect(pageItem(new URL('https://digiteket.se/utbildning/kaninhalet/'), moved('https://digiteket.se/utbildning/kaninhalet/'))).toEqual({
      key: COURSE,
      via: 'menu',
    });
    // A step at a new kind of address, under its course.
    const bare = load('kurs-kaninhalet-steg-1.html', (html) => html.replace(/<link rel="canonical"[^>]*>/, '').replace(/<nav id="kursmeny".*?<\/nav>/s, ''));
    expect(pageItem(new URL(`https://${COURSE}steg-2/`), bare)).toEqual({ key: COURSE, via: 'address' });
  });

  it('claims nothing on a page without the course-menu skip link, or one a detector knows', () => {
    const article = load('inspirationsartikel-ostersundsmodellen.html');
    expect(pageItem(new URL('https://digiteket.se/nagot-nytt/'), article)).toBeNull();
    expect(pageItem(new URL('https://digiteket.se/kurser/'), load('kurs-kaninhalet.html'))).toBeNull();
    expect(pageItem(new URL('https://example.com/kurs/x/'), load('kurs-kaninhalet.html'))).toBeNull();
  });
});

describe('the site check of a page', () => {
  it('says what it recognised on a course landing page, and takes no page text', () => {
    const report = readPageReport(new URL(`https://${COURSE}?utm_source=brev#x`), load('kurs-kaninhalet.html'));
    expect(report).toMatchObject({ address: `https://${COURSE}`, kind: 'landing', key: COURSE, title: COURSE_TITLE, minutes: 60 });
    expect(report.found).toEqual(expect.arrayContaining(['courseMenuLink', 'heading', 'mainContent', 'canonical', 'time']));
    expect(report.missing).toEqual(expect.arrayContaining(['completion', 'lastStep']));
    expect(JSON.stringify(report)).not.toMatch(/studiecirkel på ditt bibliotek|Kunskapsmål/);
  });

  it('knows the last step of a course from its menu', () => {
    expect(readPageReport(new URL(STEP_1), load('kurs-kaninhalet-steg-1.html')).missing).toContain('lastStep');
    const last = readPageReport(new URL(STEP_2), load('kurs-kaninhalet-steg-2.html'));
    expect(last).toMatchObject({ kind: 'step', key: COURSE, title: COURSE_TITLE });
    expect(last.found).toContain('lastStep');
  });

  it('says what was not found on a page that changed shape', () => {
    const bare = load('kurs-kaninhalet.html', (html) => html.replace(/<h1>.*?<\/h1>/s, '').replace(/<main/, '<div').replace(/<\/main>/, '</div>'));
    const report = readPageReport(new URL(`https://${COURSE}`), bare);
    expect(report.missing).toEqual(expect.arrayContaining(['mainContent']));
    expect(readPageReport(new URL('https://digiteket.se/nytt/'), load('start.html'))).toMatchObject({ kind: 'unknown' });
  });
});
