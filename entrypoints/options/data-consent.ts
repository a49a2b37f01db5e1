// What joining a team folder sends to a server the user chose, named in Firefox's terms for
// data leaving the browser (data_collection_permissions in wxt.config.ts). Nothing is sent
// anywhere before the user joins, so nothing is asked at install; each kind is asked for at the
// moment the user starts sharing it, together with the folder's host permission.

/** The member's display name goes with every member file. */
const NAME = 'personallyIdentifyingInfo';
/** Which Digiteket courses the member started and finished, and self-assessment results. */
const PROGRESS = 'browsingActivity';
/** Notes the member shares with colleagues for the discussion. */
const NOTES = 'personalCommunications';

export const TEAM_DATA_COLLECTION = [NAME, PROGRESS, NOTES] as const;

export interface Sharing {
  shareProgress: boolean;
  shareNotes: boolean;
}

/** The data kinds a membership with these choices sends. */
export function dataSent(sharing: Sharing): string[] {
  return [NAME, ...(sharing.shareProgress ? [PROGRESS] : []), ...(sharing.shareNotes ? [NOTES] : [])];
}

/**
 * The permission request for joining (or for sharing more): the folder's origin, and in Firefox
 * the data kinds. Chromium has no such permission and would refuse the unknown key.
 */
export function teamPermissionRequest(origin: string | null, sharing: Sharing, firefox: boolean): { origins?: string[]; data_collection?: string[] } {
  return { ...(origin ? { origins: [origin] } : {}), ...(firefox ? { data_collection: dataSent(sharing) } : {}) };
}
