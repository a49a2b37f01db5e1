import type { PageCheck, SeenPage } from '../site/page-checks';
import { t, uiLocale, type MessageKey } from './i18n';
import { formatTime, todayInSweden } from '../time/dates';

// The site check in words: what Kurskompis recognised on each page, and the report a user
// copies for the coordinator who keeps the site profile (addresses and recognised fields only).

const KIND_TEXT: Record<string, MessageKey> = {
  landing: 'siteKind_landing',
  step: 'siteKind_step',
  article: 'siteKind_article',
  canonical: 'siteKind_canonical',
  breadcrumb: 'siteKind_canonical',
  menu: 'siteKind_canonical',
  address: 'siteKind_canonical',
  startPage: 'siteKind_startPage',
  shortLink: 'siteKind_other',
  courseList: 'siteKind_list',
  competenceAreaPage: 'siteKind_list',
  myPages: 'siteKind_myPages',
  selfAssessmentResult: 'siteKind_selfAssessment',
  certificate: 'siteKind_other',
  unknown: 'siteKind_unknown',
};

const CHECK_TEXT: Record<PageCheck, MessageKey> = {
  courseMenuLink: 'siteCheck_courseMenuLink',
  heading: 'siteCheck_heading',
  mainContent: 'siteCheck_mainContent',
  canonical: 'siteCheck_canonical',
  area: 'siteCheck_area',
  time: 'siteCheck_time',
  completion: 'siteCheck_completion',
  lastStep: 'siteCheck_lastStep',
};

export const kindText = (kind: string): string => t(KIND_TEXT[kind] ?? 'siteKind_unknown');
export const checksText = (checks: readonly PageCheck[]): string => checks.map((check) => t(CHECK_TEXT[check])).join(', ');

/** When a page was seen, in Swedish time: "2026-12-01 10.42". */
export function seenAt(page: SeenPage): string {
  const at = new Date(page.at);
  return `${todayInSweden(at)} ${formatTime(at, uiLocale())}`;
}

/** The copied report: plain text, one block per page. */
export function siteCheckReportText(pages: readonly SeenPage[], version: string, now: Date = new Date()): string {
  const lines = [t('siteCheckReportTitle', [todayInSweden(now), version]), ''];
  for (const page of pages) {
    lines.push(page.address);
    lines.push(`  ${t('siteCheckKindLabel')}: ${kindText(page.kind)} (${page.kind})`);
    if (page.title) lines.push(`  ${t('siteCheckCourseLabel')}: ${page.title}`);
    if (page.area) lines.push(`  ${t('siteCheckAreaLabel')}: ${page.area}`);
    if (page.minutes !== undefined) lines.push(`  ${t('siteCheckTimeLabel')}: ${t('minutesOnly', page.minutes)}`);
    if (page.found.length) lines.push(`  ${t('siteCheckFound')}: ${checksText(page.found)}`);
    if (page.missing.length) lines.push(`  ${t('siteCheckMissing')}: ${checksText(page.missing)}`);
    if (page.profile !== undefined) lines.push(`  ${t('siteCheckProfile')}: ${page.profile}`);
    lines.push(`  ${t('siteCheckSeen')}: ${seenAt(page)}`, '');
  }
  return lines.join('\n');
}
