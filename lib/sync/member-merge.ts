import { dequal } from 'dequal/lite';
import { mergeById } from '../domain/merge';
import type { MemberFile } from '../model/member';
import { evaluationId } from '../model/evaluation';

// Two copies of one member's file (two browsers, or this browser and the folder) become one:
// per record the newer `updatedAt` wins, and a tombstone is a record like any other, so
// merging in any order, any number of times, gives the same file.

function newer<T extends { updatedAt: string }>(a: T, b: T): T {
  return Date.parse(b.updatedAt) > Date.parse(a.updatedAt) ? b : a;
}

/** Both copies' records, the newer of each id, in id order so equal content writes equal files. */
export function mergeRecords<T extends { updatedAt: string }>(a: readonly T[], b: readonly T[], id: (record: T) => string): T[] {
  return mergeById(a, b, id, (r) => r.updatedAt).merged.sort((x, y) => id(x).localeCompare(id(y)));
}

export function mergeMembers(a: MemberFile, b: MemberFile): MemberFile {
  const latest = newer(a, b);
  return {
    ...latest,
    progress: mergeRecords(a.progress, b.progress, (r) => r.courseKey),
    sharedNotes: mergeRecords(a.sharedNotes, b.sharedNotes, (r) => r.id),
    signups: mergeRecords(a.signups, b.signups, (r) => r.sessionId),
    // Results carry no updatedAt: one per phase and day, the later test of a day wins by order.
    selfAssessments: [...new Map([...a.selfAssessments, ...b.selfAssessments].map((s) => [`${s.phase}:${s.takenAt}`, s])).values()],
    // Absent in both (files of an older Kurskompis) stays absent.
    ...(a.evaluations || b.evaluations ? { evaluations: mergeRecords(a.evaluations ?? [], b.evaluations ?? [], evaluationId) } : {}),
    ...(a.extensions || b.extensions ? { extensions: mergeRecords(a.extensions ?? [], b.extensions ?? [], (e) => e.periodId) } : {}),
  };
}

/** The same records, ignoring the file's own time stamp and seal: nothing to write when equal. */
export function sameContent(a: MemberFile, b: MemberFile): boolean {
  const { seal: _a, ...restA } = a;
  const { seal: _b, ...restB } = b;
  return dequal({ ...restA, updatedAt: '' }, { ...restB, updatedAt: '' });
}
