import { z } from 'zod';
import { courseKeySchema } from './course-key';

export const progressStatus = z.enum(['started', 'done']);
export type ProgressStatus = z.infer<typeof progressStatus>;

/** At most this many steps of a course are remembered, each path at most STEP_PATH_MAX characters. */
export const COURSE_STEPS_MAX = 200;
export const STEP_PATH_MAX = 400;

export const progressRecordSchema = z.object({
  courseKey: courseKeySchema,
  status: progressStatus,
  title: z.string().max(300).optional(),
  startedAt: z.iso.datetime({ offset: true }).optional(),
  completedAt: z.iso.datetime({ offset: true }).optional(),
  /** How completion was learned: the page said so, the user said so, or Mina sidor listed it. */
  source: z.enum(['detected', 'manual', 'mina-sidor']).optional(),
  /** The course's stated time and competence area, as its page gave them. */
  minutes: z.number().int().min(1).max(6000).optional(),
  competenceArea: z.string().max(200).optional(),
  /**
   * The steps the course's landing page listed when the course was done (canonical paths), so
   * that a course changed since can say so. Kept on this browser only.
   */
  steps: z.array(z.string().max(STEP_PATH_MAX)).max(COURSE_STEPS_MAX).optional(),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type ProgressRecord = z.infer<typeof progressRecordSchema>;
