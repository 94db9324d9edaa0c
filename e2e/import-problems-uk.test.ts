import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBytes } from '../src/features/imports/index.js';
import { sourcesImport } from '../src/features/sources/index.js';
import {
  BROWSER_TEST_MS,
  launchBrowser,
  logIn,
  openPage,
  startServer,
  type TestServer,
} from './harness.js';

/** A documenter reading in Ukrainian sees what is wrong with each cell, and the file, in Ukrainian. */
describe('import problems in the reader’s language', { timeout: BROWSER_TEST_MS }, () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer(async (db) => {
      await importBytes(
        db,
        sourcesImport,
        's.csv',
        Buffer.from('id,title\nuk-test,Тестовий список\n'),
      );
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('words a bad date, a bad yes/no, an unknown value and a doubled column in Ukrainian, with plural forms', async () => {
    const { page, context } = await openPage(browser, { locale: 'uk-UA' });
    await logIn(server, context, 'documenter');
    await page.goto(`${server.url}/uk/workspace/import?kind=persons`);
    await page.locator('#import-file').setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'source,record_id,family_name,birth_date,disability,sex\n' +
          'uk-test,B1,Тестенко,31.02.1990,так,ч\n' +
          'uk-test,B2,Прикладенко,1990,можливо,ч\n' +
          'uk-test,B3,Зразкова,1991,ні,невідомо\n',
      ),
    });
    await page.locator('form.ws-form button[type=submit]').click();
    const rows = page.locator('.ws-problems tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(3);
    const cells = async (i: number) => rows.nth(i).locator('td').allTextContents();
    // Message and fix are the 5th and 6th cells.
    expect((await cells(0)).slice(4)).toEqual([
      expect.stringMatching(/^не дата, яку Полон читає \(.+\)$/),
      expect.stringContaining('РРРР'),
    ]);
    expect((await cells(1)).slice(4)).toEqual([
      'не «так» і не «ні»',
      expect.stringContaining('напишіть так/ні'),
    ]);
    expect((await cells(2)).slice(4)).toEqual([
      'невідоме значення',
      'напишіть одне з: male, female',
    ]);
    // "3 проблеми", not "3 проблем".
    expect(await page.locator('.ws-problems caption').textContent()).toBe('3 помилки');

    // A problem of the whole file, from the code and column names the server sent.
    await page.locator('#import-file').setInputFiles({
      name: 'twice.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('source,family_name,Прізвище\nuk-test,Тестенко,Тестенко\n'),
    });
    await page.locator('form.ws-form button[type=submit]').click();
    await page.locator('.ws-problems caption', { hasText: /^1 / }).waitFor();
    expect((await rows.first().locator('td').allTextContents()).slice(4)).toEqual([
      expect.stringMatching(/^і «.+», і «.+» означають family_name$/),
      'приберіть або перейменуйте один із двох стовпців чи зіставте стовпці вручну',
    ]);
    await context.close();
  });
});
