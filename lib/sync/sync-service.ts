import { dequal } from 'dequal/lite';
import { PLAN_MAX_BYTES } from '../model/limits';
import { MEMBER_KIND, MEMBER_VERSION, parseMemberText, type MemberFile, type SharedNote } from '../model/member';
import type { Note } from '../model/note';
import { evaluationId } from '../model/evaluation';
import type { PlanService } from '../services/plan-service';
import type { Store } from '../storage/store';
import { mergeById } from '../domain/merge';
import { MEMBERS_DIR, memberPath, PLAN_FILE } from '../folder/layout';
import { mergeMembers, sameContent } from './member-merge';
import { isSealedBy, sealMember } from './member-seal';
import { folderErrorKey, type FolderErrorKey, type ReadResult, type SyncState } from '../model/results';
import { retryDelayMs } from './retry';
import { folderOf, type TeamSettings } from '../folder/team-settings';
import { folderAddress } from '../folder/address';
import { FolderFailure, WebDavClient } from './webdav';

// One sync with the team folder: the plan comes down (with its ETag), this member's file goes
// up (GET → merge → PUT with If-Match, or If-None-Match: * to create; on 412 start again, a
// bounded number of times). Whatever fails, in whatever step, the failure is recorded with its
// reason, everything stays here and the next try is planned: a sync never ends unrecorded.

const MAX_ATTEMPTS = 5;
const SIGNUP_COUNTS_MS = 60 * 60 * 1000;
/** How long a warning that someone else wrote this member's file stays after it was last seen. */
const MEMBER_WARNING_MS = 24 * 60 * 60 * 1000;

export interface SyncDeps {
  store: Store;
  plans: PlanService;
  fetch: typeof fetch;
  settings: () => Promise<TeamSettings | null>;
  onChange: () => void | Promise<void>;
  /** After every sync that had settings, with the state it ended in (the worker plans its retry alarm from it). */
  afterSync?: (state: SyncState) => void | Promise<void>;
  random?: () => number;
  /** Pause before writing again after a 412; a weak ETag needs about a second to turn strong. */
  pause?: (attempt: number) => Promise<void>;
  timeoutMs?: number;
  /** The team's member files (cached by ETag), for counting sign-ups; none, no counts. */
  readMembers?: () => Promise<ReadResult>;
}

/** What plan.json answered, read but not yet put in force. */
type PlanAnswer = { kind: 'same' } | { kind: 'missing' } | { kind: 'tooLarge' } | { kind: 'text'; text: string; etag: string | null };

/** The member file this sync created, so that a failed join can take it back. */
type Created = { path: string; etag: string | null };

function clientFor(settings: TeamSettings, deps: SyncDeps): WebDavClient {
  const address = folderOf(settings);
  if (!address) throw new FolderFailure('notFolder');
  return new WebDavClient(address, deps.fetch, deps.timeoutMs);
}

function sharedNoteOf(note: Note): SharedNote {
  return {
    id: note.id,
    courseKey: note.courseKey,
    ...(note.courseTitle ? { courseTitle: note.courseTitle } : {}),
    text: note.text,
    updatedAt: note.updatedAt,
  };
}

export class SyncService {
  private running: Promise<SyncState | null> | null = null;

  constructor(private readonly deps: SyncDeps) {}

  /**
   * One sync now (a second call while one runs waits for it). `joining`: the first sync of a
   * join; if it fails, the member file it created is taken out of the folder again. `fresh`:
   * the settings just changed, so a sync already running (it read them as they were) is waited
   * for and another one run.
   */
  sync(now: Date = new Date(), options: { joining?: boolean; asked?: boolean; looking?: boolean; fresh?: boolean } = {}): Promise<SyncState | null> {
    const { fresh, ...rest } = options;
    if (fresh && this.running) return this.running.catch(() => null).then(() => this.sync(now, rest));
    this.running ??= this.run(now, options.joining === true, options.asked === true, options.looking === true).finally(() => (this.running = null));
    return this.running;
  }

  /**
   * The member opened the popup, where places left are shown: a sync that counts them, if a
   * session with places is near and the counts are over an hour old. Null when none was due.
   */
  async lookAtSignups(now: Date = new Date()): Promise<SyncState | null> {
    const state = await this.deps.store.syncState().catch(() => undefined);
    if (!state || !(await this.signupCountsWanted(state, false, true, now))) return null;
    return this.sync(now, { looking: true });
  }

