import { test, expect } from '@playwright/test';
import { open, expectAccessible } from '../helpers';

test('fields are checked while typing, with the same rules as the server', async ({ page }, info) => {
  await open(page, '/barrierefreiheit', info);
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));
  const email = page.getByLabel('Ihre E-Mail-Adresse');
  await email.fill('kim@');
  await email.blur();
  const error = page.getByText('Geben Sie eine E-Mail-Adresse im richtigen Format ein');
  await expect(error).toBeVisible();
  // Leaving a field shows its error beside it; the summary waits for the submit.
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, info);

  // The error goes as soon as the address is right.
  await email.fill('kim@example.de');
  await expect(error).toBeHidden();
  await expect(email).not.toHaveAttribute('aria-invalid', 'true');
  // No reload happened.
  expect(await page.evaluate(() => (window as unknown as { marker: string }).marker)).toBe('same page');
});

test('the service worker registers and the manifest is valid', async ({ page, request }, info) => {
  await open(page, '/', info);
  const active = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return registration.active?.scriptURL ?? '';
  });
  expect(active).toMatch(/\/sw\.js$/);

  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = await (await request.get(href!)).json();
  expect(manifest.name).toBe('Serviceportal Saarland');
  expect(manifest.display).toBe('standalone');
  expect(manifest.start_url).toBe('/');
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  const maskable = manifest.icons.find((i: { purpose: string }) => i.purpose === 'maskable');
  expect(maskable).toBeTruthy();
  for (const icon of manifest.icons) {
    const response = await request.get(icon.src);
    expect(response.status(), icon.src).toBe(200);
    expect(response.headers()['content-type']).toBe('image/png');
  }
});

test('the offline page is served when the network is gone', async ({ page, context }, info) => {
  await open(page, '/', info);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload(); // now controlled by the service worker
  await context.setOffline(true);
  await page.goto('/impressum').catch(() => undefined);
  await expect(page.getByRole('heading', { level: 1, name: 'Keine Verbindung' })).toBeVisible();
  await context.setOffline(false);
});
