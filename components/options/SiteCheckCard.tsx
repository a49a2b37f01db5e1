import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../lib/text/i18n';
import type { SeenPage } from '../../lib/site/page-checks';
import { checksText, kindText, seenAt, siteCheckReportText } from '../../lib/text/site-check';

// "Sidkontroll": what Kurskompis recognised on the Digiteket pages seen last, and what it looked
// for without finding it, for the coordinator who repairs the site profile when the site changes.

export interface SiteCheckCardProps {
  load: () => Promise<SeenPage[]>;
  copy: (text: string) => Promise<void>;
  version: string;
  subscribe: (listener: () => void) => () => void;
}

export function SiteCheckCard({ load, copy, version, subscribe }: SiteCheckCardProps) {
  const pages = useSignal<SeenPage[] | null>(null);
  const copied = useSignal<'copied' | 'failed' | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = pages.value !== null;
  // Arriving from the popup's "Öppna sidkontrollen": the card is drawn once its list is read.
  useEffect(() => {
    if (loaded && location.hash === '#site-check') heading.current?.focus();
  }, [loaded]);
  useEffect(() => {
    const refresh = () => void load().then((value) => (pages.value = value));
    refresh();
    return subscribe(refresh);
  }, []);
  const list = pages.value;
  if (!list) return null;
  const report = siteCheckReportText(list, version);
  return (
    <section class="card" id="site-check" aria-labelledby="site-check-heading">
      <h2 id="site-check-heading" ref={heading} tabIndex={-1}>
        {t('siteCheckHeading')}
      </h2>
      <p class="muted">{t('siteCheckExplain')}</p>
      {list.length === 0 ? (
        <p data-testid="site-check-empty">{t('siteCheckEmpty')}</p>
      ) : (
        <>
          <ul class="site-check" data-testid="site-check">
            {list.map((page) => (
              <li key={page.address}>
                <p class="site-check__address">{page.address}</p>
                <dl class="plan-facts">
                  <dt>{t('siteCheckKindLabel')}</dt>
                  <dd>{kindText(page.kind)}</dd>
                  {page.title && (
                    <>
                      <dt>{t('siteCheckCourseLabel')}</dt>
                      <dd>{page.title}</dd>
                    </>
                  )}
                  {page.area && (
                    <>
                      <dt>{t('siteCheckAreaLabel')}</dt>
                      <dd>{page.area}</dd>
                    </>
                  )}
                  {page.minutes !== undefined && (
                    <>
                      <dt>{t('siteCheckTimeLabel')}</dt>
                      <dd>{t('minutesOnly', page.minutes)}</dd>
                    </>
                  )}
                  {page.found.length > 0 && (
                    <>
                      <dt>{t('siteCheckFound')}</dt>
                      <dd>{checksText(page.found)}</dd>
                    </>
                  )}
                  {page.missing.length > 0 && (
                    <>
                      <dt>{t('siteCheckMissing')}</dt>
                      <dd>{checksText(page.missing)}</dd>
                    </>
                  )}
                  <dt>{t('siteCheckSeen')}</dt>
                  <dd>{seenAt(page)}</dd>
                </dl>
              </li>
            ))}
          </ul>
          <button
            type="button"
            onClick={() => {
              copied.value = null;
              copy(report).then(
                () => (copied.value = 'copied'),
                () => (copied.value = 'failed'),
              );
            }}
          >
            {t('siteCheckCopy')}
          </button>
          <p role="status">{copied.value === 'copied' ? t('siteCheckCopied') : ''}</p>
          {copied.value === 'failed' && (
            <>
              <p role="alert">{t('siteCheckCopyFailed')}</p>
              <textarea class="site-check__report" readOnly rows={8} aria-label={t('siteCheckHeading')} value={report} />
            </>
          )}
        </>
      )}
    </section>
  );
}
