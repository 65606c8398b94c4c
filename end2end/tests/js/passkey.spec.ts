import { test, expect } from '@playwright/test';
import { open, expectAccessible } from '../helpers';
import { address, register, signIn } from '../account-helpers';

test('a citizen adds a passkey and then signs in with it, without a password', async ({ page, context }, info) => {
  // Chromium's virtual authenticator stands in for a phone or security key.
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  const email = address(info, 'passkey');
  await register(page, info, email);
  await signIn(page, email);
  await open(page, '/konto/sicherheit', info);
  await expectAccessible(page, info);
  await page.getByLabel('Name des Passkeys').fill('Testgerät');
  await page.getByRole('button', { name: 'Passkey hinzufügen' }).click();
  await expect(page.getByText('Testgerät')).toBeVisible();
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  expect(credentials).toHaveLength(1);
  expect(credentials[0].isResidentCredential).toBe(true);

  await page.getByRole('banner').getByRole('button', { name: 'Abmelden' }).click();
  await open(page, '/konto/anmelden', info);
  await expectAccessible(page, info);
  await page.getByRole('button', { name: 'Mit Passkey anmelden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mein Servicekonto' })).toBeVisible();
  await expect(page.getByText('Substanziell (mit zweitem Faktor)')).toBeVisible();
});
