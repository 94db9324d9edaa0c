import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/index.js';
import { importFile } from '../src/features/imports/index.js';
import { linkDatabase } from '../src/features/linkage/index.js';
import { episodesImport, eventsImport, personsImport } from '../src/features/persons/index.js';
import { sourcesImport } from '../src/features/sources/index.js';
import { writeSynth } from '../src/features/synth/index.js';
import {
  BROWSER_TEST_MS,
  launchBrowser,
  logIn,
  openPage,
  seriousAxeViolations,
  startServer,
  TEST_PASSWORD,
  type TestServer,
} from './harness.js';

/*
 * The estimates page's latent-class estimate (LCMCR) in a real browser, over synthetic persons
 * seen by several sources and linked: the analyst runs it on the overlap table of the
 * captivity estimate and reads the median, the interval, the histogram and both methods.
 */
async function prepare(db: Db): Promise<void> {
  const out = mkdtempSync(join(tmpdir(), 'polon-e2e-lcmcr-'));
  await writeSynth(db.kysely, { persons: 600, seed: 21, out });
  await importFile(db, sourcesImport, join(out, 'sources.csv'));
  await importFile(db, personsImport, join(out, 'persons.csv'));
  await importFile(db, eventsImport, join(out, 'events.csv'));
  await importFile(db, episodesImport, join(out, 'episodes.csv'));
  await linkDatabase(db.kysely);
}

/** A whole number as the page writes it in any language ("1 234", "1,234"). */
const whole = (text: string | null): number => Number((text ?? '').replace(/\D/g, ''));

describe('the LCMCR panel of the estimates page', { timeout: BROWSER_TEST_MS }, () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer(prepare);
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  let loggedInOnce = false;

  /** A phone-wide page, logged in as an analyst, on the estimate as of mid-2024. */
  async function estimatesPage(lang: string) {
    const opened = await openPage(browser, { width: 375, height: 800, bypassCSP: true });
    if (loggedInOnce) {
      const res = await opened.context.request.post(`${server.url}/api/session`, {
        data: { username: 'e2e-analyst', password: TEST_PASSWORD },
      });
      expect(res.ok()).toBe(true);
    } else await logIn(server, opened.context, 'analyst');
    loggedInOnce = true;
    await opened.page.goto(`${server.url}/${lang}/workspace/estimates?asOf=2024-06-30`);
    await opened.page.locator('.lcmcr-panel button[type=submit]').waitFor();
    return opened;
  }

  const fitsWidth = (page: Page) =>
    page.evaluate(() => {
      const w = globalThis as unknown as {
        innerWidth: number;
        document: { documentElement: { scrollWidth: number } };
      };
      return w.document.documentElement.scrollWidth <= w.innerWidth + 1;
    });

  it('runs LCMCR and shows the median, the interval, the histogram and both methods', async () => {
    const { page, problems, context } = await estimatesPage('uk');
    // The request waits until the page has been seen saying that it runs.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/estimates/lcmcr', async (route) => {
      await held;
      await route.continue();
    });
    const button = page.locator('.lcmcr-panel button[type=submit]');
    await button.click();
    await expect
      .poll(() => page.locator('.lcmcr-panel [role=status]').textContent())
      .toBe('Обчислюються 2 ланцюги; це може тривати хвилину.');
    expect(await button.isDisabled()).toBe(true);
    release();
    const median = page.locator('[data-figure=lcmcr-median] dd');
    await median.waitFor({ timeout: 90_000 });

    const n = whole(await median.textContent());
    const [low, high] = (await page.locator('[data-figure=lcmcr-interval] dd').textContent())!
      .split('–')
      .map(whole);
    const observed = whole(await page.locator('[data-figure=lcmcr-observed] dd').textContent());
    expect(observed).toBeGreaterThan(0);
    expect(low).toBeGreaterThanOrEqual(observed);
    expect(low).toBeLessThanOrEqual(n);
    expect(n).toBeLessThanOrEqual(high!);

    // The posterior as bars, with both axes named, in the reader's language.
    const chart = page.locator('.posterior-histogram svg[role=img]');
    await chart.waitFor();
    expect(await chart.getAttribute('aria-label')).toContain('Гістограма');
    expect(await chart.locator('rect').count()).toBeGreaterThan(5);
    const chartText = await chart.textContent();
    expect(chartText).toContain('N (люди');
    expect(chartText).toContain('Вибірки');

    // What was run, with the chain count in its plural form, and whether to quote it.
    expect(await page.locator('.lcmcr-ran').textContent()).toContain('2 ланцюги');
    expect(await page.locator('[data-converged]').textContent()).toMatch(/Збіжн/);

    // Both methods side by side on the same table.
    const rows = page.locator('.lcmcr-compare tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).locator('th').textContent()).toContain('Лог-лінійна');
    expect(whole(await rows.nth(1).locator('td').first().textContent())).toBe(n);

    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('says another estimate is running when the server answers busy', async () => {
    const { page, problems, context } = await estimatesPage('en');
    // The server's line for LCMCR runs is full: it answers 503 busy at once.
    await page.route('**/api/estimates/lcmcr', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        headers: { 'retry-after': '60' },
        body: JSON.stringify({ error: { code: 'busy', message: 'busy' } }),
      }),
    );
    await page.locator('.lcmcr-panel button[type=submit]').click();
    await expect
      .poll(() => page.locator('.lcmcr-panel [role=alert]').textContent())
      .toBe('Another estimate is running; try again in a minute.');
    expect(await page.locator('.lcmcr-panel button[type=submit]').isEnabled()).toBe(true);
    // The browser logs the 503 answer itself as a console error; nothing else may go wrong.
    expect(problems.filter((p) => !p.includes('status of 503'))).toEqual([]);
    await context.close();
  });
});
