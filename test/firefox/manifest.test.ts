import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { newInstallPermissions } from '../support/released-permissions';

describe('the Firefox build', () => {
  it('asks at install for no permission and no site the last release did not', () => {
    assert.deepEqual(newInstallPermissions(resolve('.output/firefox-mv3')), { permissions: [], hosts: [] });
  });
});
