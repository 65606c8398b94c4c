import { test, expect } from '@playwright/test';
import { open, expectAccessible } from '../helpers';
import { address, portal, register, setUpAuthenticator, signIn } from '../account-helpers';

test('caseworkers reach the inbox search with a key, and typing there stays typing', async ({ page }, info) => {
  test.slow();
  const email = address(info, 'tasten');
  await register(page, info, email);
  portal('add-member', email, 'rathaus-10041100');
  await signIn(page, email);
  await setUpAuthenticator(page);
  await open(page, '/behoerde', info);
  const search = page.getByLabel('Suche');
  await expect(search).not.toBeFocused();
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  // Inside the field the same keys are text, not shortcuts.
  await page.keyboard.type('j/k');
  await expect(search).toHaveValue('j/k');
  await expect(search).toBeFocused();
  // The list of shortcuts is part of the page.
  await page.getByText('Tastenkürzel').click();
  await expect(page.getByText('nächster Vorgang')).toBeVisible();
  await expectAccessible(page, info);
});
