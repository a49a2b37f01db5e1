import { describe, expect, it } from 'vitest';
import { NO_MANAGED, parseManaged, readManaged } from '../../lib/folder/managed';

describe('settings preset by policy', () => {
  it('takes an https plan address and a team folder address', () => {
    expect(parseManaged({ planUrl: ' https://intranat.example.se/plan.json ', teamFolderUrl: 'https://moln.example.se/s/AbC123' })).toEqual({
      planUrl: 'https://intranat.example.se/plan.json',
      teamFolderUrl: 'https://moln.example.se/s/AbC123',
    });
  });

  it('ignores a broken value without losing the good one beside it', () => {
    expect(parseManaged({ planUrl: 'http://intranat.example.se/plan.json', teamFolderUrl: 'https://moln.example.se/dav/' })).toEqual({
      planUrl: null,
      teamFolderUrl: 'https://moln.example.se/dav/',
    });
    expect(parseManaged({ planUrl: 'https://intranat.example.se/plan.json', teamFolderUrl: 'javascript:alert(1)' })).toEqual({
      planUrl: 'https://intranat.example.se/plan.json',
      teamFolderUrl: null,
    });
    // Plain http only to this computer: a password must not cross a network in the clear.
    expect(parseManaged({ teamFolderUrl: 'http://moln.example.se/dav/' }).teamFolderUrl).toBeNull();
    expect(parseManaged({ planUrl: 42, teamFolderUrl: ['x'] })).toEqual(NO_MANAGED);
    expect(parseManaged({ planUrl: `https://a.se/${'x'.repeat(3000)}` }).planUrl).toBeNull();
  });

  it('has nothing when there is no policy or no managed storage', async () => {
    expect(parseManaged(undefined)).toEqual(NO_MANAGED);
    expect(parseManaged('planUrl=https://a.se')).toEqual(NO_MANAGED);
    expect(await readManaged(() => Promise.reject(new Error('Managed storage manifest not found')))).toEqual(NO_MANAGED);
  });
});
