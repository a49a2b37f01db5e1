import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newInstallPermissions } from '../support/released-permissions';
import { EXTENSION_DIR } from './harness';

describe('the Chromium build', () => {
  it('asks at install for no permission and no site the last release did not', () => {
    assert.deepEqual(newInstallPermissions(EXTENSION_DIR), { permissions: [], hosts: [] });
  });
});
