import { test, expect } from '@playwright/test';
import { open, expectAccessible } from '../helpers';

const pages = [
  ['/', 'Serviceportal Saarland'],
  ['/barrierefreiheit', 'Erklärung zur Barrierefreiheit'],
  ['/barrierefreiheit/danke', 'Vielen Dank für Ihre Rückmeldung'],
  ['/leichte-sprache', 'Leichte Sprache'],
  ['/gebaerdensprache', 'Gebärdensprache'],
  ['/impressum', 'Impressum'],
  ['/datenschutz', 'Datenschutz'],
  ['/offline', 'Keine Verbindung'],
  ['/orte', 'Ort wählen'],
  ['/konto/registrieren/pruefen', 'Bitte prüfen Sie Ihr Postfach'],
  ['/konto/passwort-vergessen/gesendet', 'Bitte prüfen Sie Ihr Postfach'],
  ['/konto/bestaetigen?code=abgelaufen', 'E-Mail-Adresse bestätigen'],
  ['/konto/passwort-neu?code=abgelaufen', 'Neues Passwort festlegen'],
  ['/konto/anmelden/code', 'Code eingeben'],
  ['/fehler?kennung=0123abcd', 'Es ist ein Fehler aufgetreten'],
  ['/antrag/meldebescheinigung-beantragen', 'Meldebescheinigung beantragen'],
];

for (const [path, heading] of pages) {
  test(`${path} has no accessibility violations`, async ({ page }, info) => {
    await open(page, path, info);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expectAccessible(page, info);
  });
}

test('unknown addresses get the 404 page in the portal design', async ({ page }, info) => {
  const response = await open(page, '/diese-seite-gibt-es-nicht', info);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' })).toBeVisible();
  await expect(page.getByRole('contentinfo')).toBeVisible();
  await expectAccessible(page, info);
});

test('the skip link leads to the main content', async ({ page }, info) => {
  await open(page, '/datenschutz', info);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Zum Inhalt springen' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#inhalt$/);
  await expect(page.getByRole('main')).toBeFocused();
});

test('the language can be switched and is remembered', async ({ page }, info) => {
  await open(page, '/barrierefreiheit', info);
  await page.getByRole('navigation', { name: 'Sprache wählen' }).getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/barrierefreiheit$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Accessibility statement' })).toBeVisible();
  await expectAccessible(page, info);

  await open(page, '/impressum', info);
  await expect(page.getByRole('heading', { level: 1, name: 'Legal notice' })).toBeVisible();

  await page.getByRole('link', { name: 'Français' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1, name: 'Mentions légales' })).toBeVisible();
  await page.getByRole('link', { name: 'Deutsch' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Impressum' })).toBeVisible();
});
