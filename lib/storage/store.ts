import { openDB, unwrap, wrap, type DBSchema, type IDBPDatabase } from 'idb';
import type { CourseKey } from '../site/course-key';
import type { Note } from '../model/note';
import type { Signup } from '../model/member';
import type { SelfAssessmentRecord } from '../model/self-assessment';
import type { SyncState } from '../model/results';
import type { CachedMemberFile, MemberCopy, PlanChanges, PlanFetchState, StoredDraft, StoredPlan, StoredSigningKey, TrustState } from '../model/stored';
import type { ProgressRecord } from '../model/progress';
import type { Evaluation } from '../model/evaluation';
import type { PersonalExtension } from '../model/extension';
import type { CatalogueEntry } from '../model/catalogue';

// The extension's own IndexedDB. Only extension pages and the background open it; content
// scripts run in Digiteket's origin and ask the background instead.

export const DB_NAME = 'kurskompis';
export const DB_VERSION = 6;

interface KurskompisDB extends DBSchema {
  plans: { key: 'active'; value: StoredPlan };
  progress: { key: string; value: ProgressRecord };
  state:
    | { key: 'planFetch'; value: PlanFetchState }
    | { key: 'planChanges'; value: PlanChanges }
    | { key: 'draft'; value: StoredDraft }
    | { key: 'sync'; value: SyncState }
    | { key: 'trust'; value: TrustState }
    | { key: 'signingKey'; value: StoredSigningKey }
    | { key: 'memberCopy'; value: MemberCopy };
  notes: { key: string; value: Note; indexes: { byCourse: string; byCreated: string } };
  signups: { key: string; value: Signup };
  assessments: { key: string; value: SelfAssessmentRecord };
  /** One per period and course (compound key `[periodId, courseKey]`). */
  evaluations: { key: [string, string]; value: Evaluation };
  /** The member's own personal deadlines, one per period. */
  extensions: { key: string; value: PersonalExtension };
  catalogue: { key: string; value: CatalogueEntry };
  /** The team's member files as last read (key: the folder's base and the file's name). */
  memberFiles: { key: [string, string]; value: CachedMemberFile & { base: string } };
}

export type Database = IDBPDatabase<KurskompisDB>;

export interface PopupData {
  stored: StoredPlan | undefined;
  progress: Map<CourseKey, ProgressRecord>;
  changes: PlanChanges | undefined;
  state: SyncState | undefined;
  signups: Signup[];
  own: PersonalExtension[];
}

export function openDatabase(name = DB_NAME): Promise<Database> {
  return openDB<KurskompisDB>(name, DB_VERSION, {
    // A newer version of Kurskompis (an update) wants to upgrade the schema: this connection
    // steps aside at once, so an open page never stalls the upgrade. The page is out of date
    // then and is replaced by the browser with the new version.
    blocking(_currentVersion, _blockedVersion, event) {
      (event.target as IDBDatabase).close();
    },
    upgrade(db, oldVersion) {
      // One step per schema version, so a database from any earlier version is carried forward.
      if (oldVersion < 1) {
        db.createObjectStore('plans');
        db.createObjectStore('progress', { keyPath: 'courseKey' });
        db.createObjectStore('state');
      }
      if (oldVersion < 2) {
        const notes = db.createObjectStore('notes', { keyPath: 'id' });
        notes.createIndex('byCourse', 'courseKey');
        notes.createIndex('byCreated', 'createdAt');
      }
      if (oldVersion < 3) {
        db.createObjectStore('signups', { keyPath: 'sessionId' });
      }
      if (oldVersion < 4) {
        db.createObjectStore('assessments', { keyPath: 'phase' });
      }
      if (oldVersion < 5) {
        db.createObjectStore('evaluations', { keyPath: ['periodId', 'courseKey'] });
        db.createObjectStore('extensions', { keyPath: 'periodId' });
        db.createObjectStore('catalogue', { keyPath: 'key' });
      }
      if (oldVersion < 6) {
        db.createObjectStore('memberFiles', { keyPath: ['base', 'name'] });
      }
    },
  });
}

/**
 * Reading what is stored. Extension pages get only this (`openReader`): every change goes
 * through the worker, which owns the writes, so pages never race it or each other.
 */
export class StoreReader {
  constructor(protected readonly db: Database) {}

