/**
 * Renders the README's screenshots of the dashboard and the map from a fresh database with
 * the public dataset, in Debian's Chromium (through playwright-core, as the browser tests
 * do): docs/screenshots/dashboard.png and docs/screenshots/map.png.
 * Run: `npx tsx scripts/screenshots.ts` (builds the web app first when it is out of date).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, openPage, startServer } from '../e2e/harness.js';
import { packageRoot } from '../src/package-root.js';

const out = join(packageRoot(), 'docs', 'screenshots');
mkdirSync(out, { recursive: true });
const server = await startServer();
const browser = await launchBrowser();
try {
  const { page, problems } = await openPage(browser, { width: 1200, height: 900, locale: 'en-GB' });
  await page.goto(`${server.url}/en/`);
  await page.locator('[data-figure="returned"] .number').waitFor();
  await page.locator('.facility-marker').first().waitFor();
  await page.screenshot({ path: join(out, 'dashboard.png') });
  console.log(`wrote ${join(out, 'dashboard.png')}`);

  await page.goto(`${server.url}/en/map?facility=taganrog-sizo-2`);
  await page.locator('[data-panel="taganrog-sizo-2"]').waitFor();
  await page.locator('.facility-marker').first().waitFor();
  await page.screenshot({ path: join(out, 'map.png') });
  console.log(`wrote ${join(out, 'map.png')}`);
  if (problems.length) console.warn(`the pages reported problems:\n${problems.join('\n')}`);
} finally {
  await browser.close();
  await server.close();
}
