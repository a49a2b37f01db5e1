import { t } from '../../lib/text/i18n';
import { SCORE_MIN, type AreaId, type Scale } from '../../lib/model/competence-areas';
import { ASSESSMENT_AREAS } from '../../lib/model/self-assessment';
import { areaLabel } from '../../lib/text/areas';

// Start and end self-assessment per area as paired horizontal bars. Readable in black and
// white: the start bar is hatched, the end bar solid, and every bar carries its value.

interface Props {
  start?: Record<string, number> | undefined;
  end?: Record<string, number> | undefined;
  /** The highest value: start and end shown together are always on the same scale. */
  scale: Scale;
  locale: string;
  /** Tells two charts on one page apart (their title ids). */
  id?: string;
}

const ROW = 44;
const LEFT = 170;
const WIDTH = 520;

export function AssessmentChart({ start, end, scale, locale, id = 'chart' }: Props) {
  const unit = (WIDTH - LEFT - 50) / scale;
  const TICKS = Array.from({ length: scale - SCORE_MIN + 1 }, (_, i) => SCORE_MIN + i);
  const label = (area: AreaId) => areaLabel(area);
  const height = ASSESSMENT_AREAS.length * ROW + 60;
  const number = (value: number) => value.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return (
    <svg
      class="chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      // Its own size wherever it is shown: the report, the team overview, print.
      style={{ width: '100%', maxWidth: '620px', height: 'auto', fontFamily: 'system-ui, sans-serif' }}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      data-testid="assessment-chart"
      data-scale={scale}
    >
      <title id={`${id}-title`}>{t('chartTitle', String(scale))}</title>
      <desc id={`${id}-desc`}>
        {ASSESSMENT_AREAS.map((area) =>
          t('chartRow', [label(area), start?.[area] !== undefined ? number(start[area] as number) : '–', end?.[area] !== undefined ? number(end[area] as number) : '–']),
        ).join(' ')}
      </desc>
      <defs>
        <pattern id={`${id}-hatch`} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#fff" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#1b1b1b" stroke-width="2" />
        </pattern>
      </defs>
      {TICKS.map((tick) => (
        <g key={tick}>
          <line x1={LEFT + tick * unit} y1={0} x2={LEFT + tick * unit} y2={height - 50} stroke="#c9d2de" />
          <text x={LEFT + tick * unit} y={height - 36} text-anchor="middle" font-size="12">
            {tick}
          </text>
        </g>
      ))}
      {ASSESSMENT_AREAS.map((area, i) => {
        const y = i * ROW + 6;
        const bar = (value: number | undefined, offset: number, fill: string) =>
          value === undefined ? null : (
            <g>
              <rect x={LEFT} y={y + offset} width={value * unit} height={14} fill={fill} stroke="#1b1b1b" />
              <text x={LEFT + value * unit + 6} y={y + offset + 12} font-size="12">
                {number(value)}
              </text>
            </g>
          );
        return (
          <g key={area}>
            <text x={LEFT - 8} y={y + 20} text-anchor="end" font-size="13">
              {label(area)}
            </text>
            {bar(start?.[area], 0, `url(#${id}-hatch)`)}
            {bar(end?.[area], 17, '#1b1b1b')}
          </g>
        );
      })}
      <g transform={`translate(${LEFT}, ${height - 10})`} font-size="12">
        <rect x={0} y={-9} width={14} height={10} fill={`url(#${id}-hatch)`} stroke="#1b1b1b" />
        <text x={20} y={0}>
          {t('chartStart')}
        </text>
        <rect x={110} y={-9} width={14} height={10} fill="#1b1b1b" />
        <text x={130} y={0}>
          {t('chartEnd')}
        </text>
      </g>
    </svg>
  );
}
