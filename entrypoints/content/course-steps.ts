import type { StepsChange } from '../../lib/domain/course-changes';
import { stepsChange } from '../../lib/domain/course-changes';
import { send } from '../../lib/messages/send';
import { courseStepPaths } from '../../lib/site/page-item';
import { t } from '../../lib/text/i18n';
import type { PageState } from './runner';

// A done course's landing page against the steps it listed when the course was done: the
// first visit after finishing records them (the worker keeps the first record only), later
// visits say what changed. Nothing else follows from a change: the course stays done.

function changeText({ added, removed }: StepsChange): string {
  const parts = [
    ...(added ? [added === 1 ? t('stepsAddedOne') : t('stepsAdded', added)] : []),
    ...(removed ? [removed === 1 ? t('stepsRemovedOne') : t('stepsRemoved', removed)] : []),
  ];
  return t('courseChanged', parts.join(', '));
}

/**
 * What the strip says of a change on this landing page, if anything; records the steps when
 * the course is done and none are remembered yet. `sent` keeps one page from sending twice.
 */
export function courseChange(page: PageState, key: string, sent: Set<string>): string | undefined {
  if (page.item?.via !== 'landing' || !page.done.has(key)) return undefined;
  const current = courseStepPaths(document, page.url);
  if (current.length === 0) return undefined;
  const remembered = page.context.steps?.key === key ? page.context.steps.recorded : null;
  if (!remembered) {
    if (!sent.has(key)) {
      sent.add(key);
      void send({ type: 'courseSteps', key, steps: current });
    }
    return undefined;
  }
  const change = stepsChange(remembered, current);
  return change ? changeText(change) : undefined;
}
