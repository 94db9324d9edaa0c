import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BROWSER_TEST_MS,
  launchBrowser,
  openPage,
  startServer,
  type TestServer,
} from './harness.js';

/** Computed font size of the first element matching the selector, in CSS pixels. */
const fontSize = async (page: Page, selector: string) =>
  Number(
    await page.evaluate(
      `parseFloat(getComputedStyle(document.querySelector(${JSON.stringify(selector)})).fontSize)`,
    ),
  );

/** Whether `a` comes before `b` in the document (both must exist). */
const before = async (page: Page, a: string, b: string) =>
  Boolean(
    await page.evaluate(
      `!!(document.querySelector(${JSON.stringify(a)}).compareDocumentPosition(document.querySelector(${JSON.stringify(b)})) & Node.DOCUMENT_POSITION_FOLLOWING)`,
    ),
  );

describe('the public pages’ design in Chromium', { timeout: BROWSER_TEST_MS }, () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('leads the home page with the still-held number, then the timeline, then the map', async () => {
    const { page, problems, context } = await openPage(browser, { width: 1366, locale: 'uk-UA' });
    await page.goto(`${server.url}/uk/`);
    await page.locator('[data-figure="estimatedHeld"] .official-range').first().waitFor();
    await page.locator('svg.timeline').waitFor();
    await page.locator('[data-map="facilities"]').waitFor();
    // The first figure on the page is the one to quote, and it is the largest text there.
    expect(await page.locator('main [data-figure]').first().getAttribute('data-figure')).toBe(
      'estimatedHeld',
    );
    expect(await before(page, '[data-figure="estimatedHeld"]', 'svg.timeline')).toBe(true);
    expect(await before(page, 'svg.timeline', '[data-map="facilities"]')).toBe(true);
    const hero = await fontSize(page, '[data-figure="estimatedHeld"] .official-range .n');
    expect(hero).toBeGreaterThan(await fontSize(page, 'main h1'));
    expect(hero).toBeGreaterThan(await fontSize(page, '[data-figure="returned"] .number'));
    // Its caveat stands in the figure itself, in the reader's language.
    expect(await page.locator('[data-estimate="not-published"]').textContent()).toContain(
      'ще не опубліковано',
    );
    expect(problems).toEqual([]);
    await context.close();
  });

  it('labels the timeline’s axes: every year from the first exchange’s, and the units', async () => {
    const { page, problems, context } = await openPage(browser, { locale: 'uk-UA' });
    await page.goto(`${server.url}/uk/`);
    await page.locator('svg.timeline').waitFor();
    const years = await page.locator('svg.timeline text.year').allTextContents();
    // The exchanges began in 2022: its label was once left out, its 1 January being off the axis.
    expect(years[0]).toBe('2022');
    expect(years.map(Number)).toEqual(years.map((_, i) => 2022 + i));
    expect(await page.locator('svg.timeline [data-axis="left"]').textContent()).toBe(
      'Осіб за обмін',
    );
    expect(await page.locator('svg.timeline [data-axis="right"]').textContent()).toBe(
      'Осіб загалом',
    );
    expect(problems).toEqual([]);
    await context.close();
  });

  it('fits 390 px on the home page, the map and the facility table, with readable numbers and tappable links', async () => {
    const { page, problems, context } = await openPage(browser, {
      width: 390,
      height: 844,
      locale: 'uk-UA',
    });
    for (const [path, ready] of [
      [
        '/uk/',
        '[data-map="facilities"] .facility-marker, [data-map="facilities"] .facility-cluster',
      ],
      ['/uk/map', '.facility-cluster'],
      ['/uk/facilities', '[data-table="facilities"] tbody tr'],
    ] as const) {
      await page.goto(`${server.url}${path}`);
      await page.locator(ready).first().waitFor();
      const [scroll, inner] = await page.evaluate<[number, number]>(
        '[document.scrollingElement.scrollWidth, innerWidth]',
      );
      expect(scroll, path).toBeLessThanOrEqual(inner);
      // Every link in the header is tall enough to hit with a finger (WCAG 2.5.8: 24 px).
      const heights = await page.evaluate<number[]>(
        `[...document.querySelectorAll('.site-header a')].map((a) => a.getBoundingClientRect().height)`,
      );
      expect(Math.min(...heights), path).toBeGreaterThanOrEqual(24);
    }
    // The number to quote stays on screen whole: large, and not cut off at the side.
    await page.goto(`${server.url}/uk/`);
    const range = page.locator('[data-official="pow"] .official-range');
    await range.waitFor();
    expect(await fontSize(page, '[data-official="pow"] .official-range .n')).toBeGreaterThanOrEqual(
      28,
    );
    const box = (await range.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    // The chart is drawn at the phone's width, so its 12 px labels are not scaled to specks.
    const svg = (await page.locator('svg.timeline').boundingBox())!;
    expect(Number(await page.locator('svg.timeline').getAttribute('width'))).toBeCloseTo(
      svg.width,
      0,
    );
    expect(problems).toEqual([]);
    await context.close();
  });
});
