import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, startServer, type TestServer } from './harness.js';

describe('public dashboard', () => {
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

  it("shows the public dataset's exchange numbers", async () => {
    const stats = (await (await fetch(`${server.url}/api/stats/exchanges`)).json()) as {
      exchanges: number;
    };
    const { page, problems, context } = await openPage(browser);
    await page.goto(`${server.url}/en/`);
    await page.locator('[data-figure="exchanges"] dd').waitFor();
    expect(await page.locator('[data-figure="exchanges"] dd').textContent()).toBe(
      String(stats.exchanges),
    );
    expect(problems).toEqual([]);
    await context.close();
  });
});
