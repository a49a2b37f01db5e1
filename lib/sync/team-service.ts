import type { SyncService } from './sync-service';
import { parseTeamSettings, type TeamJoin, type TeamSettings } from '../folder/team-settings';
import { folderErrorKey, type JoinResult, type SyncState } from '../model/results';
import { folderAddress, isSafeFolder } from '../folder/address';
import { newSealKey } from './member-seal';

// Joining and leaving a team folder, and changing what is shared. A folder is joined only
// once a first sync has gone through, so a mistyped address or password is said at once; a
// first sync that fails in any way (a server error or a slow answer too: the user is there to
// read why and try again) leaves nothing: the settings as they were, no sync state and, as far
// as the folder lets, no member file.

export interface TeamDeps {
  read: () => Promise<unknown>;
  write: (settings: TeamSettings | null) => Promise<void>;
  sync: SyncService;
  clearState: () => Promise<void>;
  newId?: () => string;
  newKey?: () => string;
}

export class TeamService {
  constructor(private readonly deps: TeamDeps) {}

  async settings(): Promise<TeamSettings | null> {
    return parseTeamSettings(await this.deps.read());
  }

  async join(request: TeamJoin, now: Date = new Date()): Promise<JoinResult> {
    const address = folderAddress(request.url, { username: request.username, password: request.password });
    if (!address) return { ok: false, error: 'teamError_badAddress' };
    if (!isSafeFolder(address.base)) return { ok: false, error: 'teamError_insecure' };
    const previous = await this.settings();
    const sameFolder = previous && folderAddress(previous.url)?.base === address.base;
    const settings = parseTeamSettings({
      url: request.url.trim(),
      username: request.username.trim(),
      password: request.password,
      memberId: sameFolder ? previous.memberId : (this.deps.newId ?? (() => crypto.randomUUID()))(),
      sealKey: (sameFolder ? previous.sealKey : undefined) ?? (this.deps.newKey ?? newSealKey)(),
      displayName: request.displayName,
      shareProgress: request.shareProgress,
      shareNotes: request.shareNotes,
    });
    if (!settings) return { ok: false, error: 'teamError_badAddress' };
    await this.deps.write(settings);
    // Fresh: a sync that began before the settings were written would answer for the old ones.
    const state = await this.deps.sync.sync(now, { joining: true, fresh: true }).catch(() => null);
    if (!state || state.error) {
      await this.deps.write(previous);
      await this.deps.clearState();
      return { ok: false, error: folderErrorKey(state?.error ?? 'failed') };
    }
    return { ok: true, state };
  }

  async leave(): Promise<void> {
    await this.deps.write(null);
    await this.deps.clearState();
  }

  async setSharing(patch: { shareProgress: boolean; shareNotes: boolean; displayName: string }, now: Date = new Date()): Promise<SyncState | null> {
    const current = await this.settings();
    if (!current) return null;
    const next = parseTeamSettings({ ...current, ...patch });
    if (!next) return null;
    await this.deps.write(next);
    // A sync already running read the settings as they were: this one must read them anew.
    return this.deps.sync.sync(now, { fresh: true });
  }
}
