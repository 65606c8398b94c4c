import { test, expect, type Page, type TestInfo } from '@playwright/test';
import { open, expectAccessible } from '../helpers';
import { address, linkFromMail, register, signIn } from '../account-helpers';

/** The date in `days` days as `YYYY-MM-DD`. */
function inDays(days: number) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function next(page: Page) {
  await page.getByRole('button', { name: 'Weiter', exact: true }).click();
}

/** Fills the address fields inside the fieldset named `legend`. */
async function fillAddress(page: Page, legend: string) {
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel('Straße').fill('Am Markt');
  await group.getByLabel('Hausnummer').fill('1');
  await group.getByLabel('Postleitzahl').fill('66111');
  await group.getByLabel('Ort', { exact: true }).fill('Saarbrücken');
}

/** Registers, signs in and starts the application at `/antrag/{slug}`. */
async function startSignedIn(page: Page, info: TestInfo, slug: string) {
  const email = address(info, slug.slice(0, 12));
  await register(page, info, email);
  await open(page, '/konto/anmelden', info);
  await signIn(page, email);
  await expect(page.getByRole('heading', { level: 1, name: 'Mein Servicekonto' })).toBeVisible();
  await open(page, `/antrag/${slug}`, info);
  await page.getByRole('button', { name: 'Antrag starten' }).click();
}

