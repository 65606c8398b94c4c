import { test, expect } from '@playwright/test';
import { open, expectAccessible, tabTo } from '../helpers';

test('suggestions while typing work with the keyboard alone', async ({ page }, info) => {
  await open(page, '/', info);
  const box = page.getByRole('combobox', { name: 'Wonach suchen Sie?' });
  await tabTo(page, box);
  await page.keyboard.type('Perso');
  const list = page.getByRole('listbox');
  await expect(list.getByRole('option', { name: 'Personalausweis beantragen' })).toBeVisible();
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  await expectAccessible(page, info);

  // Down to the first suggestion, which must be the ID card, and Enter opens it.
  await page.keyboard.press('ArrowDown');
  const first = list.getByRole('option').first();
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await expect(box).toHaveAttribute('aria-activedescendant', 'search-suggestion-0');
  const name = await first.textContent();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: name! })).toBeVisible();

  // Escape closes the list; Enter without a chosen suggestion searches.
  await open(page, '/', info);
  await tabTo(page, box);
  await page.keyboard.type('Hund');
  await expect(list.getByRole('option').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Suche nach „Hund“' })).toBeVisible();
});
