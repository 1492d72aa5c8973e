import { defineConfig } from '@playwright/test';
import { electronBinary } from './electron-binary';

/**
 * The Electron suite: `npx playwright test -c tests/electron/electron.config.ts`. It drives the
 * real, unfused dev build through `_electron.launch`. Without an Electron binary every test is
 * reported as skipped, with the reason below — never as passed.
 */
if (!electronBinary.found) console.warn(`[electron suite] SKIPPED: ${electronBinary.reason}`);

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  globalSetup: './global-setup.ts',
  globalTeardown: './global-teardown.ts',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  outputDir: '../../test-results/electron',
  reporter: [['list'], ['json', { outputFile: '../../test-results/electron-results.json' }]],
});
