import { z } from 'zod';
import { courseKeySchema } from './course-key';

export const NOTE_MAX_CHARS = 200_000;

export const noteSchema = z.object({
  id: z.string().min(1).max(100),
  courseKey: courseKeySchema,
  courseTitle: z.string().max(300).optional(),
  text: z.string().max(NOTE_MAX_CHARS),
  /** Marked "Dela till diskussionen"; off by default, and only then may it leave the browser. */
  shared: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  /** Deleted notes stay as tombstones so that undo and merging keep working. */
  deleted: z.boolean().optional(),
});
export type Note = z.infer<typeof noteSchema>;
