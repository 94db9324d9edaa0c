/**
 * Renders the README's screenshots of the dashboard and the map from a fresh database with
 * the public dataset, in Debian's Chromium (through playwright-core, as the browser tests
 * do): docs/screenshots/dashboard.png and docs/screenshots/map.png; and the workspace's
 * import page checking a documenter's working sheet (docs/screenshots/workspace-import.png);
 * the home page, the map and the facility table in Ukrainian at 1366 and 390 px
 * (uk-home-1366.png, uk-map-390.png, …).
 * Run: `npx tsx scripts/screenshots.ts [dashboard|map|uk-home|uk-map|uk-facilities|workspace-import …]` (all when none is
 * named; builds the web app first when it is out of date).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, logIn, openPage, startServer } from '../e2e/harness.js';
import { WORKING_SHEET, workingSheet } from '../e2e/working-sheet.js';
import { packageRoot } from '../src/package-root.js';

const out = join(packageRoot(), 'docs', 'screenshots');
const only = process.argv.slice(2);
const wanted = (name: string) => only.length === 0 || only.includes(name);
mkdirSync(out, { recursive: true });
const server = await startServer();
const browser = await launchBrowser();
try {
  const { page, problems } = await openPage(browser, { width: 1200, height: 900, locale: 'en-GB' });
  if (wanted('dashboard')) {
    await page.goto(`${server.url}/en/`);
    await page.locator('[data-figure="returned"] .number').waitFor();
    await page.locator('.facility-marker').first().waitFor();
    await page.screenshot({ path: join(out, 'dashboard.png') });
    console.log(`wrote ${join(out, 'dashboard.png')}`);
  }

  if (wanted('map')) {
    await page.goto(`${server.url}/en/map?facility=taganrog-sizo-2`);
    await page.locator('[data-panel="taganrog-sizo-2"]').waitFor();
    await page.locator('.facility-marker').first().waitFor();
    await page.screenshot({ path: join(out, 'map.png') });
    console.log(`wrote ${join(out, 'map.png')}`);
  }

  // The map and the facility table in Ukrainian, on a laptop and on a phone.
  for (const width of [1366, 390]) {
    const phone = width < 600;
    const shot = await openPage(browser, { width, height: phone ? 844 : 900, locale: 'uk-UA' });
    if (wanted('uk-home')) {
      await shot.page.goto(`${server.url}/uk/`);
      await shot.page.locator('[data-figure="estimatedHeld"]').waitFor();
      await shot.page.locator('[data-figure="returned"] .number').waitFor();
      const path = join(out, `uk-home-${width}.png`);
      await shot.page.screenshot({ path, fullPage: false });
      console.log(`wrote ${path}`);
    }
    if (wanted('uk-map')) {
      await shot.page.goto(`${server.url}/uk/map?facility=taganrog-sizo-2`);
      await shot.page.locator('.facility-marker.selected').waitFor();
      await shot.page.locator('.place-label.town').first().waitFor({ state: 'attached' });
      const path = join(out, `uk-map-${width}.png`);
      await shot.page.screenshot({ path, fullPage: phone });
      console.log(`wrote ${path}`);
    }
    if (wanted('uk-facilities')) {
      await shot.page.goto(`${server.url}/uk/facilities?sort=status`);
      await shot.page.locator('[data-table="facilities"] tbody tr').first().waitFor();
      const path = join(out, `uk-facilities-${width}.png`);
      await shot.page.screenshot({ path, fullPage: false });
      console.log(`wrote ${path}`);
    }
    problems.push(...shot.problems);
    await shot.context.close();
  }

  if (wanted('workspace-import')) {
    // The import page in a documenter's language, after checking their own working sheet (one
    // more person than the browser test's, held at a place the gazetteer can only guess).
    const ws = await openPage(browser, { width: 1200, height: 900, locale: 'uk-UA' });
    await logIn(server, ws.context, 'documenter');
    await ws.page.goto(`${server.url}/uk/workspace/import?kind=persons`);
    await ws.page.locator('#import-file').setInputFiles({
      name: 'список-полонених.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await workingSheet([
        ...WORKING_SHEET,
        ['Прикладенко Петро Іванович', '1992', 'ч', '24.02.2022', 'колонія Курськ'],
      ]),
    });
    await ws.page.locator('#import-source').selectOption('__new__');
    await ws.page.locator('#new-source-id').fill('kherson-documenter-2024');
    await ws.page.locator('#new-source-title').fill('Робочий список документатора, Херсон');
    await ws.page.locator('#new-source-reliability').selectOption('C');
    await ws.page.locator('#new-source-credibility').selectOption('3');
    await ws.page.locator('#new-source-add').click();
    await ws.page
      .locator('#import-source option:checked[value="kherson-documenter-2024"]')
      .waitFor({ state: 'attached' });
    await ws.page.locator('#import-check').click();
    await ws.page.locator('#import-preview').waitFor();
    await ws.page.screenshot({ path: join(out, 'workspace-import.png'), fullPage: true });
    console.log(`wrote ${join(out, 'workspace-import.png')}`);
    problems.push(...ws.problems);
  }
  if (problems.length) console.warn(`the pages reported problems:\n${problems.join('\n')}`);
} finally {
  await browser.close();
  await server.close();
}
