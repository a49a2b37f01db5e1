import type { Feature } from '../runner';
import { catalogueLearning } from './catalogue';
import { completionDetection } from './completion';
import { coordinatorCollecting } from './collecting';
import { courseStrip } from './course-strip';
import { listBadges } from './list-badges';
import { myPagesImport } from './my-pages';
import { notesTab } from './notes-tab';
import { selfAssessmentSave } from './self-assessment';
import { siteCheckReport } from './site-check';
import { recordVisit } from './visit';

/** Every in-page feature, once, in the order they go into the page. */
export function contentFeatures(): Feature[] {
  return [recordVisit(), courseStrip(), notesTab(), completionDetection(), myPagesImport(), selfAssessmentSave(), listBadges(), coordinatorCollecting(), catalogueLearning(), siteCheckReport()];
}
