import { test, expect } from '@playwright/test';
import { open, jsEnabled, expectAccessible, tabTo } from '../helpers';

test.describe('accessibility feedback', () => {
  test('a citizen sends feedback with the keyboard only', async ({ page }, info) => {
    await open(page, '/barrierefreiheit', info);
    await expect(page.getByRole('heading', { level: 1, name: 'Erklärung zur Barrierefreiheit' })).toBeVisible();

    await tabTo(page, page.getByLabel('Ihr Name'));
    await page.keyboard.type('Kim Muster');
    await page.keyboard.press('Tab');
    await page.keyboard.type('kim@example.de');
    await page.keyboard.press('Tab');
    await page.keyboard.type('/barrierefreiheit');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Der Fokus ist auf der Suchseite kaum zu sehen.');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Rückmeldung senden' })).toBeFocused();
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { name: 'Vielen Dank für Ihre Rückmeldung' })).toBeVisible();
    if (jsEnabled(info)) {
      // Sent without a reload; the confirmation takes the focus.
      await expect(page).toHaveURL(/\/barrierefreiheit$/);
      await expect(page.getByRole('status')).toBeFocused();
    } else {
      await expect(page).toHaveURL(/\/barrierefreiheit\/danke$/);
    }
    await expectAccessible(page, info);
  });

  test('errors are summarised, linked, and nothing typed is lost', async ({ page }, info) => {
    await open(page, '/barrierefreiheit', info);
    await page.getByLabel('Ihr Name').fill('Kim "Muster"');
    await page.getByLabel('Ihre E-Mail-Adresse').fill('kim@');
    await page.getByRole('button', { name: 'Rückmeldung senden' }).click();

    const summary = page.getByRole('alert');
    await expect(summary).toBeVisible();
    await expect(summary).toBeFocused();
    await expect(page).toHaveTitle(/^Fehler: /);
    await expect(summary.getByRole('link', { name: 'Geben Sie Ihre Nachricht ein.' })).toBeVisible();
    // Inline errors beside the fields, and the typed values are still there.
    await expect(page.getByLabel('Ihre E-Mail-Adresse')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Ihre E-Mail-Adresse')).toHaveValue('kim@');
    await expect(page.getByLabel('Ihr Name')).toHaveValue('Kim "Muster"');
    await expectAccessible(page, info);

    await summary.getByRole('link', { name: 'Geben Sie Ihre Nachricht ein.' }).click();
    await expect(page.getByLabel('Ihre Nachricht')).toBeFocused();

    await page.getByLabel('Ihre E-Mail-Adresse').fill('kim@example.de');
    await page.getByLabel('Ihre Nachricht').fill('Jetzt mit Nachricht.');
    await page.getByRole('button', { name: 'Rückmeldung senden' }).click();
    await expect(page.getByRole('heading', { name: 'Vielen Dank für Ihre Rückmeldung' })).toBeVisible();
  });
});
