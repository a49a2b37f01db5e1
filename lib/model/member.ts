import { z } from 'zod';
import { readJsonDocument } from './json-document';
import { courseKeySchema } from './course-key';
import { evaluationSchema } from './evaluation';
import { personalExtensionSchema } from './extension';
import { ASSESSMENT_AREAS, scaleSchema, scoresOnScale, upgradeAssessment } from './self-assessment';

// A member file, `members/<memberId>.json` in the team folder, as DESIGN.md describes it: what
// one member shares. Written only by that member; read by the coordinator's overview.

export const MEMBER_KIND = 'kurskompis/member';
export const MEMBER_VERSION = 1;
export const MEMBER_MAX_BYTES = 2_000_000;

const instant = z.iso.datetime({ offset: true });

export const memberProgressSchema = z.object({
  courseKey: courseKeySchema,
  status: z.enum(['started', 'done']),
  completedAt: instant.optional(),
  updatedAt: instant,
});

export const sharedNoteSchema = z.object({
  id: z.string().min(1).max(100),
  courseKey: courseKeySchema,
  courseTitle: z.string().max(300).optional(),
  text: z.string().max(200_000),
  updatedAt: instant,
  /** No longer shared (or deleted): the text is gone, the record stays so copies converge. */
  deleted: z.boolean().optional(),
});

export const signupSchema = z.object({
  sessionId: z.string().min(1).max(100),
  updatedAt: instant,
  cancelled: z.boolean().optional(),
});

// A file written before results had a scale and areas had ids is read through the same upgrade
// as a stored record: old names become ids, no scale means 1–5.
export const selfAssessmentSchema = z.preprocess(
  upgradeAssessment,
  z
    .object({
      phase: z.enum(['start', 'end']),
      takenAt: z.string().min(10).max(40),
      scale: scaleSchema,
      // Digiteket's areas only, each on the result's scale: anything else would reach the team's averages.
      scores: z.partialRecord(z.enum(ASSESSMENT_AREAS), z.number()).optional(),
    })
    .superRefine(scoresOnScale),
);

export const memberSchema = z.object({
  kind: z.literal(MEMBER_KIND),
  version: z.literal(MEMBER_VERSION),
  memberId: z.string().min(8).max(100).regex(/^[A-Za-z0-9-]+$/),
  teamId: z.string().max(100).optional(),
  displayName: z.string().trim().min(1).max(100),
  updatedAt: instant,
  progress: z.array(memberProgressSchema).max(5000).default([]),
  sharedNotes: z.array(sharedNoteSchema).max(5000).default([]),
  signups: z.array(signupSchema).max(1000).default([]),
  selfAssessments: z.array(selfAssessmentSchema).max(100).default([]),
  // Absent, not empty, in a file written before them: its seal is over the file as written.
  evaluations: z.array(evaluationSchema).max(5000).optional(),
  extensions: z.array(personalExtensionSchema).max(500).optional(),
  /** The member's seal over the rest (lib/sync/member-seal.ts); readers other than the member ignore it. */
  seal: z.string().max(100).optional(),
});

export type MemberFile = z.infer<typeof memberSchema>;
export type MemberProgress = z.infer<typeof memberProgressSchema>;
export type SharedNote = z.infer<typeof sharedNoteSchema>;
export type Signup = z.infer<typeof signupSchema>;

export type MemberParseResult =
  | { ok: true; member: MemberFile }
  | { ok: false; reason: 'notJson' | 'tooLarge' | 'invalid' | 'wrongMember' };

/** Reads a member file; `expectedId` is the id its file name gives, which it must carry. */
export function parseMemberText(text: string, expectedId?: string): MemberParseResult {
  const read = readJsonDocument(text, { kind: MEMBER_KIND, version: MEMBER_VERSION, maxBytes: MEMBER_MAX_BYTES, schema: memberSchema });
  if (!read.ok) {
    // Another kind, or a newer version, is as unreadable to the overview as a broken file.
    return { ok: false, reason: read.error === 'tooLarge' || read.error === 'notJson' ? read.error : 'invalid' };
  }
  if (expectedId !== undefined && read.value.memberId !== expectedId) return { ok: false, reason: 'wrongMember' };
  return { ok: true, member: read.value };
}
