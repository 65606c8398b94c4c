import { createHmac } from 'node:crypto';
import { execFileSync } from 'node:child_process';
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


/** RFC 6238 TOTP (SHA-1, 6 digits, 30 s) as an authenticator app computes it. */
export function totp(base32: string, at = Date.now()): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of base32.replace(/\s+/g, '').toUpperCase()) {
    bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  }
  const key = Buffer.from(bits.match(/.{8}/g)!.map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const hmac = createHmac('sha1', key).update(counter).digest();
  const offset = hmac[hmac.length - 1] & 0xf;
  const value = (hmac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return value.toString().padStart(6, '0');
}

/** Runs one of the portal's commands on the test database (as an operator would). */
export function portal(...args: string[]) {
  const bin = process.env.E2E_PORTAL_BIN;
  expect(bin, 'E2E_PORTAL_BIN from scripts/e2e.sh').toBeTruthy();
  execFileSync(bin!, args, { cwd: process.env.E2E_PORTAL_ROOT, env: process.env, stdio: 'pipe' });
}

/**
 * Staff sign in for the first time: the portal asks for an authenticator app first; this
 * sets one up as the app would and leaves the page at the recovery codes.
 */
export async function setUpAuthenticator(page: Page) {
  await expect(page.getByRole('heading', { level: 1, name: 'Authenticator-App einrichten' })).toBeVisible();
  await page.getByRole('button', { name: 'Einrichtung beginnen' }).click();
  const secret = (await page.locator('.totp-secret').textContent())!;
  await page.getByLabel('Code aus der App').fill(totp(secret));
  await page.getByRole('button', { name: 'Bestätigen und einrichten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ihre Wiederherstellungscodes' })).toBeVisible();
}
