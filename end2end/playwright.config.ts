import { defineConfig } from '@playwright/test';

// Debian's Chromium, never a downloaded browser. The flags keep it from reaching out to
// the internet, which this machine does not have.
const launchOptions = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

export default defineConfig({
  testDir: './tests',
  // A journey is a dozen pages, each scanned by axe (without JavaScript in a fresh copy of
  // the page); with two workers, the portal and Chromium sharing two cores, the long ones
  // take 20–50 s. The limit is there to end a hung test, not to measure speed.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  workers: 2,
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: process.env.BASE_URL ?? 'http://127.0.0.1:3000',
    launchOptions,
    locale: 'de-DE',
    trace: 'off',
  },
  // Every citizen journey runs twice: with JavaScript and without.
  projects: [
    { name: 'js', testDir: './tests', testIgnore: /nojs\// , use: { javaScriptEnabled: true } },
    { name: 'no-js', testDir: './tests/journeys', use: { javaScriptEnabled: false } },
  ],
});