/** Check your answers: the Gemeinde, the declaration, submit; returns the reference. */
async function submit(page: Page, info: TestInfo, declaration: string) {
  await expect(page.getByRole('heading', { level: 1, name: 'Angaben prüfen und Antrag senden' })).toBeVisible();
  await expectAccessible(page, info);
  await page.getByLabel('Gemeinde, für die Sie den Antrag stellen').selectOption({ label: 'Saarbrücken' });
  await page.getByLabel(declaration, { exact: false }).check();
  await page.getByRole('button', { name: 'Antrag verbindlich senden' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Antrag gesendet' })).toBeVisible();
  const reference = (await page.locator('.reference').textContent())?.trim() ?? '';
  expect(reference).toMatch(/^SL-\d{4}-\d{6}$/);
  await expectAccessible(page, info);
  return reference;
}

test('a voter applies for postal voting with only an e-mail address', async ({ page }, info) => {
  test.slow();
  const email = address(info, 'briefwahl');
  await open(page, '/antrag/wahlschein-briefwahl-beantragen', info);
  await expect(page.getByRole('heading', { level: 1, name: 'Wahlschein und Briefwahlunterlagen beantragen' })).toBeVisible();
  await expectAccessible(page, info);
  await page.getByRole('link', { name: 'Ohne Servicekonto fortfahren' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mit Ihrer E-Mail-Adresse fortfahren' })).toBeVisible();
  await open(page, new URL(page.url()).pathname + new URL(page.url()).search, info);

  // A mistyped address is refused and stays as typed.
  await page.getByLabel('E-Mail-Adresse').fill('kim.example.de');
  await page.getByRole('button', { name: 'Link senden' }).click();
  await expect(page.getByRole('alert')).toContainText('E-Mail-Adresse');
  await expect(page).toHaveTitle(/^Fehler: /);
  await expect(page.getByLabel('E-Mail-Adresse')).toHaveValue('kim.example.de');
  await expectAccessible(page, info);

  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByRole('button', { name: 'Link senden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bitte prüfen Sie Ihr E-Mail-Postfach' })).toBeVisible();
  await expectAccessible(page, info);

  await open(page, await linkFromMail(page, email, '/konto/email-zugang/anmelden'), info);
  await expectAccessible(page, info);
  await page.getByRole('button', { name: 'Anmelden und weiter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Wahlschein und Briefwahlunterlagen beantragen' })).toBeVisible();
  await page.getByRole('button', { name: 'Antrag starten' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Wahl' })).toBeVisible();
  await page.getByLabel('Für welche Wahl?').selectOption({ label: 'Die nächste Wahl' });
  await next(page);

  await expect(page.getByRole('heading', { level: 1, name: 'Ihre Angaben' })).toBeVisible();
  await page.getByLabel('Vornamen').fill('Kim');
  await page.getByLabel('Familienname').fill('Muster');
  await page.getByLabel('Geburtsdatum').fill('1980-12-24');
  await fillAddress(page, 'Gemeldete Anschrift');
  await next(page);

  await expect(page.getByRole('heading', { level: 1, name: 'Versand' })).toBeVisible();
  await page.getByLabel('An meine gemeldete Anschrift').check();
  await page.getByLabel('Ich beantrage den Wahlschein für mich selbst').check();
  await expectAccessible(page, info);
  await next(page);

  const reference = await submit(page, info, 'Ich versichere, dass meine Angaben richtig sind und ich den Wahlschein');
  await open(page, '/antraege', info);
  await expect(page.getByRole('cell', { name: reference })).toBeVisible();
  // The account has no password, and the overview says how to set one.
  await open(page, '/konto', info);
  await expect(page.getByText('Sie nutzen das Portal ohne Passwort')).toBeVisible();
  await expectAccessible(page, info);
});

test('a dog owner registers two dogs for dog tax and pays by direct debit', async ({ page }, info) => {
  test.slow();
  await startSignedIn(page, info, 'hundesteuer-anmelden');
  await expect(page.getByRole('heading', { level: 1, name: 'Halterin oder Halter' })).toBeVisible();
  await page.getByLabel('Vornamen').fill('Kim');
  await page.getByLabel('Familienname').fill('Muster');
  await page.getByLabel('Geburtsdatum').fill('1980-12-24');
  await fillAddress(page, 'Anschrift');
  await next(page);

  await expect(page.getByRole('heading', { level: 1, name: 'Hunde' })).toBeVisible();
  const dog = async (n: number, name: string, sex: string) => {
    const entry = page.locator(`#hunde-${n}`);
    await entry.getByLabel('Name des Hundes').fill(name);
    await entry.getByLabel('Rasse').fill('Mischling');
    await entry.getByLabel(sex, { exact: true }).check();
    await entry.getByLabel('Farbe und Kennzeichen').fill('braun, weiße Pfote');
    await entry.getByLabel('Bei Ihnen seit').fill(inDays(-30));
    await entry.getByLabel('Nein', { exact: true }).check();
  };
  await dog(0, 'Bello', 'Rüde');
  await page.getByRole('button', { name: 'Weitere Angabe hinzufügen: Hund' }).click();
  await expect(page.locator('#hunde-1').getByLabel('Name des Hundes')).toBeVisible();
  await expect(page.locator('#hunde-0').getByLabel('Name des Hundes')).toHaveValue('Bello');
  await dog(1, 'Luna', 'Hündin');
  await expectAccessible(page, info);
  await next(page);

  await expect(page.getByRole('heading', { level: 1, name: 'Beginn der Haltung' })).toBeVisible();
  await page.getByLabel('Ich habe einen Hund neu aufgenommen').check();
  await page.getByLabel('Beginn der Haltung in der Gemeinde').fill(inDays(-30));
  await next(page);

  await expect(page.getByRole('heading', { level: 1, name: 'Zahlung' })).toBeVisible();
  await page.getByLabel('Ich möchte per Lastschrift zahlen').check();
  if (!info.project.use.javaScriptEnabled) {
    // Without JavaScript the account fields appear once the step is saved.
    await next(page);
    await expect(page.getByRole('alert')).toContainText('IBAN');
  }
  await page.getByLabel('Kontoinhaberin oder Kontoinhaber').fill('Kim Muster');
  await page.getByLabel('Ich erteile das SEPA-Lastschriftmandat').check();
  // A mistyped IBAN fails its check digits and is explained.
  await page.getByLabel('IBAN').fill('DE89 3704 0044 0532 0130 01');
  await next(page);
  await expect(page.getByRole('alert')).toContainText('IBAN');
  await expect(page).toHaveTitle(/^Fehler: /);
  await expectAccessible(page, info);
  await page.getByLabel('IBAN').fill('DE89 3704 0044 0532 0130 00');
  await next(page);

  await expect(page.locator('dd', { hasText: 'Luna' })).toBeVisible();
  await expect(page.locator('dd', { hasText: 'DE89' })).toBeVisible();
  await submit(page, info, 'Ich versichere, dass meine Angaben richtig und vollständig sind. Mir ist bekannt, dass ich es der Gemeinde melden muss');
});

test('a founder registers a business with the fields of the official form', async ({ page }, info) => {
  test.slow();
  await startSignedIn(page, info, 'gewerbe-anmelden');
  await expect(page.getByRole('heading', { level: 1, name: 'Art der Anmeldung' })).toBeVisible();
  await page.getByLabel('Neuerrichtung oder Neugründung').check();
  await page.getByLabel('eine Hauptniederlassung').check();
  await expectAccessible(page, info);
  await next(page);

  await expect(page.getByRole('heading', { level: 1, name: 'Betriebsinhaber' })).toBeVisible();
  await page.getByLabel('Rechtsform', { exact: true }).selectOption({ label: 'Einzelunternehmen' });
  await next(page);

  await expect(page.getByRole('heading', { level: 1, name: 'Angaben zur Person' })).toBeVisible();
  await page.getByLabel('weiblich', { exact: true }).check();
  await page.getByLabel('Familienname').fill('Muster');
  await page.getByLabel('Vornamen').fill('Kim');
  await page.getByLabel('Geburtsdatum').fill('1980-12-24');
  await page.getByLabel('Geburtsort und Land').fill('Saarbrücken, Deutschland');
  await page.getByLabel('Staatsangehörigkeit', { exact: true }).fill('deutsch');
  await fillAddress(page, 'Anschrift Ihrer Wohnung');
  await next(page);

  await expect(page.getByRole('heading', { level: 1, name: 'Betrieb' })).toBeVisible();
  await page.getByLabel('Geschäftsbezeichnung').fill('Kims Fahrradwerkstatt');
  await fillAddress(page, 'Anschrift der Betriebsstätte');
  await page.getByLabel('Angemeldete Tätigkeit').fill('Reparatur und Verkauf von Fahrrädern und Zubehör');
  await page.getByLabel('Art des Betriebs').selectOption({ label: 'Handel' });
  await page.getByLabel('Nebenerwerb', { exact: false }).check();
  await page.getByLabel('Beschäftigte in Vollzeit').fill('0');
  await page.getByLabel('Beschäftigte in Teilzeit').fill('1');
  // A start more than 90 days ahead is refused.
  await page.getByLabel('Beginn der Tätigkeit').fill(inDays(200));
  await next(page);
  await expect(page.getByRole('alert')).toContainText('Beginn der Tätigkeit');
  await expect(page.getByLabel('Angemeldete Tätigkeit')).toHaveValue('Reparatur und Verkauf von Fahrrädern und Zubehör');
  await expectAccessible(page, info);
  await page.getByLabel('Beginn der Tätigkeit').fill(inDays(14));
  await next(page);

  await expect(page.getByRole('heading', { level: 1, name: 'Erlaubnis und Handwerk' })).toBeVisible();
  await page.getByLabel('Nein', { exact: true }).check();
  await next(page);

  await expect(page.locator('dd', { hasText: 'Kims Fahrradwerkstatt' })).toBeVisible();
  await submit(page, info, 'Ich versichere, dass meine Angaben richtig und vollständig sind. Mir ist bekannt, dass diese Anmeldung');
});
