import { defineConfig } from '@playwright/test';
import fs from 'node:fs';

/**
 * Browser: CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own Chromium
 * (`npx playwright install chromium`, which needs the internet).
 */
const executablePath = process.env.CHROMIUM_PATH ?? (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  outputDir: 'test-results/e2e',
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-results.json' }]],
  use: {
    headless: true,
    screenshot: 'only-on-failure',
    viewport: { width: 1200, height: 800 },
    launchOptions: {
      executablePath,
      // No request may leave the machine; these also stop Chromium's own background traffic.
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    },
  },
});