  /**
   * `asked`: the member asked for this sync ("Synka nu"), so everything is read afresh.
   * `looking`: the member is looking at the places left (lookAtSignups).
   */
  private async run(now: Date, joining: boolean, asked = false, looking = false): Promise<SyncState | null> {
    const settings = await this.deps.settings().catch(() => null);
    if (!settings) return null;
    const address = folderAddress(settings.url);
    const previous = await this.deps.store.syncState().catch(() => undefined);
    let state: SyncState =
      previous && address && previous.base === address.base ? previous : { base: address?.base ?? settings.url, failures: 0 };
    state = { ...state, lastTryAt: now.toISOString() };
    let client: WebDavClient | null = null;
    let created: Created | null = null;
    try {
      client = clientFor(settings, this.deps);
      // The plan is read first but put in force last: a sync (a join above all) that fails on
      // the way leaves the plan in force as it was.
      const plan = await this.readPlan(client, state);
      const pushed = await this.pushMember(client, settings, state, now);
      state = pushed.state;
      created = pushed.created;
      const signupCounts = asked || (await this.signupCountsWanted(state, pushed.signupsChanged, looking, now)) ? await this.countSignups() : undefined;
      const etagBefore = state.planEtag;
      state = await this.installPlan(client, plan, state, now);
      // A plan refused again (unsigned, broken) is nothing new: only one put in force counts.
      const planChanged = plan.kind === 'text' && state.planEtag !== etagBefore;
      const changed = pushed.changed || planChanged || (signupCounts !== undefined && !sameCounts(signupCounts, state.signupCounts));
      state = {
        ...state,
        ...(signupCounts ? { signupCounts, signupCountsAt: now.toISOString() } : {}),
        lastOkAt: now.toISOString(),
        failures: 0,
        // Looks in a row that found nothing new either way: the next routine look waits longer (lib/time/sync-schedule.ts).
        quietSyncs: changed ? 0 : (state.quietSyncs ?? 0) + 1,
      };
      delete state.error;
      delete state.nextTryAt;
    } catch (error) {
      // A folder failure has its reason; anything else (a body that broke the parser, the
      // database refusing a write) is still a failure to tell and to try again, never a throw
      // that leaves the last "Synkat" standing.
      const reason = error instanceof FolderFailure ? error.reason : 'failed';
      if (joining && client && created) await client.remove(created.path, created.etag).catch(() => undefined);
      const failures = state.failures + 1;
      state = {
        ...state,
        error: reason,
        failures,
        nextTryAt: new Date(now.getTime() + retryDelayMs(failures, this.deps.random)).toISOString(),
      };
    }
    // A state that cannot be stored still goes to the worker, which plans the retry from it.
    await this.deps.store.setSyncState(state).catch(() => undefined);
    await Promise.resolve()
      .then(() => this.deps.onChange())
      .catch(() => undefined);
    await Promise.resolve()
      .then(() => this.deps.afterSync?.(state))
      .catch(() => undefined);
    return state;
  }

  private async readPlan(client: WebDavClient, state: SyncState): Promise<PlanAnswer> {
    const active = await this.deps.store.activePlan();
    const haveCopy = active?.source.kind === 'folder' && active.source.url === client.base;
    const answer = await client.get(PLAN_FILE, haveCopy ? state.planEtag : undefined, PLAN_MAX_BYTES);
    if (answer.status === 'tooLarge') return { kind: 'tooLarge' };
    if (answer.status === 'missing') return { kind: 'missing' };
    if (answer.status !== 'ok') return { kind: 'same' };
    // Some servers answer 200 rather than 304; the same ETag still means the same plan.
    if (haveCopy && answer.etag && answer.etag === state.planEtag) return { kind: 'same' };
    return { kind: 'text', text: answer.text, etag: answer.etag };
  }

