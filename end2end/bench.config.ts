import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// `cargo xtask bench` (and its smoke in `cargo xtask test`): the figures of bench/, one at a
// time in one worker so that they do not compete for the machine's two cores.
export default defineConfig({
  ...base,
  testDir: './bench',
  timeout: 30 * 60_000,
  workers: 1,
  fullyParallel: false,
  // The table figures time operations given as code strings (`new Function`), which the built
  // site's Content-Security-Policy rightly refuses; the journeys check that policy.
  use: { ...base.use, bypassCSP: true },
});
