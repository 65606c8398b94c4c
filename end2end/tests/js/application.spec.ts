import { test, expect, type Page, type TestInfo } from '@playwright/test';
import { open, expectAccessible } from '../helpers';
import { address, register, signIn } from '../account-helpers';

async function startApplication(page: Page, info: TestInfo, name: string, service: string) {
  const email = address(info, name);
  await register(page, info, email);
  await open(page, '/konto/anmelden', info);
  await signIn(page, email);
  await expect(page.getByRole('heading', { level: 1, name: 'Mein Servicekonto' })).toBeVisible();
  await open(page, `/antrag/${service}`, info);
  await page.getByRole('button', { name: 'Antrag starten' }).click();
  await expect(page.locator('[data-hydrated]').first()).toBeAttached();
}

/** Marks the page, so a test can tell that it was not loaded again. */
async function markPage(page: Page) {
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
}
async function pageStayed(page: Page) {
  return page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed === true);
}

test('a step checks while typing and on "Weiter" without a reload', async ({ page }, info) => {
  await startApplication(page, info, 'live-step', 'meldebescheinigung-beantragen');
  await markPage(page);
  const count = page.getByLabel('Anzahl der Exemplare');
  await count.fill('sieben');
  await page.getByLabel('Wofür brauchen Sie die Bescheinigung?', { exact: false }).focus();
  await expect(page.locator('#f-anzahl-error')).toContainText('Bitte geben Sie eine Zahl ein');
  await count.fill('2');
  await expect(page.locator('#f-anzahl-error')).toHaveCount(0);

  await page.getByRole('button', { name: 'Weiter', exact: true }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Angaben' });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: /Welche Bescheinigung brauchen Sie\?/ })).toBeVisible();
  await expect(page).toHaveTitle(/^Fehler: /);
  expect(await pageStayed(page)).toBe(true);
  await expectAccessible(page, info);

  await page.getByLabel('Einfache Meldebescheinigung', { exact: false }).check();
  await page.getByRole('button', { name: 'Weiter', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ihre Angaben' })).toBeVisible();
});

test('conditional fields appear at once, and typing is saved in the background', async ({ page }, info) => {
  await page.clock.install();
  await startApplication(page, info, 'live-reveal', 'bewohnerparkausweis-beantragen');
  // The first step; then the vehicle.
  await page.getByLabel('Vornamen').fill('Kim');
  await page.getByLabel('Familienname').fill('Muster');
  await page.getByLabel('Geburtsdatum').fill('1980-12-24');
  await page.getByLabel('Straße').fill('Am Markt');
  await page.getByLabel('Postleitzahl').fill('66111');
  await page.getByLabel('Ort', { exact: true }).fill('Saarbrücken');
  await page.getByRole('button', { name: 'Weiter', exact: true }).click();
  await expect(page.getByLabel('Kennzeichen')).toBeVisible();

  const proof = page.getByLabel('Nachweis, dass Sie das Fahrzeug dauerhaft nutzen', { exact: false });
  await expect(proof).toBeHidden();
  await page.getByLabel('Firmenwagen, den ich auch privat nutzen darf').check();
  await expect(proof).toBeVisible();
  await page.getByLabel('Es ist auf mich zugelassen').check();
  await expect(proof).toBeHidden();

  // Typed, not sent: after a few seconds it is saved, and survives a reload.
  await page.getByLabel('Kennzeichen').fill('SB-AB 123');
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/applications/save-step') && r.ok());
  await page.clock.runFor(6_000);
  await saved;
  await page.reload();
  await expect(page.getByLabel('Kennzeichen')).toHaveValue('SB-AB 123');
});
