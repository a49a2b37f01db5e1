import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { coverage } from '../../lib/coordinator/coverage';
import { AREA_IDS, type AreaId } from '../../lib/model/competence-areas';
import type { CatalogueEntry } from '../../lib/model/catalogue';
import type { MemberFile } from '../../lib/model/member';
import type { Plan } from '../../lib/model/plan';
import { areaLabel } from '../../lib/text/areas';
import { dayMonth } from '../../lib/text/format';
import { t } from '../../lib/text/i18n';

// The year's coverage in the planner: every course Kurskompis knows against this year's plan,
// with what is new on Digiteket since the plan last changed.

export interface CoverageSource {
  load: () => Promise<{ plan: Plan | undefined; catalogue: CatalogueEntry[]; members: MemberFile[] | null }>;
  subscribe: (listener: () => void) => () => void;
}

type Data = Awaited<ReturnType<CoverageSource['load']>>;
const NO_AREA = 'none';

export function Coverage({ source, now = () => new Date() }: { source: CoverageSource; now?: () => Date }) {
  const data = useSignal<Data | null>(null);
  const area = useSignal<string>('');
  const onlyUnplanned = useSignal(false);
  useEffect(() => {
    const load = () => void source.load().then((value) => (data.value = value));
    load();
    return source.subscribe(load);
  }, []);
  if (!data.value) return null;
  const { plan, catalogue, members } = data.value;
  const result = coverage(plan, catalogue, members, now());
  const shown = result.rows.filter(
    (r) => (!onlyUnplanned.value || r.periods.length === 0) && (area.value === '' || (r.area ?? NO_AREA) === area.value),
  );
  return (
    <section class="card coverage" aria-labelledby="coverage-heading" data-testid="coverage">
      <h2 id="coverage-heading">{t('coverageHeading')}</h2>
      <p class="muted">{t('coverageExplain')}</p>
      {result.total === 0 ? (
        <p>{t('coverageEmpty')}</p>
      ) : (
        <>
          <p class="coverage-count" data-testid="coverage-count">
            <strong>{t('coverageCount', [result.planned, result.total])}</strong>
          </p>
          {members === null && <p class="muted">{t('coverageNoMembers')}</p>}
          <div class="coverage-filters">
            <label>
              {t('coverageArea')}{' '}
              <select value={area.value} onChange={(e) => (area.value = (e.currentTarget as HTMLSelectElement).value)}>
                <option value="">{t('coverageAllAreas')}</option>
                {AREA_IDS.map((id) => (
                  <option value={id}>{areaLabel(id)}</option>
                ))}
                <option value={NO_AREA}>{t('coverageNoArea')}</option>
              </select>
            </label>
            <label>
              <input
                type="checkbox"
                checked={onlyUnplanned.value}
                onChange={(e) => (onlyUnplanned.value = (e.currentTarget as HTMLInputElement).checked)}
              />{' '}
              {t('coverageOnlyUnplanned')}
            </label>
          </div>
          <p class="muted" role="status">
            {t('coverageShown', shown.length)}
          </p>
          <table class="coverage-table">
            <thead>
              <tr>
                <th scope="col">{t('coverageCourse')}</th>
                <th scope="col">{t('coverageArea')}</th>
                <th scope="col">{t('coveragePlanned')}</th>
                <th scope="col">{t('coverageDoneBy')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <tr key={row.key} data-key={row.key}>
                  <th scope="row">
                    <a href={`https://${row.key}`} target="_blank" rel="noopener noreferrer">
                      {row.title}
                    </a>
                    {row.newSince && <span class="coverage-new"> {t('coverageNewSince', dayMonth(row.newSince))}</span>}
                  </th>
                  <td>{row.area ? areaLabel(row.area as AreaId) : '–'}</td>
                  <td>{row.periods.length > 0 ? row.periods.map((p) => p.title).join(', ') : <span class="coverage-unplanned">{t('coverageNotPlanned')}</span>}</td>
                  <td>{row.doneBy === null ? '–' : row.doneBy}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
