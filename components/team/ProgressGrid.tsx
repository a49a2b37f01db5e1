import { Component } from 'preact';
import { useSignal, type ReadonlySignal } from '@preact/signals';
import { useLayoutEffect } from 'preact/hooks';
import { dayMonth } from '../../lib/text/format';
import { t } from '../../lib/text/i18n';
import { overviewCsv, sameRowShown, type OverviewRow, type TeamOverview } from '../../lib/team/overview';
import { GrantForm, type GrantActions } from './GrantForm';
import { GridLegend, StatusMark } from './GridStatus';
import { Meter } from './Meter';
import './grant.css';

function deadlineText(row: OverviewRow): string {
  const { deadline } = row;
  if (deadline.source === 'own') return t('teamDeadlineOwn', [dayMonth(deadline.deadline), t(`extensionReasonShort_${deadline.reason}`)]);
  if (deadline.source === 'granted') return t('teamDeadlineGranted', dayMonth(deadline.deadline));
  return t('teamDeadlinePeriod');
}

// Everyone's progress in the period, made to be read at a glance on a shared screen: who is done
// and who has not started, a people × courses heat map with totals as bars, and the grid as CSV
// for Excel.

interface GridRowProps {
  row: OverviewRow;
  requiredTotal: number;
  /** This member's grant form is open. */
  granting: boolean;
  /** Opens or closes this member's grant form; absent where the page cannot change the plan. */
  onGrant: ((memberId: string) => void) | undefined;
  /**
   * True while the member files are still read: the grant buttons are there but cannot be used
   * yet. A signal bound to each button's `disabled`, so that the reading's end changes a
   * thousand attributes instead of drawing a thousand rows again.
   */
  grantWaits: ReadonlySignal<boolean>;
}

/**
 * One member's row. While the member files are read the grid is drawn again as more come in,
 * and a region's grid has a thousand rows: a row that shows the same as before is left as it is.
 */
class GridRow extends Component<GridRowProps> {
  override shouldComponentUpdate(next: GridRowProps): boolean {
    const now = this.props;
    return !(sameRowShown(now.row, next.row) && now.requiredTotal === next.requiredTotal && now.granting === next.granting && (now.onGrant === undefined) === (next.onGrant === undefined));
  }

  override render() {
    const { row, requiredTotal, granting, onGrant } = this.props;
    return (
      <tr>
        <th scope="row">{row.displayName}</th>
        {row.cells.map((cell, i) => (
          <td key={i} class={`cell cell-${cell ?? 'none'}`}>
            <StatusMark status={cell ?? 'none'} />
          </td>
        ))}
        <td class="share">
          <Meter
            value={row.requiredDone}
            max={requiredTotal}
            label={t('teamMemberShareLabel', row.displayName)}
            valueText={t('teamMemberShareValue', [row.requiredDone, requiredTotal])}
            shown={`${row.requiredDone}/${requiredTotal}`}
            state={requiredTotal > 0 && row.requiredDone >= requiredTotal ? 'full' : undefined}
          />
        </td>
        <td class={`deadline ${row.deadline.source}`}>
          <span>{deadlineText(row)}</span>
          {onGrant && (
            <button
              type="button"
              class="grant-open no-print"
              aria-label={t('grantButtonFor', row.displayName)}
              aria-expanded={granting}
              disabled={this.props.grantWaits}
              onClick={() => this.props.onGrant?.(this.props.row.memberId)}
            >
              {t('grantButton')}
            </button>
          )}
        </td>
      </tr>
    );
  }
}

