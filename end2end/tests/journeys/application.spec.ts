import { readFileSync } from 'node:fs';
import { test, expect, type Page, type TestInfo } from '@playwright/test';
import { open, expectAccessible, pdfText } from '../helpers';
import { address, register, signIn } from '../account-helpers';

/** Registers, signs in and opens the Meldebescheinigung's start page from the service. */
async function startMeldebescheinigung(page: Page, info: TestInfo, name: string) {
  const email = address(info, name);
  await register(page, info, email);
  await open(page, '/konto/anmelden', info);
  await signIn(page, email);
  await expect(page.getByRole('heading', { level: 1, name: 'Mein Servicekonto' })).toBeVisible();
  await open(page, '/leistungen/meldebescheinigung-beantragen', info);
  await page.getByRole('link', { name: 'Online beantragen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Meldebescheinigung beantragen' })).toBeVisible();
  await expectAccessible(page, info);
  await page.getByRole('button', { name: 'Antrag starten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bescheinigung' })).toBeVisible();
}

test('a citizen applies for a Meldebescheinigung and gets a reference number', async ({ page }, info) => {
  // Registration, three steps, a PDF and seven axe scans: under a full parallel run on two
  // cores this takes longer than the default 30 s (it ran out during the last scan once).
  test.slow();
  await startMeldebescheinigung(page, info, 'antrag');
  await expect(page.getByText('Schritt 1 von 3')).toBeVisible();
  await page.getByLabel('Einfache Meldebescheinigung', { exact: false }).check();
  await page.getByLabel('Anzahl der Exemplare').fill('1');
  await expectAccessible(page, info);
  await page.getByRole('button', { name: 'Weiter', exact: true }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Ihre Angaben' })).toBeVisible();
  await page.getByLabel('Vornamen').fill('Kim');
  await page.getByLabel('Familienname').fill('Muster');
  await page.getByLabel('Geburtsdatum').fill('1980-12-24');
  await page.getByLabel('Straße').fill('Am Markt');
  await page.getByLabel('Hausnummer').fill('1');
  await page.getByLabel('Postleitzahl').fill('66111');
  await page.getByLabel('Ort', { exact: true }).fill('Saarbrücken');
  await expectAccessible(page, info);
  await page.getByRole('button', { name: 'Weiter', exact: true }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Zustellung' })).toBeVisible();
  await expectAccessible(page, info);
  await page.getByLabel('Per Post an meine gemeldete Anschrift').check();
  await page.getByRole('button', { name: 'Weiter', exact: true }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Angaben prüfen und Antrag senden' })).toBeVisible();
  await expect(page.getByText('Am Markt 1, 66111 Saarbrücken')).toBeVisible();
  await expectAccessible(page, info);
  await page.getByLabel('Gemeinde, für die Sie den Antrag stellen').selectOption({ label: 'Saarbrücken' });
  await page.getByLabel('Ich beantrage die Meldebescheinigung', { exact: false }).check();
  await page.getByRole('button', { name: 'Antrag verbindlich senden' }).click();

  const confirmation = page.getByRole('status').filter({ hasText: 'Antrag gesendet' });
  await expect(confirmation).toBeVisible();
  const reference = (await page.locator('.reference').textContent())?.trim() ?? '';
  expect(reference).toMatch(/^SL-\d{4}-\d{6}$/);
  await expect(page.getByRole('heading', { name: 'Wie geht es weiter?' })).toBeVisible();
  await expectAccessible(page, info);

  // The receipt is a PDF whose text (what a reader sees, not its metadata) names the
  // reference number and the answers.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Empfangsbestätigung herunterladen (PDF)' }).click();
  const file = await (await download).path();
  const pdf = readFileSync(file);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = await pdfText(pdf);
  expect(text).toContain(reference);
  expect(text).toContain('Muster');
  expect(text).toContain('Am Markt 1, 66111 Saarbrücken');

  await open(page, '/antraege', info);
  await expect(page.getByRole('cell', { name: reference })).toBeVisible();
  await expectAccessible(page, info);
});

test('a refused step explains every problem and keeps what was typed; the draft waits', async ({ page }, info) => {
  await startMeldebescheinigung(page, info, 'antrag-fehler');
  await page.getByLabel('Anzahl der Exemplare').fill('sieben');
  await page.getByRole('button', { name: 'Weiter', exact: true }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Angaben' });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('link', { name: /Bitte geben Sie eine Zahl ein/ })).toBeVisible();
  await expect(summary.getByRole('link', { name: /Welche Bescheinigung brauchen Sie\?/ })).toBeVisible();
  await expect(page.getByLabel('Anzahl der Exemplare')).toHaveValue('sieben');
  await expect(page).toHaveTitle(/^Fehler: /);
  await expectAccessible(page, info);

  // Save for later: the draft is listed and opens where it was left.
  await page.getByRole('button', { name: 'Speichern und später weitermachen' }).click();
  await expect(page.getByText('Ihr Entwurf ist gespeichert.')).toBeVisible();
  await page.getByRole('link', { name: 'Meldebescheinigung beantragen' }).click();
  await expect(page.getByRole('button', { name: 'Weiter ausfüllen' })).toBeVisible();
  await page.getByRole('button', { name: 'Weiter ausfüllen' }).click();
  await expect(page.getByLabel('Anzahl der Exemplare')).toHaveValue('sieben');
});
