import { test, expect } from '@playwright/test';
import { open, expectAccessible } from '../helpers';
import { address, PASSWORD, register, signIn } from '../account-helpers';

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

/** Marks the page, so a test can tell that it was not loaded again. */
async function markPage(page: import('@playwright/test').Page) {
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
}
async function pageStayed(page: import('@playwright/test').Page) {
  return page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed === true);
}

test('account forms check while typing and show the summary without a reload', async ({ page }, info) => {
  await open(page, '/konto/registrieren', info);
  await markPage(page);
  const email = page.getByLabel('E-Mail-Adresse');
  // Leaving a field with something wrong in it says so beside the field.
  await email.fill('kim.example.de');
  await page.getByLabel('Passwort', { exact: true }).focus();
  await expect(page.locator('#register-email-error')).toHaveText('Geben Sie eine E-Mail-Adresse in der Form name@beispiel.de ein.');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  // Fixing it takes the message away while typing.
  await email.fill('kim@example.de');
  await expect(page.locator('#register-email-error')).toHaveCount(0);
  await expect(email).not.toHaveAttribute('aria-invalid');
  // Submitting with a short password: the summary, focused, linked to the field.
  await page.getByLabel('Passwort', { exact: true }).fill('kurz');
  await page.getByRole('button', { name: 'Konto anlegen' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Angaben' });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: 'Das Passwort muss mindestens 12 Zeichen lang sein.' })).toHaveAttribute('href', '#register-password');
  await expect(page).toHaveTitle(/^Fehler: /);
  expect(await pageStayed(page)).toBe(true);
  await expect(email).toHaveValue('kim@example.de');
  await expectAccessible(page, info);
});

test('the server refuses in place: nothing typed is lost, then the form goes on', async ({ page }, info) => {
  const email = address(info, 'live');
  await register(page, info, email);
  await open(page, '/konto/anmelden', info);
  await markPage(page);
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort', { exact: true }).fill('nicht mein passwort');
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'E-Mail-Adresse oder Passwort sind nicht richtig.' });
  await expect(summary).toBeFocused();
  expect(await pageStayed(page)).toBe(true);
  await expect(page.getByLabel('E-Mail-Adresse')).toHaveValue(email);
  await expect(page.getByLabel('Passwort', { exact: true })).toHaveValue('nicht mein passwort');
  await expectAccessible(page, info);
  // Corrected, the form goes on to the account.
  await page.getByLabel('Passwort', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mein Servicekonto' })).toBeVisible();

  // The profile: a wrong postcode is named on leaving the field, and saving works.
  await open(page, '/konto/profil', info);
  await markPage(page);
  const postcode = page.getByLabel('Postleitzahl');
  await postcode.fill('66II1');
  await page.getByLabel('Ort', { exact: true }).focus();
  await expect(page.locator('#profile-postcode-error')).toBeVisible();
  await page.getByRole('button', { name: 'Daten speichern' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Angaben' })).toBeFocused();
  expect(await pageStayed(page)).toBe(true);
  await postcode.fill('66111');
  await expect(page.locator('#profile-postcode-error')).toHaveCount(0);
  await page.getByRole('button', { name: 'Daten speichern' }).click();
  await expect(page.getByText('Ihre Daten sind gespeichert.')).toBeVisible();
  await expect(page.getByLabel('Postleitzahl')).toHaveValue('66111');
});
