import { z } from 'zod';
import { courseKeySchema } from './course-key';
import { instant } from './fields';

// Digiteket's catalogue as Kurskompis has come to know it: every course seen on a course list
// the coordinator browsed ("det kommer nya hela tiden"). The planner's coverage view counts
// the year's plan against it; a course first seen after the plan last changed is new.

export const catalogueEntrySchema = z.object({
  key: courseKeySchema,
  title: z.string().trim().min(1).max(300),
  /** The competence area as the list showed it (site name or id), when it showed one. */
  area: z.string().trim().min(1).max(200).optional(),
  /** The stated time, when the list showed it. */
  minutes: z.number().int().min(1).max(6000).optional(),
  firstSeen: instant,
  lastSeen: instant,
});
export type CatalogueEntry = z.infer<typeof catalogueEntrySchema>;

/** How many courses the catalogue keeps: far more than Digiteket has. */
export const CATALOGUE_MAX = 5000;
