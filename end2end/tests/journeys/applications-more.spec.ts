import { test, expect } from '@playwright/test';
import { open, expectAccessible } from '../helpers';
import { address, register, signIn } from '../account-helpers';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** The date in `days` days as `YYYY-MM-DD`. */
function inDays(days: number) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

test('a citizen applies for a residents’ parking permit with an uploaded document', async ({ page }, info) => {
  const email = address(info, 'parken');
  await register(page, info, email);
  await open(page, '/konto/anmelden', info);
  await signIn(page, email);
  await expect(page.getByRole('heading', { level: 1, name: 'Mein Servicekonto' })).toBeVisible();
  await open(page, '/antrag/bewohnerparkausweis-beantragen', info);
  await page.getByRole('button', { name: 'Antrag starten' }).click();

  await page.getByLabel('Vornamen').fill('Kim');
  await page.getByLabel('Familienname').fill('Muster');
  await page.getByLabel('Geburtsdatum').fill('1980-12-24');
  await page.getByLabel('Straße').fill('Am Markt');
  await page.getByLabel('Postleitzahl').fill('66111');
  await page.getByLabel('Ort', { exact: true }).fill('Saarbrücken');
  await page.getByRole('button', { name: 'Weiter', exact: true }).click();

  await expect(page.getByLabel('Kennzeichen')).toBeVisible();
  await page.getByLabel('Kennzeichen').fill('SB-AB 123');
  await page.getByLabel('Es ist auf mich zugelassen').check();
  const upload = page.getByLabel('Zulassungsbescheinigung Teil I', { exact: false });

  // A file that only pretends to be a PDF is refused, and what was typed stays.
  await upload.setInputFiles({ name: 'falsch.pdf', mimeType: 'application/pdf', buffer: Buffer.from('kein PDF') });
  await page.getByRole('button', { name: 'Datei hochladen' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Bitte laden Sie eine PDF-, JPEG- oder PNG-Datei hoch.' })).toBeVisible();
  await expect(page.getByLabel('Kennzeichen')).toHaveValue('SB-AB 123');
  await expectAccessible(page, info);

  // A real one is listed with a link and a remove button.
  await page.getByLabel('Zulassungsbescheinigung Teil I', { exact: false }).setInputFiles({ name: 'zulassung.pdf', mimeType: 'application/pdf', buffer: PDF });
  await page.getByRole('button', { name: 'Datei hochladen' }).click();
  await expect(page.getByRole('link', { name: 'zulassung.pdf' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Entfernen: zulassung.pdf' })).toBeVisible();
  await expectAccessible(page, info);
  await page.getByRole('button', { name: 'Weiter', exact: true }).click();

  await expect(page.getByLabel('Gültig ab')).toBeVisible();
  await page.getByLabel('Gültig ab').fill(inDays(1));
  await page.getByRole('button', { name: 'Weiter', exact: true }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Angaben prüfen und Antrag senden' })).toBeVisible();
  await expect(page.getByText(/zulassung\.pdf/)).toBeVisible();
  await page.getByLabel('Gemeinde, für die Sie den Antrag stellen').selectOption({ label: 'Saarbrücken' });
  await page.getByLabel('Ich versichere, dass meine Angaben richtig sind', { exact: false }).check();
  await page.getByRole('button', { name: 'Antrag verbindlich senden' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Antrag gesendet' })).toBeVisible();
  await expect(page.getByText(/zulassung\.pdf/)).toBeVisible();
  await expectAccessible(page, info);
});

test('a citizen lists several items for a bulky-waste collection', async ({ page }, info) => {
  const email = address(info, 'sperrmuell');
  await register(page, info, email);
  await open(page, '/konto/anmelden', info);
  await signIn(page, email);
  await expect(page.getByRole('heading', { level: 1, name: 'Mein Servicekonto' })).toBeVisible();
  await open(page, '/antrag/sperrmuell-abholung-anmelden', info);
  await page.getByRole('button', { name: 'Antrag starten' }).click();

  await page.getByLabel('Vornamen').fill('Kim');
  await page.getByLabel('Familienname').fill('Muster');
  await page.getByLabel('Straße').fill('Am Markt');
  await page.getByLabel('Hausnummer').fill('1');
  await page.getByLabel('Postleitzahl').fill('66111');
  await page.getByLabel('Ort', { exact: true }).fill('Saarbrücken');
  await page.getByLabel('Telefon für Rückfragen').fill('0681 12345');
  await page.getByRole('button', { name: 'Weiter', exact: true }).click();

  // One item, then a second one: the first stays as typed.
  const first = page.locator('#gegenstaende-0');
  await first.getByLabel('Was soll abgeholt werden?').fill('Sofa');
  await first.getByLabel('Anzahl').fill('1');
  await page.getByRole('button', { name: 'Weitere Angabe hinzufügen: Gegenstand' }).click();
  const second = page.locator('#gegenstaende-1');
  await expect(second.getByLabel('Was soll abgeholt werden?')).toBeVisible();
  await expect(first.getByLabel('Was soll abgeholt werden?')).toHaveValue('Sofa');
  await second.getByLabel('Was soll abgeholt werden?').fill('Schrank');
  await second.getByLabel('Anzahl').fill('2');
  await page.getByLabel('Geschätzte Menge in Kubikmetern').fill('3,5');
  await expectAccessible(page, info);
  await page.getByRole('button', { name: 'Weiter', exact: true }).click();

  await page.getByLabel('Am Straßenrand vor dem Haus').check();
  await page.getByLabel('Wunschtermin').fill(inDays(10));
  await page.getByRole('button', { name: 'Weiter', exact: true }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Angaben prüfen und Antrag senden' })).toBeVisible();
  await expect(page.locator('dt', { hasText: 'Gegenstand 2: Was soll abgeholt werden?' })).toBeVisible();
  await expect(page.locator('dd', { hasText: 'Schrank' })).toBeVisible();
  await page.getByLabel('Gemeinde, für die Sie den Antrag stellen').selectOption({ label: 'Saarbrücken' });
  await page.getByLabel('Ich bestätige, dass es sich um Sperrmüll', { exact: false }).check();
  await page.getByRole('button', { name: 'Antrag verbindlich senden' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Antrag gesendet' })).toBeVisible();
});
