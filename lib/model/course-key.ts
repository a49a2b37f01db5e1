import { z } from 'zod';
import { isCourseKey } from '../site/course-key';

// The one schema of a course key in every document and message: progress, notes, member files,
// backups. A key that is not Digiteket's own canonical form is refused with the rest of the
// document, never stored, never shown as a link.

export const courseKeySchema = z.string().min(1).max(500).refine(isCourseKey, { params: { reason: 'courseKey' } });
