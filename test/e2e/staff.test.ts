import { after, before, describe } from 'node:test';
import { staffScenario } from '../scenarios/staff';
import { chromiumDriver } from './driver';

// The staff flows of test/scenarios/staff.ts in Chromium; test/firefox/staff.test.ts runs the
// same steps in Firefox ESR.

describe('staff flows in Chromium (shared scenario)', () => {
  let driver: Awaited<ReturnType<typeof chromiumDriver>>;
  before(async () => {
    driver = await chromiumDriver();
  });
  after(() => driver?.browser.close());
  staffScenario(() => driver);
});
