import { describe, expect, it } from 'vitest';
import { TEAM_DATA_COLLECTION, teamPermissionRequest } from '../../entrypoints/options/data-consent';

describe('what joining a team folder asks Firefox for', () => {
  it('asks for the name always, and progress and notes only when they are shared', () => {
    expect(teamPermissionRequest('https://moln.example.se/*', { shareProgress: false, shareNotes: false }, true)).toEqual({
      origins: ['https://moln.example.se/*'],
      data_collection: ['personallyIdentifyingInfo'],
    });
    expect(teamPermissionRequest(null, { shareProgress: true, shareNotes: true }, true)).toEqual({
      data_collection: ['personallyIdentifyingInfo', 'browsingActivity', 'personalCommunications'],
    });
  });

  it('asks Chromium for the folder’s origin only', () => {
    expect(teamPermissionRequest('https://moln.example.se/*', { shareProgress: true, shareNotes: true }, false)).toEqual({ origins: ['https://moln.example.se/*'] });
  });

  it('asks only for kinds the manifest declares as optional', async () => {
    const config = (await import('../../wxt.config')).default as { manifest: (env: { browser: string }) => { browser_specific_settings?: { gecko?: { data_collection_permissions?: { required: string[]; optional?: string[] } } } } };
    const declared = config.manifest({ browser: 'firefox' }).browser_specific_settings?.gecko?.data_collection_permissions;
    expect(declared?.required).toEqual(['none']);
    expect([...(declared?.optional ?? [])].sort()).toEqual([...TEAM_DATA_COLLECTION].sort());
  });
});
