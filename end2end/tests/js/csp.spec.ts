import { test, expect } from '@playwright/test';
import { open } from '../helpers';

// The strict Content Security Policy must not block anything the portal itself needs.
for (const path of ['/', '/barrierefreiheit']) {
  test(`${path} runs without Content-Security-Policy violations`, async ({ page }, info) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') violations.push(message.text());
    });
    page.on('pageerror', (error) => violations.push(error.message));
    await open(page, path, info);
    await page.evaluate(() => navigator.serviceWorker.ready);
    expect(violations).toEqual([]);
  });
}
