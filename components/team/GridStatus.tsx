import { t, type MessageKey } from '../../lib/text/i18n';

// How a member's course status is drawn in the grid: a symbol as well as a colour, so the grid
// reads in black and white and for those who do not tell green from amber; the words are there
// for screen readers (and in the legend).

export type CellStatus = 'done' | 'started' | 'none';

const SYMBOL: Record<CellStatus, string> = { done: '✓', started: '◐', none: '–' };
const WORDS: Record<CellStatus, MessageKey> = { done: 'teamCellDoneText', started: 'teamCellStartedText', none: 'teamCellNotStartedText' };

export function StatusMark({ status }: { status: CellStatus }) {
  return (
    <>
      <span class="status-symbol" aria-hidden="true">
        {SYMBOL[status]}
      </span>{' '}
      <span class="visually-hidden-inline">{t(WORDS[status])}</span>
    </>
  );
}

export function GridLegend() {
  return (
    <div class="grid-legend" data-testid="team-legend">
      <h3 id="legend-heading">{t('teamLegendHeading')}</h3>
      <ul aria-labelledby="legend-heading">
        {(['done', 'started', 'none'] as const).map((status) => (
          <li key={status}>
            <span class={`legend-swatch cell-${status}`} aria-hidden="true">
              {SYMBOL[status]}
            </span>{' '}
            {t(WORDS[status])}
          </li>
        ))}
      </ul>
    </div>
  );
}
