import { courseKey } from '../site/course-key';
import type { MemberFile } from '../model/member';
import type { Period } from '../model/plan';

// What the team said of a period's courses (the evaluation, "utvärdera kontinuerligt och
// skruva på metoderna") and how many came to its discussions. Pure: member files in, figures
// out; the overview, its CSV and the summary for management all read these.

export interface EvaluationComment {
  text: string;
  /** Only when the member chose to show their name with it. */
  name?: string;
  updatedAt: string;
}

export interface CourseEvaluation {
  key: string;
  title: string;
  answers: number;
  /** Mean usefulness 1–5, one decimal; null without answers. */
  usefulness: number | null;
  /** Mean of the minutes members said it really took, whole minutes; null when nobody said. */
  minutes: number | null;
  /** The course's stated time, where known. */
  statedMinutes?: number;
  comments: EvaluationComment[];
}

const mean = (values: readonly number[], decimals: number): number | null => {
  if (values.length === 0) return null;
  const factor = 10 ** decimals;
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * factor) / factor;
};

/**
 * Per course of the period, in plan order: answers, mean usefulness, real time against the
 * stated time (`stated` gives it per course key) and the comments, newest first.
 */
export function courseEvaluations(period: Period, members: readonly MemberFile[], stated: (key: string) => number | undefined = () => undefined): CourseEvaluation[] {
  return period.items.map((item) => {
    const key = courseKey(item.url) ?? item.url;
    const answers = members.flatMap((member) =>
      (member.evaluations ?? []).filter((e) => e.periodId === period.id && e.courseKey === key).map((e) => ({ member, evaluation: e })),
    );
    const comments = answers
      .filter(({ evaluation }) => evaluation.comment?.trim())
      .map(({ member, evaluation }) => ({
        text: (evaluation.comment as string).trim(),
        ...(evaluation.showName ? { name: member.displayName } : {}),
        updatedAt: evaluation.updatedAt,
      }))
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    const statedMinutes = stated(key);
    return {
      key,
      title: item.title,
      answers: answers.length,
      usefulness: mean(answers.map(({ evaluation }) => evaluation.usefulness), 1),
      minutes: mean(answers.flatMap(({ evaluation }) => (evaluation.minutes === undefined ? [] : [evaluation.minutes])), 0),
      ...(statedMinutes !== undefined ? { statedMinutes } : {}),
      comments,
    };
  });
}

export interface DiscussionTurnout {
  /** Sessions of the period, and how many of them have ended by `now`. */
  sessions: number;
  held: number;
  /** Members signed up (not cancelled) to at least one of the period's sessions. */
  took: number;
  members: number;
}

/** How many took part in the period's discussions (a sign-up that was not cancelled counts). */
export function discussionTurnout(period: Period, members: readonly MemberFile[], now: Date = new Date()): DiscussionTurnout {
  const ids = new Set(period.sessions.map((s) => s.id));
  return {
    sessions: period.sessions.length,
    held: period.sessions.filter((s) => Date.parse(s.ends) <= now.getTime()).length,
    took: members.filter((m) => m.signups.some((s) => ids.has(s.sessionId) && !s.cancelled)).length,
    members: members.length,
  };
}
