import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { open, expectAccessible } from '../helpers';
import { address, portal, register, setUpAuthenticator, signIn } from '../account-helpers';
import { AUTHORITY, apply, caseworker, secondPerson } from '../backoffice-helpers';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
/** Writes to the applicant from the case page: kind, subject, text and maybe a file. */
async function write(page: Page, kind: string, subject: string, body: string, file?: { name: string; buffer: Buffer }) {
  await page.getByLabel('Art der Nachricht').selectOption({ label: kind });
  await page.getByLabel('Betreff').fill(subject);
  await page.getByLabel('Nachricht', { exact: true }).fill(body);
  if (file) {
    await page.getByLabel('Datei (freiwillig)').setInputFiles({ name: file.name, mimeType: 'application/pdf', buffer: file.buffer });
  }
  await page.getByRole('button', { name: 'Nachricht senden' }).click();
}

test('a case goes from the citizen through a query to a decision that the citizen reads in the Postfach', async ({ page, browser }, info) => {
  test.setTimeout(150_000);
  const reference = await apply(page, info, address(info, 'antrag'));

  // The caseworker finds it in the inbox, takes it, and asks back.
  const clerk = await secondPerson(browser, info);
  await caseworker(clerk, info, address(info, 'sachbearbeitung'));
  await expectAccessible(clerk, info);
  await clerk.getByLabel('Suche').fill('Muster');
  await clerk.getByRole('button', { name: 'Anwenden' }).click();
  await expect(clerk.getByRole('link', { name: reference })).toBeVisible();
  await expectAccessible(clerk, info);
  await clerk.getByRole('link', { name: reference }).click();
  await expect(clerk.getByRole('heading', { level: 1, name: `Vorgang ${reference}` })).toBeVisible();
  await expect(clerk.getByText('Am Markt 1, 66111 Saarbrücken')).toBeVisible();
  await expectAccessible(clerk, info);
  await clerk.getByRole('button', { name: 'Mir zuweisen' }).click();
  await expect(clerk.getByRole('button', { name: 'Mir zuweisen' })).toHaveCount(0);
  await clerk.getByRole('button', { name: 'Bearbeitung beginnen' }).click();
  await expect(clerk.locator('.summary-list').getByText('In Bearbeitung')).toBeVisible();

  // A message without a subject is refused and what was typed stays.
  await write(clerk, 'Rückfrage stellen (wartet auf Antwort)', '', 'Bitte senden Sie uns Ihren Mietvertrag.');
  await expect(clerk.getByRole('alert')).toContainText('Bitte geben Sie einen Betreff an.');
  await expect(clerk.getByLabel('Nachricht', { exact: true })).toHaveValue('Bitte senden Sie uns Ihren Mietvertrag.');
  await expectAccessible(clerk, info);
  await write(clerk, 'Rückfrage stellen (wartet auf Antwort)', 'Nachweis fehlt', 'Bitte senden Sie uns Ihren Mietvertrag.');
  await expect(clerk.locator('.summary-list').getByText('Rückfrage')).toBeVisible();
  await expectAccessible(clerk, info);

  // The citizen sees the unread message, answers with the document.
  await open(page, '/', info);
  await page.getByRole('link', { name: 'Postfach (1 ungelesen)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Postfach' })).toBeVisible();
  await expectAccessible(page, info);
  await page.getByRole('link', { name: 'Meldebescheinigung', exact: false }).click();
  await expect(page.getByText('Die Behörde wartet auf Ihre Antwort')).toBeVisible();
  await expect(page.getByText('Bitte senden Sie uns Ihren Mietvertrag.')).toBeVisible();
  await expectAccessible(page, info);
  await page.getByLabel('Nachricht', { exact: true }).fill('Anbei mein Mietvertrag.');
  await page.getByLabel('Datei (freiwillig)').setInputFiles({ name: 'mietvertrag.pdf', mimeType: 'application/pdf', buffer: PDF });
  await page.getByRole('button', { name: 'Nachricht senden' }).click();
  await expect(page.getByText('Ihre Nachricht ist gesendet.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'mietvertrag.pdf' })).toBeVisible();
  await expectAccessible(page, info);

  // The caseworker sees the answer and decides, with the Bescheid as PDF.
  await open(clerk, `/behoerde/vorgaenge/${reference}`, info);
  await expect(clerk.getByText('Anbei mein Mietvertrag.')).toBeVisible();
  await expect(clerk.getByRole('link', { name: 'mietvertrag.pdf' }).first()).toBeVisible();
  await write(clerk, 'Bewilligen und Bescheid senden', 'Ihre Meldebescheinigung', 'Anbei Ihre Meldebescheinigung.', { name: 'bescheid.pdf', buffer: PDF });
  await expect(clerk.locator('.summary-list').getByText('Bewilligt')).toBeVisible();
  await open(clerk, '/behoerde/statistik', info);
  await expect(clerk.getByRole('img', { name: 'Anträge nach Leistung und Status' })).toBeVisible();
  await expectAccessible(clerk, info);

  // The citizen reads the decision and downloads the Bescheid.
  await open(page, `/postfach/${reference}`, info);
  await expect(page.getByText('Anbei Ihre Meldebescheinigung.')).toBeVisible();
  await expect(page.locator('.summary-list').getByText('Bewilligt')).toBeVisible();
  await expectAccessible(page, info);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'bescheid.pdf' }).click();
  expect(readFileSync(await (await download).path()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await open(page, `/antraege/${reference}`, info);
  await expect(page.getByText('Status: Bewilligt')).toBeVisible();
  await expectAccessible(page, info);
});

test('an admin adds a caseworker to an authority and makes a key for its specialist system', async ({ page }, info) => {
  test.slow();
  const email = address(info, 'admin');
  await register(page, info, email);
  portal('create-admin', email);
  await signIn(page, email);
  await setUpAuthenticator(page);
  await open(page, '/verwaltung', info);
  await expect(page.getByRole('heading', { level: 1, name: 'Verwaltung' })).toBeVisible();
  await expectAccessible(page, info);

  // An address without an account is refused and stays.
  await page.getByLabel('E-Mail-Adresse').fill('niemand@example.de');
  await page.getByLabel('Behörde', { exact: true }).selectOption(AUTHORITY);
  await page.getByRole('button', { name: 'Hinzufügen' }).click();
  await expect(page.getByRole('alert')).toContainText('kein bestätigtes Konto');
  await expect(page.getByLabel('E-Mail-Adresse')).toHaveValue('niemand@example.de');
  await expectAccessible(page, info);

  // The admin's own account works: it appears under the authority.
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Behörde', { exact: true }).selectOption(AUTHORITY);
  await page.getByRole('button', { name: 'Hinzufügen' }).click();
  await expect(page.getByText('Die Person ist der Behörde zugeordnet.')).toBeVisible();
  const panel = page.getByRole('region', { name: 'Bürgeramt Saarbrücken' });
  await expect(panel.getByText(email)).toBeVisible();
  await panel.getByLabel('Name des Schlüssels').fill('Einwohnerfachverfahren');
  await panel.getByLabel('Anträge abrufen und bestätigen').check();
  await panel.getByRole('button', { name: 'Schlüssel erzeugen' }).click();
  await expect(page.getByText('Neuer API-Schlüssel')).toBeVisible();
  const key = (await page.locator('code.secret').textContent())!.trim();
  expect(key).toMatch(/^sp_/);
  await expectAccessible(page, info);
  const answer = await page.request.get('/api/v1/submissions', { headers: { authorization: `Bearer ${key}` } });
  expect(answer.status()).toBe(200);
});
