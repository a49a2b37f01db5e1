import { z } from 'zod';
import { NOTE_MAX_CHARS } from './note';

/**
 * What the notes panel keeps of a note while it is typed, until the worker has stored that
 * text. Read back from the extension's storage, where an older version (or a fault) may have
 * left something else: parsed like any input.
 */
export const noteDraftSchema = z.object({
  v: z.literal(1),
  /** The note's id, made by the panel before the first save, so a create sent twice is one note. */
  noteId: z.string().min(1).max(100),
  courseKey: z.string().min(1).max(500),
  courseTitle: z.string().max(300),
  text: z.string().max(NOTE_MAX_CHARS),
  /** The stored note's `updatedAt` this text was typed on; null while the note is not stored yet. */
  base: z.iso.datetime({ offset: true }).nullable(),
  /** That stored note's text, to tell a change made elsewhere from one made here. */
  baseText: z.string().max(NOTE_MAX_CHARS),
  typedAt: z.iso.datetime({ offset: true }),
});
export type NoteDraft = z.infer<typeof noteDraftSchema>;