  private async installPlan(client: WebDavClient, answer: PlanAnswer, state: SyncState, now: Date): Promise<SyncState> {
    if (answer.kind === 'same') return state;
    if (answer.kind !== 'text') return { ...state, planProblem: answer.kind === 'tooLarge' };
    const result = await this.deps.plans.loadText(answer.text, { kind: 'folder', url: client.base }, now);
    if (!result.ok) return { ...state, planProblem: true };
    const next: SyncState = { ...state, planProblem: false };
    if (answer.etag) next.planEtag = answer.etag;
    else delete next.planEtag;
    return next;
  }

  /**
   * Whether to read every member file for the sign-up counts: only while a session with a
   * capacity is ahead (the counts show places left), and then only when this member's own
   * sign-ups just changed or the member is looking at the places (at most hourly). In a region
   * of 1,000 members the listing alone is almost 300 kilobytes, and a member's first count
   * reads every file: a routine look in the background never counts.
   */
  private async signupCountsWanted(state: SyncState, signedUp: boolean, looking: boolean, now: Date): Promise<boolean> {
    if (!signedUp && !looking) return false;
    const active = await this.deps.store.activePlan().catch(() => undefined);
    const ahead = active?.plan.periods.some((p) => p.sessions.some((s) => s.capacity !== undefined && Date.parse(s.starts) > now.getTime())) ?? false;
    if (!ahead) return false;
    if (signedUp || !state.signupCountsAt || !state.signupCounts) return true;
    return now.getTime() - Date.parse(state.signupCountsAt) >= SIGNUP_COUNTS_MS;
  }

  /** How many have signed up for each session, from every readable member file. */
  private async countSignups(): Promise<Record<string, number> | undefined> {
    if (!this.deps.readMembers) return undefined;
    const reading = await this.deps.readMembers();
    // A reading the coordinator stopped is only part of the team: no count from it.
    if (!reading.ok || reading.unread) return undefined;
    const counts: Record<string, number> = {};
    for (const member of reading.members) {
      for (const signup of member.signups) if (!signup.cancelled) counts[signup.sessionId] = (counts[signup.sessionId] ?? 0) + 1;
    }
    return counts;
  }

  /** This member's file as this browser sees it; notes named in `published` but now private become tombstones. */
  private async localMember(settings: TeamSettings, published: ReadonlySet<string>, now: Date): Promise<MemberFile> {
    const [progress, notes, signups, active, assessments, evaluations, extensions] = await Promise.all([
      this.deps.store.progress(),
      this.deps.store.allNotes(),
      this.deps.store.signups(),
      this.deps.store.activePlan(),
      this.deps.store.assessments(),
      this.deps.store.evaluations(),
      this.deps.store.extensions(),
    ]);
    const sharedNotes: SharedNote[] = [];
    for (const note of notes) {
      if (settings.shareNotes && note.shared && !note.deleted) sharedNotes.push(sharedNoteOf(note));
      // Only a note that is in the folder already gets a tombstone: a private note's very
      // existence never leaves the browser.
      else if (published.has(note.id)) sharedNotes.push({ id: note.id, courseKey: note.courseKey, text: '', updatedAt: note.updatedAt, deleted: true });
    }
    return {
      kind: MEMBER_KIND,
      version: MEMBER_VERSION,
      memberId: settings.memberId,
      ...(active ? { teamId: active.plan.team.id } : {}),
      displayName: settings.displayName,
      updatedAt: now.toISOString(),
      progress: settings.shareProgress
        ? [...progress.values()].map((r) => ({
            courseKey: r.courseKey,
            status: r.status,
            ...(r.completedAt ? { completedAt: r.completedAt } : {}),
            updatedAt: r.updatedAt,
          }))
        : [],
      sharedNotes,
      signups,
      // Results are progress: shared only when progress is.
      selfAssessments: settings.shareProgress ? assessments.map((a) => ({ phase: a.phase, takenAt: a.takenAt, scale: a.scale, scores: a.scores })) : [],
      // An evaluation is written for the coordinator: saving it is sharing it.
      evaluations,
      // A personal deadline says how the member is getting on: shared with progress.
      extensions: settings.shareProgress ? extensions : [],
    };
  }

