import { test, expect } from '@playwright/test';
import { open, expectAccessible } from '../helpers';

test('a citizen chooses the place, finds a service and sees who is responsible', async ({ page }, info) => {
  await open(page, '/', info);
  await page.getByLabel('Ihre Gemeinde').selectOption({ label: 'Dillingen/Saar' });
  await page.getByRole('button', { name: 'Ort übernehmen' }).click();
  await expect(page.getByText('Ihr Ort: Dillingen/Saar')).toBeVisible();
  await expectAccessible(page, info);

  await page.getByRole('link', { name: 'Auto und Verkehr' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Auto und Verkehr' })).toBeVisible();
  await expectAccessible(page, info);

  await page.getByRole('link', { name: 'Fahrzeug zulassen (Kfz-Zulassung)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fahrzeug zulassen (Kfz-Zulassung)' })).toBeVisible();
  await expect(page.getByText('Für Dillingen/Saar ist zuständig:')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Straßenverkehrsamt Landkreis Saarlouis' })).toBeVisible();
  await expectAccessible(page, info);

  // Another place, right on the service page.
  await page.getByText('Anderen Ort wählen').click();
  await page.getByLabel('Ihre Gemeinde').selectOption({ label: 'Homburg' });
  await page.getByRole('button', { name: 'Ort übernehmen' }).click();
  await expect(page.getByRole('heading', { name: 'Straßenverkehrsamt Saarpfalz-Kreis' })).toBeVisible();
  await page.getByRole('link', { name: 'Straßenverkehrsamt Saarpfalz-Kreis' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Straßenverkehrsamt Saarpfalz-Kreis' })).toBeVisible();
  await expectAccessible(page, info);
});

test('a place page lists every service with its authority', async ({ page }, info) => {
  await open(page, '/orte/10041100', info);
  await expect(page.getByRole('heading', { level: 1, name: 'Leistungen in Saarbrücken' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Personalausweis beantragen' })).toBeVisible();
  await expectAccessible(page, info);
});

test('a citizen searches in everyday words and gets the right service', async ({ page }, info) => {
  await open(page, '/', info);
  await page.getByLabel('Wonach suchen Sie?').fill('auto anmelden');
  await page.getByRole('button', { name: 'Suchen', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Suche nach „auto anmelden“' })).toBeVisible();
  await expectAccessible(page, info);
  await page.getByRole('link', { name: 'Fahrzeug zulassen (Kfz-Zulassung)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fahrzeug zulassen (Kfz-Zulassung)' })).toBeVisible();

  await open(page, '/suche?q=Persnalausweis', info);
  await expect(page.getByRole('link', { name: 'Personalausweis beantragen' })).toBeVisible();
  await open(page, '/suche?q=Hndstuer', info);
  await expect(page.getByText('Zu Ihrer Suche haben wir keine Leistung gefunden.')).toBeVisible();
  await page.getByRole('link', { name: 'hundesteuer' }).click();
  await expect(page.getByRole('link', { name: 'Hundesteuer anmelden' })).toBeVisible();
  await expectAccessible(page, info);
});

test('a citizen finds the place by name and opens a frequently used service', async ({ page }, info) => {
  await open(page, '/', info);
  await page.getByLabel('Gemeinde oder Postleitzahl').fill('volklingen');
  await page.getByRole('button', { name: 'Gemeinde suchen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ort wählen' })).toBeVisible();
  await expect(page.getByText('Eine Gemeinde gefunden.')).toBeVisible();
  await expectAccessible(page, info);
  await page.getByRole('link', { name: 'Völklingen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Leistungen in Völklingen' })).toBeVisible();

  await open(page, '/', info);
  await expect(page.getByText('Ihr Ort: Völklingen')).toBeVisible();
  const popular = page.getByRole('region', { name: 'Häufig genutzt' });
  await popular.getByRole('link', { name: 'Personalausweis beantragen' }).click();
  await expect(page.getByText('Für Völklingen ist zuständig:')).toBeVisible();

  // Nothing found: a message and the way to the full list.
  await open(page, '/orte?suche=Atlantis', info);
  await expect(page.getByText('Keine Gemeinde zu „Atlantis“ gefunden.')).toBeVisible();
  await expectAccessible(page, info);
  await page.getByRole('link', { name: 'Alle Gemeinden anzeigen' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Saarpfalz-Kreis' })).toBeVisible();
  await expectAccessible(page, info);
});
