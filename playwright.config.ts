/**
 * Playwright e2e (design §2): the renderer in Debian's Chromium against `kassenwart serve`, and the desktop
 * app through `_electron` where an Electron binary is installed. Playwright's own browser download does not
 * work on these machines, so the system Chromium is used.
 */
import { execFileSync } from 'node:child_process';
import { defineConfig } from '@playwright/test';

function systemChromium(): string {
  try {
    const path = execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
    if (path) return path;
  } catch {
    // not on PATH: fall back to Debian's location
  }
  return '/usr/bin/chromium';
}

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['./test/e2e/skip-reasons-reporter.ts']],
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    locale: 'de-DE',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: systemChromium(),
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-gpu',
      ],
    },
  },
});