  /**
   * This member's file, merged with the folder's copy when that copy is this member's own.
   *
   * A copy under this member's name that the membership did not seal was written by someone
   * else (a colleague, anyone with the share link). Nothing of it is taken: its records could
   * mark courses done, add notes pointing anywhere or sign the member up. This browser holds
   * everything the member shares, so the file is written again from what is here (replacing
   * the foreign copy, with If-Match on it) and the state says so, with the time, until a day
   * after it was last seen: the member should know, and tell the team, but a file put right
   * again needs no lasting alarm. Only the foreign copy's note ids are used, to write
   * tombstones for notes this browser has made private: ids carry no text, and a foreign id
   * matches no note here. A copy with no seal at all, before this browser ever sealed one
   * here, is the file an older Kurskompis wrote: replaced the same way, without a warning.
   */
  private async pushMember(
    client: WebDavClient,
    settings: TeamSettings,
    state: SyncState,
    now: Date,
  ): Promise<{ state: SyncState; created: Created | null; changed: boolean; signupsChanged: boolean }> {
    const path = memberPath(settings.memberId);
    const key = settings.sealKey;
    const store = this.deps.store;
    let copy = await store.memberCopy().catch(() => undefined);
    if (copy?.base !== client.base) copy = undefined;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      // Asked only whether it changed since this browser last wrote or read it: usually not,
      // and the answer (304) has no body.
      const answer = await client.get(path, copy?.etag);
      let remote: MemberFile | null = null;
      let fromCopy = false;
      let foreign = false;
      let published = new Set<string>();
      if (answer.status === 'notModified') {
        if (!copy) continue;
        // The folder still holds what this membership sealed there: its copy here is the file.
        remote = copy.member;
        fromCopy = true;
        published = new Set(remote.sharedNotes.filter((n) => !n.deleted).map((n) => n.id));
      } else if (answer.status === 'ok') {
        const parsed = parseMemberText(answer.text, settings.memberId);
        if (parsed.ok) published = new Set(parsed.member.sharedNotes.filter((n) => !n.deleted).map((n) => n.id));
        if (parsed.ok && key && (await isSealedBy(parsed.member, key))) remote = parsed.member;
        // A broken copy (cut off, or refused by the schema) is replaced like a foreign one.
        else foreign = state.memberSealed === true || (parsed.ok && parsed.member.seal !== undefined);
      } else if (answer.status === 'tooLarge') {
        // Never written this large here: someone else's, unless from before sealing.
        foreign = state.memberSealed === true;
      }
      const local = await this.localMember(settings, published, now);
      const applied = remote && !fromCopy ? await this.applyRemote(remote, settings) : false;
      let merged = remote ? mergeMembers(remote, local) : local;
      // What the member stopped sharing leaves the folder, whatever older copies held.
      if (!settings.shareProgress) merged = { ...merged, progress: [], selfAssessments: [], ...(merged.extensions ? { extensions: [] } : {}) };
      if (!settings.shareNotes) merged = { ...merged, sharedNotes: merged.sharedNotes.map((n) => (n.deleted ? n : { ...n, text: '', deleted: true, updatedAt: now.toISOString() })) };
      merged = { ...merged, displayName: settings.displayName, updatedAt: now.toISOString() };
      let next: SyncState = { ...state };
      if (foreign) next.memberChangedAt = now.toISOString();
      else if (remote && next.memberChangedAt && now.getTime() - Date.parse(next.memberChangedAt) > MEMBER_WARNING_MS) delete next.memberChangedAt;
      if (remote) next.memberSealed = true;
      const remoteEtag = fromCopy ? copy?.etag : answer.status === 'ok' || answer.status === 'tooLarge' ? answer.etag : null;
      if (remote && sameContent(merged, remote)) {
        if (!fromCopy && remoteEtag) await store.setMemberCopy({ base: client.base, etag: remoteEtag, member: remote }).catch(() => undefined);
        return { state: next, created: null, changed: applied, signupsChanged: false };
      }
      // Without a key (never in the worker, which gives every membership one) the file goes unsealed.
      const body = key ? await sealMember(merged, key) : merged;
      // A copy too large to read, or not this member's, is replaced like a broken one.
      const condition = answer.status === 'missing' ? ({ ifNoneMatch: '*' } as const) : remoteEtag ? { ifMatch: remoteEtag } : null;
      const put = await client.put(path, `${JSON.stringify(body, null, 1)}\n`, condition);
      if (put.status === 'ok') {
        if (key) next = { ...next, memberSealed: true };
        // Without an ETag in the answer the next sync reads the file whole, as before.
        await store.setMemberCopy(put.etag ? { base: client.base, etag: put.etag, member: body } : null).catch(() => undefined);
        const signupsChanged = !remote || !dequal(merged.signups, remote.signups);
        return { state: next, created: answer.status === 'missing' ? { path, etag: put.etag } : null, changed: true, signupsChanged };
      }
      // Someone wrote it since (another browser of this member): read it whole next time.
      copy = undefined;
      await store.setMemberCopy(null).catch(() => undefined);
      if (put.status === 'noParent') {
        await client.mkcol(MEMBERS_DIR);
        continue;
      }
      await (this.deps.pause ?? defaultPause)(attempt);
    }
    throw new FolderFailure('busy');
  }

  /**
   * Takes this member's file out of the folder, for a member who leaves for good: their name
   * and all they shared go with it. Only the copy read just before is deleted (If-Match).
   */
  async removeMember(): Promise<{ ok: true } | { ok: false; error: FolderErrorKey }> {
    const settings = await this.deps.settings().catch(() => null);
    if (!settings) return { ok: true };
    try {
      const client = clientFor(settings, this.deps);
      const path = memberPath(settings.memberId);
      const answer = await client.get(path);
      if (answer.status !== 'missing') await client.remove(path, answer.status === 'ok' || answer.status === 'tooLarge' ? answer.etag : null);
      await this.deps.store.setMemberCopy(null).catch(() => undefined);
      return { ok: true };
    } catch (error) {
      return { ok: false, error: folderErrorKey(error instanceof FolderFailure ? error.reason : 'failed') };
    }
  }

  /** Records this member wrote from another browser, newer than ours, come here too. */
  private async applyRemote(remote: MemberFile, settings: TeamSettings): Promise<boolean> {
    const store = this.deps.store;
    let applied = false;
    if (settings.shareProgress) {
      const local = await store.progress();
      const newer = mergeById([...local.values()], remote.progress, (r) => r.courseKey, (r) => r.updatedAt).changed;
      if (newer.length) {
        applied = true;
        await store.putProgress(
          newer.map((r) => ({
            ...local.get(r.courseKey),
            courseKey: r.courseKey,
            status: r.status,
            ...(r.completedAt ? { completedAt: r.completedAt } : {}),
            updatedAt: r.updatedAt,
          })),
        );
      }
    }
    if (settings.shareNotes) {
      const changed: Note[] = [];
      for (const shared of remote.sharedNotes) {
        const mine = await store.note(shared.id);
        if (mine && Date.parse(mine.updatedAt) >= Date.parse(shared.updatedAt)) continue;
        if (shared.deleted) {
          // Unshared or deleted elsewhere: here it becomes private, never lost.
          if (mine) changed.push({ ...mine, shared: false, updatedAt: shared.updatedAt });
        } else {
          changed.push({
            id: shared.id,
            courseKey: shared.courseKey,
            ...(shared.courseTitle ? { courseTitle: shared.courseTitle } : {}),
            text: shared.text,
            shared: true,
            createdAt: mine?.createdAt ?? shared.updatedAt,
            updatedAt: shared.updatedAt,
          });
        }
      }
      if (changed.length) {
        applied = true;
        await store.putNotes(changed);
      }
    }
    const newerSignups = mergeById(await store.signups(), remote.signups, (s) => s.sessionId, (s) => s.updatedAt).changed;
    if (newerSignups.length) await store.putSignups(newerSignups);
    const newerEvaluations = mergeById(await store.evaluations(), remote.evaluations ?? [], evaluationId, (e) => e.updatedAt).changed;
    if (newerEvaluations.length) await store.putEvaluations(newerEvaluations);
    const newerExtensions = settings.shareProgress ? mergeById(await store.extensions(), remote.extensions ?? [], (e) => e.periodId, (e) => e.updatedAt).changed : [];
    if (newerExtensions.length) await store.putExtensions(newerExtensions);
    return applied || newerSignups.length + newerEvaluations.length + newerExtensions.length > 0;
  }
}

function sameCounts(a: Record<string, number>, b: Record<string, number> | undefined): boolean {
  if (!b) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

function defaultPause(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 300 * 2 ** attempt + Math.random() * 300));
}
