import { z } from 'zod';
import { readJsonDocument } from '../model/json-document';
import { BACKUP_MAX_BYTES } from '../model/limits';
import { noteSchema, type Note } from '../model/note';
import { progressRecordSchema, type ProgressRecord } from '../model/progress';
import { evaluationId, evaluationSchema, type Evaluation } from '../model/evaluation';
import { personalExtensionSchema, type PersonalExtension } from '../model/extension';
import { mergeById } from './merge';
import type { BackupProblem } from '../model/results';
import type { Store, StoreReader } from '../storage/store';

// The user's own backup: progress, every note (private ones too: the file is theirs) and
// settings without secrets. Importing merges by record id and `updatedAt`, so importing the
// same file twice, or an older one, adds nothing and loses nothing newer.

export const BACKUP_KIND = 'kurskompis/backup';
export const BACKUP_VERSION = 1;

export const backupSchema = z.object({
  kind: z.literal(BACKUP_KIND),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.iso.datetime({ offset: true }),
  progress: z.array(progressRecordSchema).max(100_000),
  notes: z.array(noteSchema).max(100_000),
  // Absent in a backup made before them.
  evaluations: z.array(evaluationSchema).max(100_000).optional(),
  extensions: z.array(personalExtensionSchema).max(10_000).optional(),
  settings: z.object({ planUrl: z.string().max(2000).nullable() }),
});
export type Backup = z.infer<typeof backupSchema>;

export type BackupParse = { ok: true; backup: Backup } | { ok: false; problem: BackupProblem; path?: string };

export function parseBackup(text: string): BackupParse {
  const read = readJsonDocument(text, { kind: BACKUP_KIND, version: BACKUP_VERSION, maxBytes: BACKUP_MAX_BYTES, schema: backupSchema });
  if (read.ok) return { ok: true, backup: read.value };
  switch (read.error) {
    case 'notObject':
      return { ok: false, problem: 'wrongKind' };
    case 'invalid': {
      const issue = read.issues[0];
      return { ok: false, problem: 'invalid', path: issue ? issue.path.join('.') : '' };
    }
    default:
      return { ok: false, problem: read.error };
  }
}


/** Everything personal, for the user's own file; reads only, so a page may do it. */
export async function exportBackup(store: StoreReader, planUrl: string | null, now: Date = new Date()): Promise<Backup> {
  const [progress, notes, evaluations, extensions] = await Promise.all([store.progress(), store.allNotes(), store.evaluations(), store.extensions()]);
  return {
    kind: BACKUP_KIND,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    progress: [...progress.values()],
    notes,
    evaluations,
    extensions,
    settings: { planUrl },
  };
}

/** Merges a backup into what is stored (in the worker); the plan URL setting is left as it is. */
export async function restoreBackup(store: Store, backup: Backup, onChange: () => void | Promise<void>): Promise<{ notes: number; progress: number }> {
  const [progress, notes, evaluations, extensions] = await Promise.all([store.progress(), store.allNotes(), store.evaluations(), store.extensions()]);
  const progressMerge = mergeById<ProgressRecord>([...progress.values()], backup.progress, (r) => r.courseKey, (r) => r.updatedAt);
  const notesMerge = mergeById<Note>(notes, backup.notes, (n) => n.id, (n) => n.updatedAt);
  const evaluationsMerge = mergeById<Evaluation>(evaluations, backup.evaluations ?? [], evaluationId, (e) => e.updatedAt);
  const extensionsMerge = mergeById<PersonalExtension>(extensions, backup.extensions ?? [], (e) => e.periodId, (e) => e.updatedAt);
  if (progressMerge.changed.length > 0) await store.putProgress(progressMerge.changed);
  if (notesMerge.changed.length > 0) await store.putNotes(notesMerge.changed);
  if (evaluationsMerge.changed.length > 0) await store.putEvaluations(evaluationsMerge.changed);
  if (extensionsMerge.changed.length > 0) await store.putExtensions(extensionsMerge.changed);
  const changed = progressMerge.changed.length + notesMerge.changed.length + evaluationsMerge.changed.length + extensionsMerge.changed.length;
  if (changed > 0) await onChange();
  return { notes: notesMerge.changed.length, progress: progressMerge.changed.length };
}
