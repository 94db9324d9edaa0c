import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countSyntheticAsReal, loadPublicAndSynthetic } from '../test/synthetic-data.js';
import { publishEstimate } from '../src/features/publication/index.js';
import {
  launchBrowser,
  openPage,
  seriousAxeViolations,
  startServer,
  type TestServer,
  BROWSER_TEST_MS,
  clickUntilShown,
} from './harness.js';

interface Stats {
  exchanges: number;
  returned: number;
  bodiesReturned: number;
}

describe('public dashboard in Chromium', { timeout: BROWSER_TEST_MS }, () => {
  let server: TestServer;
  let browser: Browser;
  let stats: Stats;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    stats = (await (await fetch(`${server.url}/api/stats/exchanges`)).json()) as Stats;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the public dataset’s numbers, and the published figures of people held until an estimate is published', async () => {
    const { page, problems, context } = await openPage(browser);
    await page.goto(`${server.url}/`);
    // The browser asked for en-GB: `/` sends it to the English dashboard.
    expect(new URL(page.url()).pathname).toBe('/en/');
    const figure = (id: string) => page.locator(`[data-figure="${id}"] .number`);
    await figure('returned').waitFor();
    const en = new Intl.NumberFormat('en');
    expect(await figure('returned').textContent()).toBe(en.format(stats.returned));
    expect(await figure('exchanges').textContent()).toBe(en.format(stats.exchanges));
    expect(await figure('bodiesReturned').textContent()).toBe(en.format(stats.bodiesReturned));
    const held = page.locator('[data-figure="estimatedHeld"]');
    expect(await held.textContent()).toContain('not published yet');
    expect(await held.locator('[data-official="pow"] li').count()).toBeGreaterThan(0);
    // The published figures of people held, each with its source, instead of an estimate.
    expect(await page.locator('[data-table="published"] tbody tr').count()).toBeGreaterThan(5);
    expect(await page.locator('svg.timeline rect.bar').count()).toBe(stats.exchanges);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the places as markers, and a marker opens the place’s panel with its names', async () => {
    const { page, problems, context } = await openPage(browser);
    await page.goto(`${server.url}/en/map`);
    const marker = page.locator('.facility-marker').first();
    await marker.waitFor();
    const facilities = page.locator('.facility-marker');
    const clusters = page.locator('.facility-cluster');
    expect((await facilities.count()) + (await clusters.count())).toBeGreaterThan(10);
    const name = await marker.getAttribute('title');
    const panel = page.locator('aside.facility-panel');
    await clickUntilShown(marker, panel);
    expect(await panel.locator('h2').textContent()).toBe(name);
    const id = await panel.getAttribute('data-panel');
    expect(new URL(page.url()).searchParams.get('facility')).toBe(id);

    // A shared link opens the same place, its Ukrainian name among its names.
    await page.goto(`${server.url}/en/map?facility=taganrog-sizo-2`);
    const taganrog = page.locator('[data-panel="taganrog-sizo-2"]');
    await taganrog.waitFor();
    expect(await taganrog.locator('[data-name="nameUk"]').textContent()).toContain(
      'Таганрозьке СІЗО №2',
    );
    await page.locator('.facility-marker.selected').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('opens a place from the keyboard, and prints the report without the navigation', async () => {
    const { page, problems, context } = await openPage(browser);
    await page.goto(`${server.url}/en/map`);
    const marker = page.locator('.facility-marker').first();
    await marker.waitFor();
    await marker.focus();
    await page.keyboard.press('Enter');
    await page.locator('aside.facility-panel').waitFor();
    // Focus moves to the place's heading, so a screen reader reads what opened.
    await expect.poll(() => page.evaluate('document.activeElement.tagName')).toBe('H2');

    await page.goto(`${server.url}/en/report`);
    await page.locator('svg.timeline').waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(await page.locator('[data-figure="returned"]').isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('switches language by link: the text, the number format and the URL change', async () => {
    const { page, problems, context } = await openPage(browser);
    await page.goto(`${server.url}/en/facilities?territory=BY`);
    await page.locator('[data-table="facilities"]').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Places of detention');
    await page.getByRole('link', { name: 'Українська' }).click();
    await page.waitForURL('**/uk/facilities?territory=BY');
    expect(await page.locator('h1').textContent()).toBe('Місця утримання');
    expect(await page.title()).toBe('Місця утримання · Полон');
    expect(await page.locator('html').getAttribute('lang')).toBe('uk');
    // Region names follow the language too (the only Belarusian place is in Gomel Region).
    expect(await page.locator('[data-table="facilities"] tbody').textContent()).toContain(
      'Гомельська область',
    );
    await page.getByRole('link', { name: 'Огляд' }).click();
    await page.waitForURL('**/uk/');
    const returned = page.locator('[data-figure="returned"] .number');
    await returned.waitFor();
    expect(await returned.textContent()).toBe(new Intl.NumberFormat('uk').format(stats.returned));
    await page.getByRole('link', { name: 'Русский' }).click();
    await page.waitForURL('**/ru/');
    expect(await page.locator('h1').textContent()).toBe('Украинцы в российском плену');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('finds a place in the table by a Cyrillic and by a Latin query', async () => {
    const { page, problems, context } = await openPage(browser);
    await page.goto(`${server.url}/en/facilities`);
    const search = page.getByLabel('Search (Cyrillic or Latin)');
    const row = page.locator('[data-facility="taganrog-sizo-2"]');
    for (const query of ['Таганрог', 'Taganrog']) {
      await search.fill(query);
      await page.waitForURL((url) => url.searchParams.get('q') === query);
      await row.waitFor();
      const found = Number(await page.locator('[data-found]').getAttribute('data-found'));
      expect(found).toBeGreaterThan(0);
      expect(found).toBeLessThan(10);
    }
    await search.fill('no such place anywhere');
    await page.locator('[data-found="0"]').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    const { page, context } = await openPage(browser, { bypassCSP: true });
    for (const [path, ready] of [
      ['/en/', '.facility-marker'],
      ['/uk/map?facility=taganrog-sizo-2', '[data-panel]'],
      ['/en/facilities', '[data-table="facilities"]'],
      ['/ru/report', 'svg.timeline'],
    ] as const) {
      await page.goto(`${server.url}${path}`);
      await page.locator(ready).first().waitFor();
      expect(await seriousAxeViolations(page), path).toEqual([]);
    }
    await context.close();
  });

  it('fits a phone’s width (390 px) without scrolling sideways', async () => {
    const { page, problems, context } = await openPage(browser, { width: 390, height: 844 });
    for (const [path, ready] of [
      ['/en/', '.facility-marker'],
      ['/uk/map?facility=taganrog-sizo-2', '[data-panel]'],
      ['/en/facilities', '[data-table="facilities"]'],
      ['/en/report', 'svg.timeline'],
    ] as const) {
      await page.goto(`${server.url}${path}`);
      await page.locator(ready).first().waitFor();
      const width = Number(await page.evaluate('document.documentElement.scrollWidth'));
      expect(width, path).toBeLessThanOrEqual(390);
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('dashboard over person records', { timeout: BROWSER_TEST_MS }, () => {
  it('shows the estimate and the priority groups, small counts only as a bound', async () => {
    // 300 synthetic persons and a threshold of 1,000: every count from the records is "<1000".
    const server = await startServer(
      async (db) => {
        await loadPublicAndSynthetic(db, { persons: 300, seed: 3 });
        // Synthetic records never count in public: they stand in for real ones here.
        await countSyntheticAsReal(db);
        await publishEstimate(db.kysely, { note: 'e2e' }, 'e2e');
      },
      { POLON_SMALL_COUNT: '1000' },
    );
    const browser = await launchBrowser();
    try {
      const { page, problems } = await openPage(browser);
      await page.goto(`${server.url}/en/`);
      const estimate = page.locator('[data-figure="estimatedHeld"] .number');
      await estimate.waitFor();
      expect(await estimate.textContent()).toBe('<1000');
      const held = page.locator('[data-table="groups"] tr[data-group="women"] td').nth(1);
      expect(await held.textContent()).toMatch(/^(<1000|0|not recorded)$/);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});

describe('public page weight', { timeout: BROWSER_TEST_MS }, () => {
  it('loads at most 400 KB of gzipped JavaScript for the dashboard with its map', async () => {
    const server = await startServer();
    const browser = await launchBrowser();
    try {
      const { page, context } = await openPage(browser);
      const scripts = new Map<string, number>();
      page.on('response', (res) => {
        if (res.request().resourceType() !== 'script') return;
        void res.body().then((body) => scripts.set(res.url(), gzipSync(body).length));
      });
      await page.goto(`${server.url}/en/`);
      await page.locator('.facility-marker').first().waitFor();
      await page.waitForLoadState('networkidle');
      const total = [...scripts.values()].reduce((a, b) => a + b, 0);
      console.log(
        `public dashboard JavaScript: ${scripts.size} files, ${(total / 1024).toFixed(1)} KB gzipped`,
      );
      expect(scripts.size).toBeGreaterThan(1);
      expect(total).toBeLessThanOrEqual(400 * 1024);
      await context.close();
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