  /**
   * What the popup shows, read in one transaction: each transaction is a round trip to the
   * browser's database process, and the popup waits for the slowest of them.
   */
  async popupData(): Promise<PopupData> {
    const tx = this.db.transaction(['plans', 'progress', 'state', 'signups', 'extensions']);
    const [stored, records, changes, state, signups, own] = await Promise.all([
      tx.objectStore('plans').get('active'),
      tx.objectStore('progress').getAll(),
      tx.objectStore('state').get('planChanges') as Promise<PlanChanges | undefined>,
      tx.objectStore('state').get('sync') as Promise<SyncState | undefined>,
      tx.objectStore('signups').getAll(),
      tx.objectStore('extensions').getAll(),
      tx.done,
    ]);
    return { stored, progress: new Map(records.map((r) => [r.courseKey, r])), changes, state, signups, own };
  }

  activePlan(): Promise<StoredPlan | undefined> {
    return this.db.get('plans', 'active');
  }

  async progress(): Promise<Map<CourseKey, ProgressRecord>> {
    const records = await this.db.getAll('progress');
    return new Map(records.map((r) => [r.courseKey, r]));
  }

  progressOf(key: CourseKey): Promise<ProgressRecord | undefined> {
    return this.db.get('progress', key);
  }

  planFetch(): Promise<PlanFetchState | undefined> {
    return this.db.get('state', 'planFetch') as Promise<PlanFetchState | undefined>;
  }

  planChanges(): Promise<PlanChanges | undefined> {
    return this.db.get('state', 'planChanges') as Promise<PlanChanges | undefined>;
  }

  draft(): Promise<StoredDraft | undefined> {
    return this.db.get('state', 'draft') as Promise<StoredDraft | undefined>;
  }

  syncState(): Promise<SyncState | undefined> {
    return this.db.get('state', 'sync') as Promise<SyncState | undefined>;
  }

  signups(): Promise<Signup[]> {
    return this.db.getAll('signups');
  }

  /** Whose signature the team's plans must carry, and the last plan refused for it. */
  trust(): Promise<TrustState | undefined> {
    return this.db.get('state', 'trust') as Promise<TrustState | undefined>;
  }

  /** This member's file as last seen in the team folder (sync-service). */
  memberCopy(): Promise<MemberCopy | undefined> {
    return this.db.get('state', 'memberCopy') as Promise<MemberCopy | undefined>;
  }

  /** The coordinator's signing key, when this browser has one. */
  signingKey(): Promise<StoredSigningKey | undefined> {
    return this.db.get('state', 'signingKey') as Promise<StoredSigningKey | undefined>;
  }

  /** Saved results, those of an earlier layout (old area names, 1–5 without a scale) upgraded as read. */
  async assessments(): Promise<SelfAssessmentRecord[]> {
    // Loaded when asked: the schema library stays out of pages that never read results (the
    // popup opens faster without it).
    const { readAssessmentRecord } = await import('../model/self-assessment');
    const records: unknown[] = await this.db.getAll('assessments');
    return records.flatMap((r) => readAssessmentRecord(r) ?? []);
  }

  evaluations(): Promise<Evaluation[]> {
    return this.db.getAll('evaluations');
  }

  evaluation(periodId: string, courseKey: CourseKey): Promise<Evaluation | undefined> {
    return this.db.get('evaluations', [periodId, courseKey]);
  }

  /** The member's own personal deadlines (granted ones are in the plan). */
  extensions(): Promise<PersonalExtension[]> {
    return this.db.getAll('extensions');
  }

  catalogue(): Promise<CatalogueEntry[]> {
    return this.db.getAll('catalogue');
  }

  notesOf(courseKey: CourseKey): Promise<Note[]> {
    return this.db.getAllFromIndex('notes', 'byCourse', courseKey);
  }

  allNotes(): Promise<Note[]> {
    return this.db.getAll('notes');
  }

  /** The newest `limit` notes that are not deleted, newest first, without reading the rest. */
  async recentNotes(limit: number): Promise<Note[]> {
    if (limit < 1) return [];
    const index = this.db.transaction('notes').store.index('byCreated');
    const native = newestFirstIndex(unwrap(index));
    if (native) {
      // One request for the newest `limit` (a cursor is a round trip per step: 100 notes took
      // ~20 ms that way here, ~7 ms in one request); more only when some of those are deleted.
      for (let count = limit; ; count *= 2) {
        const newest = await wrap(native.getAll({ query: null, count, direction: 'prev' }));
        const found = newest.filter((n) => !n.deleted);
        if (found.length >= limit || newest.length < count) return found.slice(0, limit);
      }
    }
    const found: Note[] = [];
    let cursor = await index.openCursor(null, 'prev');
    while (cursor && found.length < limit) {
      if (!cursor.value.deleted) found.push(cursor.value);
      cursor = await cursor.continue();
    }
    return found;
  }

