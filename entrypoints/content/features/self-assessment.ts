import { send } from '../../../lib/messages/send';
import { isSelfAssessmentResult, selfAssessmentResult } from '../../../lib/site/digiteket';
import { mountSelfAssessmentBar } from '../panel';
import type { Feature } from '../runner';
import { barRun } from './bar';

/** On the self-assessment's result page: save the result, or type it in when it cannot be read. */
export function selfAssessmentSave(): Feature {
  return {
    id: 'selfAssessment',
    runsOn: (page) => isSelfAssessmentResult(page.url),
    init(life) {
      const reading = selfAssessmentResult(document);
      // Offered only when the page was read: a result that changed shape saves nothing.
      const save = reading
        ? () => send({ type: 'saveSelfAssessment', scale: reading.scale, scores: reading.scores, source: 'page', ...(reading.takenAt ? { takenAt: reading.takenAt } : {}) })
        : null;
      return barRun(life, mountSelfAssessmentBar(life.ctx, save, () => send({ type: 'openReport', section: 'self-assessment' })));
    },
  };
}
