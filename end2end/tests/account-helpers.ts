import { expect, type Page, type TestInfo } from '@playwright/test';
import { open } from './helpers';

export const PASSWORD = 'ein langer satz als passwort';

/** A fresh address per test and project, so runs never meet. */
export function address(info: TestInfo, name: string) {
  return `${name}-${info.project.name}-${Date.now()}@example.de`;
}

/**
 * The newest link for `to` from the development outbox (/dev/mail: without SMTP on a
 * loopback address mail stays there). The Rust tests read the same mails over SMTP.
 */
export async function linkFromMail(page: Page, to: string, path: string): Promise<string> {
  const outbox = await page.request.get('/dev/mail');
  expect(outbox.ok()).toBeTruthy();
  const html = await outbox.text();
  const article = html.split('<article>').find((a) => a.includes(`An: ${to}`));
  expect(article, `a mail to ${to}`).toBeTruthy();
  const match = article!.match(new RegExp(`https?://[^\\s<]*${path}\\?code=[A-Za-z0-9_-]+`));
  expect(match, `a link to ${path}`).toBeTruthy();
  return new URL(match![0]).pathname + new URL(match![0]).search;
}

export async function register(page: Page, info: TestInfo, email: string) {
  await open(page, '/konto/registrieren', info);
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Konto anlegen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bitte prüfen Sie Ihr Postfach' })).toBeVisible();
  await open(page, await linkFromMail(page, email, '/konto/bestaetigen'), info);
  await page.getByRole('button', { name: 'Adresse bestätigen' }).click();
  await expect(page.getByText('Ihre E-Mail-Adresse ist bestätigt.')).toBeVisible();
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  // With JavaScript the form posts in the background: wait for its answer (the next page,
  // or the error summary) before the test goes anywhere else.
  await expect(page.locator('#fehler, main:not(:has(#sign-in-password))').first()).toBeAttached();
}

