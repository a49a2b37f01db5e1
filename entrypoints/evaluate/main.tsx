import { render } from 'preact';
import { EvaluationForm } from '../../components/evaluate/EvaluationForm';
import { whenOpen } from '../../components/shared/StoreUnavailable';
import { t } from '../../lib/text/i18n';
import { send } from '../../lib/messages/send';
import { openReader } from '../../lib/storage/store';

document.documentElement.lang = t('localeCode');
document.title = `${t('evaluateTitle')} – ${t('extName')}`;

// evaluate.html?period=<id>[&course=<key>]: without a period, the one that ended last.
const params = new URLSearchParams(location.search);

void whenOpen(openReader(), t('evaluateTitle'), (store) => {
  render(
    <EvaluationForm
      load={async () => {
        const [active, progress, evaluations] = await Promise.all([store.activePlan(), store.progress(), store.evaluations()]);
        const stated: Record<string, number> = {};
        for (const record of progress.values()) if (record.minutes !== undefined) stated[record.courseKey] = record.minutes;
        return { plan: active?.plan, stated, evaluations };
      }}
      periodId={params.get('period') ?? null}
      course={params.get('course')}
      save={(input) => send({ type: 'saveEvaluation', ...input })}
    />,
    document.getElementById('app') as HTMLElement,
  );
});
