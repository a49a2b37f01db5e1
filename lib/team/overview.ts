import { courseKey } from '../site/course-key';
import { excelCsv } from '../domain/csv';
import type { MemberFile } from '../model/member';
import type { Period, PlanItem, PlanSession } from '../model/plan';
import { ASSESSMENT_AREAS, latestOfPhase, type Phase } from '../model/self-assessment';
import { SCALES, isOnScale, type Scale } from '../model/competence-areas';
import type { GrantedExtension } from '../model/extension';
import { memberDeadline, type MemberDeadline } from '../time/personal-deadline';

// The coordinator's view of the team for one period, from the member files: who has done
// which course, who has not started, who comes to which discussion, and the notes shared
// for it. Pure: the files come in, the tables go out.

export type MemberStatus = 'notStarted' | 'started' | 'done';

export interface OverviewRow {
  memberId: string;
  displayName: string;
  /** Per item of the period, in plan order. */
  cells: Array<'done' | 'started' | null>;
  requiredDone: number;
  status: MemberStatus;
  /** The deadline that holds for the member: the period's, their own (shared) or granted. */
  deadline: MemberDeadline;
  /** More time the coordinator granted this member for the period, if any. */
  grant?: GrantedExtension;
}

export interface OverviewSession {
  session: PlanSession;
  names: string[];
  placesLeft: number | null;
  overbooked: boolean;
}

export interface OverviewNote {
  author: string;
  text: string;
  updatedAt: string;
}

export interface TeamOverview {
  period: Period;
  items: Array<PlanItem & { key: string; doneCount: number }>;
  rows: OverviewRow[];
  requiredTotal: number;
  notStarted: string[];
  finished: string[];
  sessions: OverviewSession[];
  notes: Array<{ key: string; title: string; notes: OverviewNote[] }>;
}

/** Whether two readings of a member's row show the same in the grid (its grant is shown by its deadline). */
export function sameRowShown(a: OverviewRow, b: OverviewRow): boolean {
  if (a === b) return true;
  const da = a.deadline;
  const db = b.deadline;
  return (
    a.memberId === b.memberId &&
    a.displayName === b.displayName &&
    a.requiredDone === b.requiredDone &&
    a.cells.length === b.cells.length &&
    a.cells.every((cell, i) => cell === b.cells[i]) &&
    da.source === db.source &&
    da.deadline === db.deadline &&
    (da.source === 'own' ? da.reason : undefined) === (db.source === 'own' ? db.reason : undefined)
  );
}

// One collator for every comparison: `localeCompare(…, 'sv')` builds one per call, ~10 times slower for a region's thousand names.
let names: Intl.Collator | undefined;
const byName = (a: { displayName: string }, b: { displayName: string }) => (names ??= new Intl.Collator('sv')).compare(a.displayName, b.displayName);

