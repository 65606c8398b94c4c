import { expect, type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const jsEnabled = (info: TestInfo) => info.project.use.javaScriptEnabled !== false;

/** Opens a page and, with JavaScript, waits until its islands have woken up. */
export async function open(page: Page, path: string, info: TestInfo) {
  const problems: string[] = [];
  const listener = (m: { type(): string; text(): string }) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  };
  page.on('console', listener);
  page.on('pageerror', (e) => problems.push(e.message));
  const response = await page.goto(path);
  if (jsEnabled(info) && (await page.locator('leptos-island').count()) > 0) {
    await expect(page.locator('[data-hydrated]').first(), `islands of ${path} did not wake up: ${problems.join(' | ')}`).toBeAttached();
  }
  page.off('console', listener);
  return response;
}

/**
 * Zero axe-core violations of WCAG 2.1 A and AA in the page's current state. axe runs as a
 * script, so a page shown without JavaScript is scanned as a copy: the same HTML (scripts
 * removed) with the same stylesheets, in a page where axe may run.
 */
export async function expectAccessible(page: Page, info: TestInfo) {
  let target = page;
  let copy: BrowserContext | undefined;
  if (!jsEnabled(info)) {
    const html = (await page.content()).replace(/<script[\s\S]*?<\/script>/g, '');
    const browser = page.context().browser();
    if (!browser) throw new Error('no browser to scan the page copy in');
    copy = await browser.newContext({ javaScriptEnabled: true });
    target = await copy.newPage();
    const base = `<base href="${page.url()}">`;
    await target.setContent(html.replace('<head>', `<head>${base}`), { waitUntil: 'load' });
  }
  const results = await new AxeBuilder({ page: target })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  await copy?.close();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary).toEqual([]);
}

/** Moves focus with Tab until `target` has it, as a keyboard user would. */
export async function tabTo(page: Page, target: ReturnType<Page['locator']>, max = 60) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('could not reach the element with the Tab key');
}

/** The text of a PDF as a reader gets it, page by page (pdf.js, as Firefox uses it). */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await doc.destroy();
  return pages.join('\n');
}
