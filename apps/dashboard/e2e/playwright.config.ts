import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * Browser tests drive the real built API (which serves the built dashboard) against a fresh
 * PostgreSQL database; global-setup.ts starts both. Playwright never downloads a browser on these
 * machines: the system Chromium is used.
 */
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// Fail loudly: a browser test that skips itself when the browser is missing would pass without testing anything.
if (!existsSync(chromiumPath)) {
  throw new Error(
    `Chromium was not found at ${chromiumPath}. Install it with \`sudo apt-get install -y chromium\`, ` +
      'or set CHROMIUM_PATH to the path of a Chromium or Chrome executable.',
  );
}

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../test-results',
  globalSetup: './global-setup.ts',
  // One API and one database serve the run; tests share them, so they run one after another.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    // global-setup.ts sets this before the workers start (they load this file again and see it).
    baseURL: process.env.E2E_BASE_URL,
    locale: 'en-US',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: chromiumPath,
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
});
