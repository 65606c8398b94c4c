import { expect, type Browser, type Page, type TestInfo } from '@playwright/test';
import { open, jsEnabled } from './helpers';
import { portal, register, setUpAuthenticator, signIn } from './account-helpers';

/** The Bürgeramt Saarbrücken handles the Meldebescheinigung there. */
export const AUTHORITY = 'rathaus-10041100';

/** A second person at another computer, with JavaScript as in this run. */
export async function secondPerson(browser: Browser, info: TestInfo): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: jsEnabled(info), locale: 'de-DE' });
  return context.newPage();
}

/** A citizen applies for a Meldebescheinigung for Saarbrücken; returns the reference. */
export async function apply(page: Page, info: TestInfo, email: string) {
  await register(page, info, email);
  await signIn(page, email);
  await open(page, '/antrag/meldebescheinigung-beantragen', info);
  await page.getByRole('button', { name: 'Antrag starten' }).click();
  await page.getByLabel('Einfache Meldebescheinigung', { exact: false }).check();
  await page.getByLabel('Anzahl der Exemplare').fill('1');
  await page.getByRole('button', { name: 'Weiter', exact: true }).click();
  await page.getByLabel('Vornamen').fill('Kim');
  await page.getByLabel('Familienname').fill('Muster');
  await page.getByLabel('Geburtsdatum').fill('1980-12-24');
  await page.getByLabel('Straße').fill('Am Markt');
  await page.getByLabel('Hausnummer').fill('1');
  await page.getByLabel('Postleitzahl').fill('66111');
  await page.getByLabel('Ort', { exact: true }).fill('Saarbrücken');
  await page.getByRole('button', { name: 'Weiter', exact: true }).click();
  await page.getByLabel('Per Post an meine gemeldete Anschrift').check();
  await page.getByRole('button', { name: 'Weiter', exact: true }).click();
  await page.getByLabel('Gemeinde, für die Sie den Antrag stellen').selectOption({ label: 'Saarbrücken' });
  await page.getByLabel('Ich beantrage die Meldebescheinigung', { exact: false }).check();
  await page.getByRole('button', { name: 'Antrag verbindlich senden' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Antrag gesendet' })).toBeVisible();
  return (await page.locator('.reference').textContent())!.trim();
}

/** A caseworker of the Bürgeramt: registered, added by the operator, second factor set up. */
export async function caseworker(page: Page, info: TestInfo, email: string) {
  await register(page, info, email);
  portal('add-member', email, AUTHORITY);
  await signIn(page, email);
  await setUpAuthenticator(page);
  await open(page, '/behoerde', info);
  await expect(page.getByRole('heading', { level: 1, name: 'Posteingang' })).toBeVisible();
}

