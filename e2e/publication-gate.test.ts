import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countSyntheticAsReal } from '../test/synthetic-data.js';
import { importFile } from '../src/features/imports/index.js';
import {
  episodesImport,
  eventsImport,
  occupancyImport,
  personsImport,
} from '../src/features/persons/index.js';
import { sourcesImport } from '../src/features/sources/index.js';
import { writeSynth } from '../src/features/synth/index.js';
import {
  BROWSER_TEST_MS,
  launchBrowser,
  logIn,
  openPage,
  startServer,
  type TestServer,
} from './harness.js';

/** Every number on the public home page, in reading order, with where it stands. */
async function publicNumbers(page: Page): Promise<string[]> {
  await page.locator('[data-figure="returned"] .number').waitFor();
  await page.locator('[data-table="groups"]').waitFor();
  const texts = await page.locator('main [data-figure], main table').allTextContents();
  return texts.flatMap((t) => [...t.matchAll(/[<≈]?\d[\d,.\u00a0]*/g)].map((m) => m[0]));
}

describe('publication gate in Chromium', { timeout: BROWSER_TEST_MS }, () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer(undefined, { POLON_PUBLIC_RECHECK_MS: '0' });
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a synthetic import changes no public number, and every public page says test data is loaded', async () => {
    const { page, problems, context } = await openPage(browser);
    await page.goto(`${server.url}/en/`);
    const before = await publicNumbers(page);
    expect(before.length).toBeGreaterThan(10);
    expect(await page.locator('[data-banner="synthetic"]').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();

    // What `polon synth` writes, imported as an operator would into the served database.
    const out = mkdtempSync(join(tmpdir(), 'polon-e2e-gate-'));
    await writeSynth(server.db.kysely, { persons: 300, seed: 17, out });
    await importFile(server.db, sourcesImport, join(out, 'sources.csv'));
    await importFile(server.db, personsImport, join(out, 'persons.csv'));
    await importFile(server.db, eventsImport, join(out, 'events.csv'));
    await importFile(server.db, episodesImport, join(out, 'episodes.csv'));
    await importFile(server.db, occupancyImport, join(out, 'occupancy.csv'));

    const after = await openPage(browser);
    await after.page.goto(`${server.url}/en/`);
    await after.page.locator('[data-banner="synthetic"]').waitFor();
    expect(await publicNumbers(after.page)).toEqual(before);
    for (const [lang, path, words] of [
      ['uk', 'facilities', 'синтетичні'],
      ['ru', 'map', 'синтетические'],
    ] as const) {
      await after.page.goto(`${server.url}/${lang}/${path}`);
      const banner = after.page.locator('[data-banner="synthetic"]');
      await banner.waitFor();
      expect(await banner.textContent()).toContain(words);
    }
    expect(after.problems).toEqual([]);
    await after.context.close();
  });

  it('publishing an estimate through the workspace shows it on the public card with its facts', async () => {
    // The synthetic persons stand in for real ones: only those can be published.
    await countSyntheticAsReal(server.db);
    const { page, problems, context } = await openPage(browser);
    await logIn(server, context, 'analyst');
    await page.goto(`${server.url}/en/workspace/estimates?asOf=2025-06-30`);
    await page.locator('[data-figure="estimated-held"]').waitFor();
    await page.getByRole('button', { name: /Publish the estimate as of 2025-06-30/ }).click();
    await page.locator('#publish-note').fill('Reviewed linkage and the lists');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.locator('.ws-publish [role="status"]').waitFor();
    const published = await server.db.kysely
      .selectFrom('published_estimates')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(published.published_by).toBe('e2e-analyst');

    await page.goto(`${server.url}/en/`);
    const card = page.locator('[data-figure="estimatedHeld"]');
    await card.locator('.number').waitFor();
    const en = new Intl.NumberFormat('en');
    // Person-derived figures are published rounded to 5 (docs/protection.md).
    const rounded = Math.floor(Number(published.value) / 5 + 0.5) * 5;
    expect(await card.locator('.number').textContent()).toBe(`≈${en.format(rounded)}`);
    expect(await card.locator('[data-fact="method"]').textContent()).toMatch(/\S/);
    expect(await card.locator('[data-fact="population"]').textContent()).toMatch(
      /Covers [≈\d,<]+ people seen held/,
    );
    const facts = await card.locator('[data-fact="published"]').textContent();
    expect(facts).toMatch(/June 30, 2025|30 June 2025/);
    expect(facts).toContain(published.data_version);
    // Who published it and why stay in the workspace.
    expect(await page.locator('main').textContent()).not.toContain('e2e-analyst');
    expect(await page.locator('main').textContent()).not.toContain('Reviewed linkage');
    expect(problems).toEqual([]);
    await context.close();
  });
});
