import { z } from 'zod';
import { folderAddress, type FolderAddress } from './address';

// Membership of a team folder, kept in the extension's local storage (never synced by the
// browser). The password stays on this computer and is sent only to the folder's own address.

export const teamSettingsSchema = z.object({
  /** What the user pasted: a WebDAV folder or a share link. */
  url: z.string().min(1).max(2000),
  username: z.string().max(200).default(''),
  password: z.string().max(500).default(''),
  memberId: z.string().min(8).max(100).regex(/^[A-Za-z0-9-]+$/),
  displayName: z.string().trim().min(1).max(100),
  shareProgress: z.boolean(),
  shareNotes: z.boolean(),
  /**
   * The key that seals this member's file (lib/sync/member-seal.ts), made at joining and kept
   * like the password. Optional only because memberships from before sealing lack it; the
   * worker gives them one on first reading.
   */
  sealKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/).optional(),
});

export type TeamSettings = z.infer<typeof teamSettingsSchema>;

export function parseTeamSettings(raw: unknown): TeamSettings | null {
  const parsed = teamSettingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** The folder's WebDAV address with this member's sign-in, or null when the address is not one. */
export function folderOf(settings: TeamSettings): FolderAddress | null {
  return folderAddress(settings.url, { username: settings.username, password: settings.password });
}

/** What the settings page sends to join a folder. */
export interface TeamJoin {
  url: string;
  username: string;
  password: string;
  displayName: string;
  shareProgress: boolean;
  shareNotes: boolean;
}