export function ProgressGrid(props: {
  overview: TeamOverview;
  memberCount: number;
  /** Only some of the member files are read (the reading runs, or was stopped): the count says so. */
  partial?: boolean;
  /** Absent while the member files are still being read: a CSV is of the whole team. */
  download?: ((fileName: string, text: string) => void) | undefined;
  /**
   * Granting more time; absent where the page cannot change the plan, `later` while the member
   * files are still read (the grants in force are read with the last of them).
   */
  grants?: GrantActions | 'later' | undefined;
}) {
  const { overview } = props;
  const grants = props.grants === 'later' ? undefined : props.grants;
  const granting = useSignal<string | null>(null);
  const grantWaits = useSignal(grants === undefined);
  useLayoutEffect(() => {
    grantWaits.value = grants === undefined;
  }, [grants === undefined]);
  const grantRow = grants && overview.rows.find((r) => r.memberId === granting.value);
  const toggleGrant = (memberId: string) => (granting.value = granting.value === memberId ? null : memberId);
  return (
    <section aria-labelledby="progress-heading">
      <h2 id="progress-heading">{t('teamProgressHeading')}</h2>
      <p data-testid="team-summary">
        {props.partial
          ? t('teamSummarySoFar', [props.memberCount, overview.finished.length, overview.notStarted.length])
          : t('teamSummary', [props.memberCount, overview.finished.length, overview.notStarted.length])}
      </p>
      {overview.notStarted.length > 0 && <p>{t('teamNotStartedNames', overview.notStarted.join(', '))}</p>}
      {overview.finished.length > 0 && <p>{t('teamFinishedNames', overview.finished.join(', '))}</p>}
      {props.grants === 'later' && <p class="muted no-print">{t('grantWaitsForReading')}</p>}
      <GridLegend />
      {/* The grid scrolls in its own box, its header row and name column staying in view. */}
      <div class="grid-wrap" tabIndex={0} role="region" aria-labelledby="grid-caption" data-testid="team-grid-scroll">
        <table class="grid" data-testid="team-grid">
          <caption id="grid-caption" class="visually-hidden">
            {t('teamGridCaption', overview.period.title)}
          </caption>
          <thead>
            <tr>
              <th scope="col" class="corner">
                {t('teamNameColumn')}
              </th>
              {overview.items.map((item) => (
                <th scope="col" key={item.key} class="course">
                  <span class="col-title">
                    {item.title}
                    {item.optional && <span class="optional"> {t('teamOptionalMark')}</span>}
                  </span>
                </th>
              ))}
              <th scope="col" class="course">
                <span class="col-title">{t('teamRequiredColumn')}</span>
              </th>
              <th scope="col" class="course">
                <span class="col-title">{t('teamDeadlineColumn')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {overview.rows.map((row) => (
              <GridRow
                key={row.memberId}
                row={row}
                requiredTotal={overview.requiredTotal}
                granting={granting.value === row.memberId}
                onGrant={props.grants ? toggleGrant : undefined}
                grantWaits={grantWaits}
              />
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('teamDoneCount')}</th>
              {overview.items.map((item) => (
                <td key={item.key} class="total">
                  <Meter
                    value={item.doneCount}
                    max={overview.rows.length}
                    label={t('teamCourseDoneLabel', item.title)}
                    valueText={t('teamCourseDoneValue', [item.doneCount, overview.rows.length])}
                    shown={String(item.doneCount)}
                    state={overview.rows.length > 0 && item.doneCount >= overview.rows.length ? 'full' : undefined}
                  />
                </td>
              ))}
              <td />
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
      {grants && grantRow && (
        <GrantForm
          key={grantRow.memberId}
          period={overview.period}
          member={grantRow}
          current={grantRow.grant}
          actions={grants}
          close={() => (granting.value = null)}
        />
      )}
      {props.download && (
        <p class="no-print">
          <button
            type="button"
            onClick={() =>
              props.download?.(
                `kurskompis-${overview.period.id}.csv`,
                overviewCsv(overview, {
                  name: t('teamNameColumn'),
                  requiredDone: t('teamRequiredColumn'),
                  done: t('teamCellDoneText'),
                  started: t('teamCellStartedText'),
                  deadline: t('teamDeadlineCsv'),
                }),
              )
            }
          >
            {t('teamCsv')}
          </button>
        </p>
      )}
    </section>
  );
}
