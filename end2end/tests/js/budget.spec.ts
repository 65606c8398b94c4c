import { test, expect } from '@playwright/test';

const KB = 1024;
const HARD_CAP = 350 * KB;

/** Sums the brotli bytes of the scripts, WASM and stylesheets a first visit loads. */
async function firstVisitBytes(baseURL: string, path: string, request: import('@playwright/test').APIRequestContext) {
  const html = await (await request.get(path)).text();
  const urls = new Set<string>();
  for (const m of html.matchAll(/<link[^>]+href="([^"]+\.(?:css|js|wasm))"/g)) urls.add(m[1]);
  for (const m of html.matchAll(/<script[^>]+src="([^"]+)"/g)) urls.add(m[1]);
  let total = 0;
  const parts: string[] = [];
  for (const url of urls) {
    const response = await request.get(new URL(url, baseURL).toString(), { headers: { 'accept-encoding': 'br' } });
    expect(response.status(), url).toBe(200);
    expect(response.headers()['content-encoding'], url).toBe('br');
    const bytes = Number(response.headers()['content-length']);
    total += bytes;
    parts.push(`${url} ${(bytes / KB).toFixed(1)} KB`);
  }
  return { total, parts };
}

for (const path of ['/', '/barrierefreiheit']) {
  test(`first visit of ${path} stays under the size budget`, async ({ request, baseURL }) => {
    const { total, parts } = await firstVisitBytes(baseURL!, path, request);
    console.log(`${path}: ${(total / KB).toFixed(1)} KB brotli (${parts.join(', ')})`);
    expect(total).toBeLessThan(HARD_CAP);
  });
}
