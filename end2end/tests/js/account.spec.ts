import { test, expect } from '@playwright/test';
import { open, expectAccessible } from '../helpers';
import { address, register, signIn } from '../account-helpers';

test('the new-password field says while typing what is missing and how strong it is', async ({ page }, info) => {
  await open(page, '/konto/registrieren', info);
  const field = page.getByLabel('Passwort');
  await field.pressSequentially('kurz');
  await expect(page.getByText('Noch 8 Zeichen.')).toBeVisible();
  await field.fill('');
  await field.pressSequentially('ein langer satz als passwort');
  await expect(page.locator('.password-status')).toHaveText(/Stärke|Lang genug/);
  await expect(page.locator('.password-status')).toHaveAttribute('aria-live', 'polite');
  await expectAccessible(page, info);
});

test('a signed-in citizen is warned before the session ends and can stay signed in', async ({ page }, info) => {
  const email = address(info, 'timeout');
  await register(page, info, email);
  await page.clock.install();
  await signIn(page, email);
  await expect(page.getByRole('heading', { level: 1, name: 'Mein Servicekonto' })).toBeVisible();
  await expect(page.locator('[data-hydrated]').first()).toBeAttached();
  const dialog = page.getByRole('dialog', { name: 'Ihre Sitzung endet bald' });
  await expect(dialog).toBeHidden();
  // Thirteen and a half quiet minutes later the warning opens, focus on "stay".
  await page.clock.fastForward('13:30');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Angemeldet bleiben' })).toBeFocused();
  await expectAccessible(page, info);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  // The server counted it as activity: the page still works signed in.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Mein Servicekonto' })).toBeVisible();
});
