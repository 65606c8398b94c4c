import { test, expect } from '@playwright/test';
import { open, expectAccessible } from '../helpers';
import { PASSWORD, address, linkFromMail, register, signIn, totp } from '../account-helpers';

test('a citizen registers, confirms by mail, signs in, checks the devices and signs out', async ({ page }, info) => {
  // Registration, two sign-ins and five axe scans: without JavaScript on two busy cores
  // this came to the default 30 s in a full parallel run.
  test.slow();
  const email = address(info, 'kim');
  await open(page, '/konto/registrieren', info);
  await expectAccessible(page, info);

  // A too short password: the summary names it and the address stays.
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort').fill('kurz');
  await page.getByRole('button', { name: 'Konto anlegen' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('mindestens 12 Zeichen');
  await expect(page).toHaveTitle(/^Fehler: /);
  await expect(page.getByLabel('E-Mail-Adresse')).toHaveValue(email);
  await expectAccessible(page, info);

  await register(page, info, email);
  await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
  await expectAccessible(page, info);
  await signIn(page, email, 'ein falsches passwort');
  await expect(page.getByRole('alert')).toContainText('E-Mail-Adresse oder Passwort sind nicht richtig.');
  await expectAccessible(page, info);
  await signIn(page, email);
  await expect(page.getByRole('heading', { level: 1, name: 'Mein Servicekonto' })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  await expectAccessible(page, info);

  await page.getByRole('link', { name: 'Sicherheit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sicherheit' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Dieses Gerät' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Angemeldet', exact: true }).first()).toBeVisible();
  await expectAccessible(page, info);

  await page.getByRole('banner').getByRole('button', { name: 'Abmelden' }).click();
  await expect(page.getByText('Sie sind abgemeldet.')).toBeVisible();
  await open(page, '/konto', info);
  await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
});

test('a citizen who forgot the password sets a new one with the mailed link', async ({ page }, info) => {
  const email = address(info, 'reset');
  await register(page, info, email);
  await open(page, '/konto/anmelden', info);
  await page.getByRole('link', { name: 'Passwort vergessen' }).click();
  await expectAccessible(page, info);
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByRole('button', { name: 'Link anfordern' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bitte prüfen Sie Ihr Postfach' })).toBeVisible();
  await open(page, await linkFromMail(page, email, '/konto/passwort-neu'), info);
  await expect(page.getByRole('heading', { level: 1, name: 'Neues Passwort festlegen' })).toBeVisible();
  await expectAccessible(page, info);
  const fresh = 'mein neues langes passwort';
  await page.getByLabel('Neues Passwort').fill(fresh);
  await page.getByRole('button', { name: 'Passwort speichern' }).click();
  await expect(page.getByText('Ihr neues Passwort ist gespeichert.')).toBeVisible();
  await signIn(page, email, fresh);
  await expect(page.getByRole('heading', { level: 1, name: 'Mein Servicekonto' })).toBeVisible();
});

test('a citizen downloads the data and deletes the account', async ({ page }, info) => {
  const email = address(info, 'delete');
  await register(page, info, email);
  await signIn(page, email);
  await page.getByRole('link', { name: 'Meine Daten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Meine Daten' })).toBeVisible();
  await expectAccessible(page, info);
  const exported = await page.request.get('/konto/datenschutz/export.json');
  expect(exported.headers()['content-type']).toContain('application/json');
  expect((await exported.json()).account.email).toBe(email);

  // Without ticking the box: the form says what is missing.
  await page.getByLabel('Passwort', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Konto endgültig löschen' }).click();
  await expect(page.getByRole('alert')).toContainText('Bestätigen Sie, dass Sie Ihr Konto löschen möchten.');
  await expectAccessible(page, info);
  await page.getByLabel('Passwort', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Ja, ich möchte mein Servicekonto endgültig löschen.').check();
  await page.getByRole('button', { name: 'Konto endgültig löschen' }).click();
  await expect(page.getByText('Ihr Servicekonto ist gelöscht.')).toBeVisible();
  await open(page, '/konto/anmelden', info);
  await signIn(page, email);
  await expect(page.getByRole('alert')).toContainText('E-Mail-Adresse oder Passwort sind nicht richtig.');
});

test('a citizen keeps personal details in the profile', async ({ page }, info) => {
  const email = address(info, 'profile');
  await register(page, info, email);
  await signIn(page, email);
  await page.getByRole('link', { name: 'Persönliche Daten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Persönliche Daten' })).toBeVisible();
  await expectAccessible(page, info);
  await page.getByLabel('Anrede').selectOption({ label: 'Frau' });
  await page.getByLabel('Vornamen').fill('Kim Marie');
  await page.getByLabel('Familienname').fill('Muster');
  await page.getByLabel('Postleitzahl').fill('6633');
  await page.getByLabel('Gemeinde').selectOption({ label: 'Völklingen' });
  await page.getByRole('button', { name: 'Daten speichern' }).click();
  await expect(page.getByRole('alert')).toContainText('Postleitzahl mit fünf Ziffern');
  await expect(page.getByLabel('Vornamen')).toHaveValue('Kim Marie');
  await expectAccessible(page, info);
  await page.getByLabel('Postleitzahl').fill('66333');
  await page.getByRole('button', { name: 'Daten speichern' }).click();
  await expect(page.getByText('Ihre Daten sind gespeichert.')).toBeVisible();
  await expect(page.getByLabel('Familienname')).toHaveValue('Muster');
  await expect(page.getByLabel('Gemeinde')).toHaveValue('10041519');
  await open(page, '/', info);
  await expect(page.getByText('Ihr Ort: Völklingen')).toBeVisible();
});

test('a citizen sets up an authenticator app and signs in with a code', async ({ page }, info) => {
  const email = address(info, 'totp');
  await register(page, info, email);
  await signIn(page, email);
  await page.getByRole('link', { name: 'Sicherheit' }).click();
  await page.getByRole('link', { name: 'Authenticator-App einrichten' }).click();
  await expectAccessible(page, info);
  await page.getByRole('button', { name: 'Einrichtung beginnen' }).click();
  await expect(page.getByRole('img', { name: 'QR-Code zum Einrichten der Authenticator-App' })).toBeVisible();
  await expectAccessible(page, info);
  const secret = (await page.locator('.totp-secret').textContent())!;
  await page.getByLabel('Code aus der App').fill('000000');
  await page.getByRole('button', { name: 'Bestätigen und einrichten' }).click();
  await expect(page.getByRole('alert')).toContainText('Der Code stimmt nicht');
  await expectAccessible(page, info);
  await page.getByLabel('Code aus der App').fill(totp(secret));
  await page.getByRole('button', { name: 'Bestätigen und einrichten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ihre Wiederherstellungscodes' })).toBeVisible();
  await expect(page.locator('.recovery-codes li')).toHaveCount(10);
  await expectAccessible(page, info);

  await page.getByRole('banner').getByRole('button', { name: 'Abmelden' }).click();
  await open(page, '/konto/anmelden', info);
  await signIn(page, email);
  await expect(page.getByRole('heading', { level: 1, name: 'Code eingeben' })).toBeVisible();
  await expectAccessible(page, info);
  // The code of the set-up is spent. The server accepts one step either way, so the app's
  // next code works at once (a person would wait for it).
  await page.getByLabel('Code aus der Authenticator-App').fill(totp(secret, Date.now() + 30_000));
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mein Servicekonto' })).toBeVisible();
  await expect(page.getByText('Substanziell (mit zweitem Faktor)')).toBeVisible();
});