  note(id: string): Promise<Note | undefined> {
    return this.db.get('notes', id);
  }
}

/** `getAll` with a direction and a count (Chromium 141+; where `getAllRecords` is, so is it). */
interface NewestFirstIndex {
  getAll(options: { query: IDBKeyRange | null; count: number; direction: IDBCursorDirection }): IDBRequest<Note[]>;
}

function newestFirstIndex(index: IDBIndex): NewestFirstIndex | undefined {
  return 'getAllRecords' in index ? (index as unknown as NewestFirstIndex) : undefined;
}

/** Reading and writing: the worker's, and the tests'. */
export class Store extends StoreReader {
  async setActivePlan(stored: StoredPlan): Promise<void> {
    await this.db.put('plans', stored, 'active');
  }

  async putProgress(records: readonly ProgressRecord[]): Promise<void> {
    const tx = this.db.transaction('progress', 'readwrite');
    await Promise.all([...records.map((r) => tx.store.put(r)), tx.done]);
  }

  async setPlanChanges(changes: PlanChanges | null): Promise<void> {
    if (changes) await this.db.put('state', changes, 'planChanges');
    else await this.db.delete('state', 'planChanges');
  }

  async setDraft(draft: StoredDraft): Promise<void> {
    await this.db.put('state', draft, 'draft');
  }

  async setSyncState(state: SyncState | null): Promise<void> {
    if (state) await this.db.put('state', state, 'sync');
    else await this.db.delete('state', 'sync');
  }

  async setTrust(state: TrustState | null): Promise<void> {
    if (state) await this.db.put('state', state, 'trust');
    else await this.db.delete('state', 'trust');
  }

  /** The member files last read from the folder at `base` (another folder's are dropped). */
  async cachedMemberFiles(base: string): Promise<CachedMemberFile[]> {
    const all = await this.db.getAll('memberFiles');
    const others = all.filter((entry) => entry.base !== base);
    if (others.length) {
      const tx = this.db.transaction('memberFiles', 'readwrite');
      await Promise.all([...others.map((entry) => tx.store.delete([entry.base, entry.name])), tx.done]);
    }
    return all.filter((entry) => entry.base === base).map(({ base: _base, ...entry }) => entry);
  }

  async putCachedMemberFiles(base: string, changed: readonly CachedMemberFile[], gone: readonly string[]): Promise<void> {
    if (changed.length + gone.length === 0) return;
    const tx = this.db.transaction('memberFiles', 'readwrite');
    await Promise.all([...changed.map((entry) => tx.store.put({ ...entry, base })), ...gone.map((name) => tx.store.delete([base, name])), tx.done]);
  }

  async setMemberCopy(copy: MemberCopy | null): Promise<void> {
    if (copy) await this.db.put('state', copy, 'memberCopy');
    else await this.db.delete('state', 'memberCopy');
  }

  async setSigningKey(key: StoredSigningKey): Promise<void> {
    await this.db.put('state', key, 'signingKey');
  }

  async putSignups(signups: readonly Signup[]): Promise<void> {
    const tx = this.db.transaction('signups', 'readwrite');
    await Promise.all([...signups.map((s) => tx.store.put(s)), tx.done]);
  }

  async putAssessment(record: SelfAssessmentRecord): Promise<void> {
    await this.db.put('assessments', record);
  }

  async putEvaluations(evaluations: readonly Evaluation[]): Promise<void> {
    const tx = this.db.transaction('evaluations', 'readwrite');
    await Promise.all([...evaluations.map((e) => tx.store.put(e)), tx.done]);
  }

  async putExtensions(extensions: readonly PersonalExtension[]): Promise<void> {
    const tx = this.db.transaction('extensions', 'readwrite');
    await Promise.all([...extensions.map((e) => tx.store.put(e)), tx.done]);
  }

  async putCatalogue(entries: readonly CatalogueEntry[]): Promise<void> {
    const tx = this.db.transaction('catalogue', 'readwrite');
    await Promise.all([...entries.map((e) => tx.store.put(e)), tx.done]);
  }

  async setPlanFetch(state: PlanFetchState): Promise<void> {
    await this.db.put('state', state, 'planFetch');
  }

  async putNotes(notes: readonly Note[]): Promise<void> {
    const tx = this.db.transaction('notes', 'readwrite');
    await Promise.all([...notes.map((n) => tx.store.put(n)), tx.done]);
  }
}

/** What an extension page may do with the database: read. */
export async function openReader(name = DB_NAME): Promise<StoreReader> {
  return new StoreReader(await openDatabase(name));
}
