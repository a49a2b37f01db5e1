import type { DoneByMonth } from '../../lib/domain/done-by-month';
import { formatMonthYear, formatShortMonth } from '../../lib/time/dates';
import { t } from '../../lib/text/i18n';

// Courses done per month as columns. An SVG, not CSS boxes: printed without backgrounds (the
// browser's default) CSS bars would vanish, while SVG fills print. Solid ink, every column's
// count written, so it reads in black and white.

const WIDTH = 600;
const BAR = 28;
const TOP = 18;
const PLOT = 90;
const HEIGHT = TOP + PLOT + 40;

export function DoneTimeline({ data, locale }: { data: DoneByMonth; locale: string }) {
  const column = WIDTH / Math.max(1, data.months.length);
  const scale = data.most > 0 ? PLOT / data.most : 0;
  const description = data.months.map((m) => t('timelineMonth', [formatMonthYear(m.month, locale), m.count])).join('. ');
  return (
    <section aria-labelledby="timeline-heading" class="report-section" data-testid="done-timeline">
      <h2 id="timeline-heading">{t('timelineHeading')}</h2>
      <p data-testid="timeline-total">{t('timelineTotal', data.total)}</p>
      <svg
        class="timeline"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        style={{ width: '100%', maxWidth: '640px', height: 'auto', fontFamily: 'system-ui, sans-serif' }}
        role="img"
        aria-labelledby="timeline-title timeline-desc"
      >
        <title id="timeline-title">{t('timelineHeading')}</title>
        <desc id="timeline-desc">{description}</desc>
        <line x1={0} y1={TOP + PLOT} x2={WIDTH} y2={TOP + PLOT} stroke="currentColor" />
        {data.months.map((m, i) => {
          const x = i * column + (column - BAR) / 2;
          const height = m.count * scale;
          const showYear = i === 0 || m.month.endsWith('-01');
          return (
            <g key={m.month} data-month={m.month} data-count={m.count}>
              {m.count > 0 && <rect x={x} y={TOP + PLOT - height} width={BAR} height={height} fill="currentColor" />}
              {m.count > 0 && (
                <text x={x + BAR / 2} y={TOP + PLOT - height - 5} text-anchor="middle" font-size="13" font-weight="600" fill="currentColor">
                  {m.count}
                </text>
              )}
              <text x={i * column + column / 2} y={TOP + PLOT + 16} text-anchor="middle" font-size="12" fill="currentColor">
                {formatShortMonth(m.month, locale)}
              </text>
              {showYear && (
                <text x={i * column + column / 2} y={TOP + PLOT + 31} text-anchor="middle" font-size="11" fill="#4a4a4a">
                  {m.month.slice(0, 4)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </section>
  );
}
