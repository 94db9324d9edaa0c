import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BROWSER_TEST_MS,
  launchBrowser,
  logIn,
  openPage,
  seriousAxeViolations,
  startServer,
  type TestServer,
} from './harness.js';

/*
 * The workspace form for exchanges and official figures, in a real browser over the public
 * dataset: an analyst adds an exchange with its source and sees it in the latest exchanges
 * and in the consistency findings the server reports for it.
 */
describe('adding an exchange through the workspace form', { timeout: BROWSER_TEST_MS }, () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('adds an exchange, lists it, shows the finding it raises, and refuses a bad row in words', async () => {
    const { context, page, problems } = await openPage(browser, {
      width: 390,
      height: 844,
      bypassCSP: true,
    });
    await logIn(server, context, 'analyst');
    await page.goto(`${server.url}/en/workspace/evidence`);
    await page.locator('#evidence-form').waitFor();
    expect(await page.locator('#evidence-latest tbody th').first().textContent()).toBe(
      '2026-05-15-exchange',
    );

    // A row the import would refuse: a negative count. The server says which column and why.
    await page.locator('#evidence-date_start').fill('2026-06-20');
    await page.locator('#evidence-returned').fill('-3');
    await page.locator('#evidence-sources').fill('https://example.org/74th-exchange');
    await page.locator('#evidence-form button[type=submit]').click();
    const refused = page.locator('.status-error');
    await refused.waitFor();
    expect(await refused.textContent()).toMatch(/returned/);

    await page.locator('#evidence-returned').fill('100');
    await page.locator('#evidence-military').fill('90');
    await page.locator('#evidence-civilians').fill('5');
    await page.locator('#evidence-form button[type=submit]').click();
    const added = page.locator('#evidence-added');
    await added.waitFor();
    expect(await added.textContent()).toContain('Added 2026-06-20-exchange.');
    // 90 + 5 is not 100: the check reports it at once.
    expect(await added.locator('li').first().textContent()).toContain(
      'Exchange 2026-06-20-exchange (2026-06-20)',
    );
    await expect
      .poll(() => page.locator('#evidence-latest tbody th').first().textContent())
      .toBe('2026-06-20-exchange');

    const check = (await (await fetch(`${server.url}/api/check`)).json()) as {
      findings: { message: string }[];
    };
    expect(check.findings.some((f) => f.message.includes('2026-06-20-exchange'))).toBe(true);
    // Nothing wider than the phone: the form and the table do not scroll the page sideways.
    const fits = await page.evaluate(() => {
      const w = globalThis as unknown as {
        innerWidth: number;
        document: { documentElement: { scrollWidth: number } };
      };
      return w.document.documentElement.scrollWidth <= w.innerWidth + 1;
    });
    expect(fits).toBe(true);
    if (process.env.POLON_SHOT)
      await page.screenshot({ path: process.env.POLON_SHOT, fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
    // The refused row answered 400, which the browser logs once; nothing else went wrong.
    expect(problems.filter((p) => !p.includes('status of 400'))).toEqual([]);
    await context.close();
  });
});
