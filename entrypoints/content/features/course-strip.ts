import { dayMonth } from '../../../lib/text/format';
import { t } from '../../../lib/text/i18n';
import { send } from '../../../lib/messages/send';
import { itemHeading } from '../../../lib/site/digiteket';
import { lastStepReached } from '../../../lib/site/page-item';
import { courseChange } from '../course-steps';
import { mountPanel, type Panel, type PanelState } from '../panel';
import type { Feature, PageState } from '../runner';

function stripState(page: PageState, key: string, lastStep: boolean, stepsSent: Set<string>): PanelState {
  const item = page.items.get(key);
  const done = page.done.has(key);
  const tip = item?.tip ? { tip: item.tip } : {};
  if (done) {
    const changed = courseChange(page, key, stepsSent);
    return { badge: { text: item ? t('badgeDoneInPeriod') : t('badgeDone'), variant: 'done' }, done, evaluate: true, ...tip, ...(changed ? { hint: changed } : {}) };
  }
  // The last step is a sign the course is being finished, not proof: the user says when.
  const hint = lastStep ? { hint: t('stripLastStep') } : {};
  if (item?.optional) return { badge: { text: t('badgePeriodOptional'), variant: 'optional' }, done, ...hint, ...tip };
  if (item && page.context.period) {
    return { badge: { text: t('badgePeriodDeadline', dayMonth(page.context.period.deadline)), variant: 'period' }, done, ...hint, ...tip };
  }
  return { badge: null, done, ...hint, ...tip };
}

/** The strip under a course's title: "Månadens kurs · klar senast …" and "Markera som klar". */
export function courseStrip(): Feature {
  return {
    id: 'courseStrip',
    runsOn: (page) => page.pageKey !== null,
    init(life) {
      const key = life.page.pageKey;
      if (!key) return;
      let panel: Panel | null = null;
      let mounting = false;
      let gone = false;
      const lastStep = lastStepReached(document, life.page.url);
      const stepsSent = new Set<string>();
      const update = () => panel?.update(stripState(life.page, key, lastStep, stepsSent));
      // The site may draw the title late: tried again whenever it adds to the page.
      const mount = () => {
        if (panel || mounting || gone) return;
        const heading = itemHeading(document);
        if (!heading) return;
        mounting = true;
        const title = life.page.title();
        mountPanel(life.ctx, heading, {
          onToggle: (done) => send({ type: 'setDone', key, done, title }),
          onEvaluate: () => send({ type: 'openEvaluation', key }),
        }).then((mounted) => {
          if (gone) return mounted.remove();
          panel = mounted;
          update();
        }, life.failed);
      };
      mount();
      return {
        added: mount,
        refresh: update,
        teardown() {
          gone = true;
          panel?.remove();
          panel = null;
        },
      };
    },
  };
}
