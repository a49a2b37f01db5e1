import { after, before, describe } from 'node:test';
import { staffScenario } from '../scenarios/staff';
import { firefoxDriver } from './harness';

// The staff flows of test/scenarios/staff.ts in Firefox ESR; test/e2e/staff.test.ts runs the
// same steps in Chromium.

describe('staff flows in Firefox (shared scenario)', () => {
  let driver: Awaited<ReturnType<typeof firefoxDriver>>;
  before(async () => {
    driver = await firefoxDriver();
  });
  after(() => driver?.firefox.close());
  staffScenario(() => driver);
});
