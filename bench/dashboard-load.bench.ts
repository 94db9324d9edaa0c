/**
 * `npm run bench -- dashboard-load`: how long the public dashboard takes, in Chromium on
 * localhost, to show its headline numbers and its map markers, with 300 facilities and
 * 100,000 synthetic persons loaded (POLON_BENCH_PERSONS sets the number). The baseline, in
 * the same run and browser, is a bare static page showing one number. Target: 1.5 s.
 *
 * Building the database (the synthetic persons through the real imports) takes about a
 * minute; it is kept in tmp/bench-dashboard-<persons>/ and reused by later runs.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { ensureWebBuilt, launchBrowser } from '../e2e/harness.js';
import { loadConfig } from '../src/config.js';
import { createDb, migrateToLatest, type Db } from '../src/db/index.js';
import { facilitiesImport } from '../src/features/facilities/index.js';
import { importBytes, importFile } from '../src/features/imports/index.js';
import {
  episodesImport,
  eventsImport,
  occupancyImport,
  personsImport,
} from '../src/features/persons/index.js';
import { loadPublicDataset } from '../src/features/public-data/index.js';
import { sourcesImport } from '../src/features/sources/index.js';
import { writeSynth } from '../src/features/synth/index.js';
import { publishEstimate } from '../src/features/publication/index.js';
import { packageRoot } from '../src/package-root.js';
import { buildApp } from '../src/server/index.js';
import type { PublicSummary } from '../contract/publication.js';
import type { Benchmark } from './bench-result.js';

const PERSONS = Number(process.env.POLON_BENCH_PERSONS ?? 100_000);
const FACILITIES = 300;
const RUNS = 5;
const TARGET_MS = 1500;

/** Facilities beyond the public 95, spread over western Russia and occupied Ukraine. */
function syntheticFacilitiesCsv(count: number): Buffer {
  const header =
    'id,name_en,name_uk,name_ru,aliases,type,type_as_reported,territory,region,region_code,settlement,lat,lon,held,status,certainty,notes,sources';
  const rows = Array.from({ length: count }, (_, i) => {
    const occupied = i % 3 === 0;
    const lat = (occupied ? 46.5 : 50) + ((i * 37) % 100) / (occupied ? 40 : 15);
    const lon = (occupied ? 33 : 36) + ((i * 53) % 100) / (occupied ? 25 : 6);
    return [
      `bench-site-${i}`,
      `Synthetic site ${i}`,
      `Синтетичне місце ${i}`,
      `Синтетическое место ${i}`,
      '',
      i % 2 ? 'penal_colony' : 'sizo',
      '',
      occupied ? 'UA-occupied' : 'RU',
      '',
      '',
      '',
      lat.toFixed(4),
      lon.toFixed(4),
      'both',
      'unknown',
      'reported',
      '',
      'https://example.org/polon-benchmark',
    ].join(',');
  });
  return Buffer.from([header, ...rows].join('\n') + '\n');
}

async function prepareDatabase(dir: string): Promise<{ db: Db; builtMs: number | null }> {
  const path = join(dir, 'polon.db');
  const fresh = !existsSync(path);
  const db = createDb({ dbPath: path });
  if (!fresh) return { db, builtMs: null };
  const start = performance.now();
  await migrateToLatest(db);
  await loadPublicDataset(db);
  const have = 95;
  await importBytes(
    db,
    facilitiesImport,
    'bench-facilities.csv',
    syntheticFacilitiesCsv(FACILITIES - have),
  );
  const out = mkdtempSync(join(tmpdir(), 'polon-bench-synth-'));
  try {
    await writeSynth(db.kysely, { persons: PERSONS, seed: 42, out });
    for (const [kind, file] of [
      [sourcesImport, 'sources.csv'],
      [personsImport, 'persons.csv'],
      [eventsImport, 'events.csv'],
      [episodesImport, 'episodes.csv'],
      [occupancyImport, 'occupancy.csv'],
    ] as const)
      await importFile(db, kind as typeof sourcesImport, join(out, file));
    // Public pages show person-derived figures only as published, never from synthetic
    // sources: here the synthetic persons stand in for real ones, published once.
    await db.kysely.updateTable('sources').set({ synthetic: 0 }).execute();
    await publishEstimate(db.kysely, { note: 'benchmark' }, 'bench');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return { db, builtMs: performance.now() - start };
}

/** Milliseconds from navigation until every selector is visible, in a fresh browser context. */
async function timeToVisible(browser: Browser, url: string, selectors: string[]): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const start = performance.now();
  await page.goto(url);
  await Promise.all(selectors.map((s) => page.locator(s).first().waitFor({ state: 'visible' })));
  const ms = performance.now() - start;
  await context.close();
  return ms;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

const bench: Benchmark = {
  name: 'dashboard-load',
  description: `public dashboard: numbers and map visible, ${FACILITIES} facilities, ${PERSONS.toLocaleString('en')} persons`,
  async run() {
    ensureWebBuilt();
    const dir = join(packageRoot(), 'tmp', `bench-dashboard-${PERSONS}`);
    mkdirSync(dir, { recursive: true });
    const { db, builtMs } = await prepareDatabase(dir);
    const app = await buildApp({ db, config: loadConfig({ POLON_LOG_LEVEL: 'silent' }) });
    // The server computes the public figures as it starts (on SQLite, queries run
    // synchronously, so this finishes before listen returns); the first answer measures the rest.
    const coldStart = performance.now();
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const summary = await (await fetch(`${base}/api/public/summary`)).text();
    const coldMs = performance.now() - coldStart;
    const facilities = await (await fetch(`${base}/api/public/facilities`)).text();

    const bare = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>baseline</title><p id="n">7,199</p>');
    });
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
    const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`;

    const browser = await launchBrowser();
    const figures: number[] = [];
    const baselines: number[] = [];
    try {
      // One unmeasured visit each warms the browser and the operating system's file cache.
      await timeToVisible(browser, bareUrl, ['#n']);
      const selectors = ['[data-figure="returned"] .number', '.facility-marker, .facility-cluster'];
      await timeToVisible(browser, `${base}/en/`, selectors);
      for (let i = 0; i < RUNS; i++) {
        baselines.push(await timeToVisible(browser, bareUrl, ['#n']));
        figures.push(await timeToVisible(browser, `${base}/en/`, selectors));
      }
    } finally {
      await browser.close();
      bare.close();
      await app.close();
      await db.close();
    }
    const figure = median(figures);
    const baseline = median(baselines);
    const markers = (JSON.parse(facilities) as { facilities: { lat: number | null }[] }).facilities;
    return {
      name: 'dashboard-load',
      figureLabel: 'ms to numbers and markers visible (median of 5)',
      figure,
      baselineLabel: 'ms to one number on a bare static page',
      baseline,
      ratio: baseline / figure,
      target: `≤ ${TARGET_MS} ms`,
      met: figure <= TARGET_MS,
      extra: {
        'runs (ms)': figures.map((f) => Math.round(f)).join(', '),
        'server start to first summary, figures computed cold (ms)': Math.round(coldMs),
        'estimate basis': (JSON.parse(summary) as PublicSummary).headline.estimatedHeld.basis,
        'summary bytes': summary.length,
        'facilities bytes': facilities.length,
        facilities: markers.length,
        'facilities on the map': markers.filter((m) => m.lat !== null).length,
        persons: PERSONS,
        'database built (ms)': builtMs === null ? 'reused' : Math.round(builtMs),
      },
    };
  },
};
export default bench;
