import { test, expect } from '@playwright/test';
import { open, expectAccessible } from '../helpers';
import { address, portal, register, setUpAuthenticator, signIn } from '../account-helpers';
import { apply, caseworker, secondPerson } from '../backoffice-helpers';

test('caseworkers reach the inbox search with a key, and typing there stays typing', async ({ page }, info) => {
  test.slow();
  const email = address(info, 'tasten');
  await register(page, info, email);
  portal('add-member', email, 'rathaus-10041100');
  await signIn(page, email);
  await setUpAuthenticator(page);
  await open(page, '/behoerde', info);
  const search = page.getByLabel('Suche');
  await expect(search).not.toBeFocused();
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  // Inside the field the same keys are text, not shortcuts.
  await page.keyboard.type('j/k');
  await expect(search).toHaveValue('j/k');
  await expect(search).toBeFocused();
  // The list of shortcuts is part of the page.
  await page.getByText('Tastenkürzel').click();
  await expect(page.getByText('nächster Vorgang')).toBeVisible();
  await expectAccessible(page, info);
});

test('a caseworker opens, takes and starts a case and writes a note with keys only', async ({ page, browser }, info) => {
  test.setTimeout(150_000);
  const reference = await apply(page, info, address(info, 'tasten-antrag'));
  const clerk = await secondPerson(browser, info);
  await caseworker(clerk, info, address(info, 'tasten-sachbearbeitung'));
  // The keys work once the page's shortcut island is awake.
  const awake = () => expect(clerk.locator('details.shortcuts ~ leptos-island [data-hydrated]')).toBeAttached();
  await open(clerk, `/behoerde?suche=${reference}`, info);
  await awake();

  // j moves to the first case of the list, k stays there; Enter opens it.
  const link = clerk.getByRole('link', { name: reference });
  await clerk.keyboard.press('j');
  await expect(link).toBeFocused();
  await clerk.keyboard.press('k');
  await expect(link).toBeFocused();
  await clerk.keyboard.press('Enter');
  await expect(clerk.getByRole('heading', { level: 1, name: `Vorgang ${reference}` })).toBeVisible();
  await awake();

  // z takes the case, b starts work on it.
  await clerk.keyboard.press('z');
  await expect(clerk.getByRole('button', { name: 'Mir zuweisen' })).toHaveCount(0);
  await awake();
  await clerk.keyboard.press('b');
  await expect(clerk.getByRole('button', { name: 'Bearbeitung beginnen' })).toHaveCount(0);
  await awake();

  // i goes to the note, n to the message; inside them the keys are text.
  await clerk.keyboard.press('i');
  const note = clerk.getByLabel('Neue Notiz');
  await expect(note).toBeFocused();
  await clerk.keyboard.type('zbn');
  await expect(note).toHaveValue('zbn');
  await note.blur();
  await clerk.keyboard.press('n');
  await expect(clerk.getByLabel('Nachricht', { exact: true })).toBeFocused();
  await expectAccessible(clerk, info);
});