/** `granted`: the plan's grants of more time (the coordinator's saved plan, so a new one shows at once). */
export function teamOverview(period: Period, members: readonly MemberFile[], granted: readonly GrantedExtension[] = []): TeamOverview {
  const items = period.items.map((item) => ({ ...item, key: courseKey(item.url) ?? item.url, doneCount: 0 }));
  const required = items.filter((i) => !i.optional);
  const sorted = [...members].sort(byName);
  const rows: OverviewRow[] = sorted.map((member) => {
    const progress = new Map(member.progress.map((p) => [p.courseKey, p.status]));
    const cells = items.map((item) => progress.get(item.key) ?? null);
    cells.forEach((cell, i) => {
      if (cell === 'done') (items[i] as { doneCount: number }).doneCount += 1;
    });
    const requiredDone = required.filter((item) => progress.get(item.key) === 'done').length;
    const any = cells.some((c) => c !== null);
    const status: MemberStatus = required.length > 0 && requiredDone === required.length ? 'done' : any ? 'started' : 'notStarted';
    const deadline = memberDeadline(period, { own: member.extensions ?? [], granted, memberId: member.memberId });
    const grant = granted.find((g) => g.memberId === member.memberId && g.periodId === period.id);
    return { memberId: member.memberId, displayName: member.displayName, cells, requiredDone, status, deadline, ...(grant ? { grant } : {}) };
  });
  const sessions = period.sessions.map((session) => {
    const names = sorted.filter((m) => m.signups.some((s) => s.sessionId === session.id && !s.cancelled)).map((m) => m.displayName);
    const placesLeft = session.capacity === undefined ? null : session.capacity - names.length;
    return { session, names, placesLeft, overbooked: placesLeft !== null && placesLeft < 0 };
  });
  const notes = items
    .map((item) => ({
      key: item.key,
      title: item.title,
      notes: sorted.flatMap((m) =>
        m.sharedNotes
          .filter((n) => !n.deleted && n.courseKey === item.key && n.text.trim())
          .map((n) => ({ author: m.displayName, text: n.text, updatedAt: n.updatedAt })),
      ),
    }))
    .filter((group) => group.notes.length > 0);
  return {
    period,
    items,
    rows,
    requiredTotal: required.length,
    notStarted: rows.filter((r) => r.status === 'notStarted').map((r) => r.displayName),
    finished: rows.filter((r) => r.status === 'done').map((r) => r.displayName),
    sessions,
    notes,
  };
}

/**
 * The grid as CSV that Swedish Excel opens right: UTF-8 with a byte-order mark, semicolons,
 * CRLF line ends. `labels` gives the words for the header and the cells.
 */
export function overviewCsv(
  overview: TeamOverview,
  labels: { name: string; requiredDone: string; done: string; started: string; deadline: string },
): string {
  const header = [labels.name, ...overview.items.map((i) => i.title), labels.requiredDone, labels.deadline];
  const lines = overview.rows.map((row) => [
    row.displayName,
    ...row.cells.map((c) => (c === 'done' ? labels.done : c === 'started' ? labels.started : '')),
    `${row.requiredDone}/${overview.requiredTotal}`,
    // Only a personal deadline: the period's own is in the file's name and the plan.
    row.deadline.source === 'none' ? '' : row.deadline.deadline,
  ]);
  return excelCsv([header, ...lines]);
}

export interface ScaleAssessment {
  scale: Scale;
  /** Average per area, of each member's latest result of the phase on this scale. */
  start: Record<string, number>;
  end: Record<string, number>;
  startCount: number;
  endCount: number;
}

/**
 * The team's averages, one set per scale: a result on 1–5 and one on 1–7 are never averaged
 * together (nothing is converted), so a team that moved to the seven-point test sees each apart.
 */
export interface TeamAssessment {
  /** Seven points first; empty when no member shared a result. */
  scales: ScaleAssessment[];
}

export function teamAssessment(members: readonly MemberFile[]): TeamAssessment {
  const phase = (which: Phase, scale: Scale) => {
    const latest = members.flatMap((m) => {
      const result = latestOfPhase(m.selfAssessments.filter((a) => a.scores), which);
      // The schema refuses a file with a score off the scale; a result that still has one (a
      // file read some other way) is left out whole rather than pulling the average.
      if (!result?.scores || result.scale !== scale) return [];
      return Object.values(result.scores).every((v) => isOnScale(v, scale)) ? [result.scores] : [];
    });
    const averages: Record<string, number> = {};
    for (const area of ASSESSMENT_AREAS) {
      const values = latest.flatMap((s) => (s[area] === undefined ? [] : [s[area]]));
      if (values.length) averages[area] = Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
    }
    return { averages, count: latest.length };
  };
  const scales = [...SCALES].reverse().flatMap((scale) => {
    const start = phase('start', scale);
    const end = phase('end', scale);
    return start.count + end.count === 0 ? [] : [{ scale, start: start.averages, end: end.averages, startCount: start.count, endCount: end.count }];
  });
  return { scales };
}
