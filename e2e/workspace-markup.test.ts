import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Db } from '../src/db/index.js';
import { importBytes } from '../src/features/imports/index.js';
import { episodesImport, personsImport, recordId } from '../src/features/persons/index.js';
import { sourcesImport } from '../src/features/sources/index.js';
import {
  BROWSER_TEST_MS,
  launchBrowser,
  logIn,
  openPage,
  startServer,
  type TestServer,
} from './harness.js';

/*
 * A facility name carrying markup, as the red team imported one: Leaflet puts a string into a
 * tooltip as HTML, and a <meta http-equiv=refresh> in it sent a logged-in browser elsewhere
 * (the CSP stops scripts, not navigation). The name is written straight into the database,
 * past the import's check, so that this tests the page's own defence.
 */
const MARKUP =
  'Evil<meta http-equiv="refresh" content="0;url=about:blank#moved"><img src="/x.png" id="injected-img"><b id="injected-b">bold</b>';
const RECORD = recordId('press-test', 'M1');

async function prepare(db: Db): Promise<void> {
  const csv = (s: string) => Buffer.from(s.trim() + '\n');
  await importBytes(db, sourcesImport, 's.csv', csv('id,title\npress-test,Synthetic press'));
  await importBytes(
    db,
    personsImport,
    'p.csv',
    csv('source,record_id,family_name,given_name\npress-test,M1,Markupenko,Ivan'),
  );
  await importBytes(
    db,
    episodesImport,
    'ep.csv',
    csv('source,record_id,facility,from\npress-test,M1,Таганрозьке СІЗО,2022-04-02'),
  );
  const episode = await db.kysely
    .selectFrom('episodes')
    .select('facility_id')
    .where('record_id', '=', RECORD)
    .executeTakeFirstOrThrow();
  await db.kysely
    .updateTable('facilities')
    .set({ name_en: MARKUP, name_uk: MARKUP, name_ru: MARKUP })
    .where('id', '=', episode.facility_id ?? '')
    .execute();
}

describe('markup in a facility name on the person map', { timeout: BROWSER_TEST_MS }, () => {
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

  it('shows the name as text in the tooltip: no element is made from it and the page stays', async () => {
    const { page, context } = await openPage(browser);
    await logIn(server, context, 'documenter');
    const url = `${server.url}/en/workspace/persons/${RECORD}`;
    await page.goto(url);
    const navigations: string[] = [];
    page.on('framenavigated', (f) => {
      if (f === page.mainFrame()) navigations.push(f.url());
    });
    const marker = page.locator('.ws-map.leaflet-container path.leaflet-interactive');
    await marker.waitFor();
    await marker.hover();
    const tooltip = page.locator('.leaflet-tooltip');
    await tooltip.waitFor();
    expect(await tooltip.textContent()).toBe(MARKUP);
    expect(
      await page.evaluate(
        () =>
          (
            globalThis as unknown as { document: { querySelectorAll(s: string): unknown[] } }
          ).document.querySelectorAll('meta[http-equiv], #injected-img, #injected-b').length,
      ),
    ).toBe(0);
    // The tooltip is still there after a round trip to the server: the page did not leave.
    expect((await page.request.get(`${server.url}/api/health`)).ok()).toBe(true);
    await tooltip.waitFor();
    expect(page.url()).toBe(url);
    expect(navigations).toEqual([]);
    await context.close();
  });

  it('still shows a cluster of the public map as its count of places, as text', async () => {
    const { page, problems, context } = await openPage(browser);
    await page.goto(`${server.url}/en/map`);
    const cluster = page.locator('.facility-cluster').first();
    await cluster.waitFor();
    // "12 places", not a bare number that reads as people (issue 17), built as a text node.
    expect(await cluster.textContent()).toMatch(/^\d+ places?$/);
    expect(await cluster.locator('*').count()).toBeLessThanOrEqual(1);
    expect(problems).toEqual([]);
    await context.close();
  });
});
