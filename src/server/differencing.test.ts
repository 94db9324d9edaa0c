import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { describeEachDb } from '../../test/databases.js';
import { countSyntheticAsReal } from '../../test/synthetic-data.js';
import {
  exactChanges,
  narrow,
  readPublished,
  type Published,
  recovered,
  type Range,
} from '../../test/differencing-attack.js';
import { loadConfig } from '../config.js';
import type { Db } from '../db/index.js';
import { importFile } from '../features/imports/index.js';
import {
  episodesImport,
  eventsImport,
  occupancyImport,
  personsImport,
} from '../features/persons/index.js';
import { loadPublicDataset } from '../features/public-data/index.js';
import { publishEstimate } from '../features/publication/index.js';
import { sourcesImport } from '../features/sources/index.js';
import { writeSynth } from '../features/synth/index.js';
import { buildApp } from './app.js';

const config = loadConfig({});
const T = config.smallCountThreshold;

/** The synthetic files less every record of the given persons, in a folder of their own. */
function without(dir: string, personIds: Set<string>): string {
  const truth = parse<{ record_id: string; person_id: string }>(
    readFileSync(join(dir, 'truth.csv')),
    { columns: true },
  );
  const drop = new Set(truth.filter((t) => personIds.has(t.person_id)).map((t) => t.record_id));
  const out = mkdtempSync(join(tmpdir(), 'polon-diff-before-'));
  for (const name of ['sources', 'persons', 'events', 'episodes', 'occupancy']) {
    const rows: string[][] = parse(readFileSync(join(dir, `${name}.csv`)));
    const col = rows[0]?.indexOf('record_id') ?? -1;
    const kept = col < 0 ? rows : rows.filter((r, i) => i === 0 || !drop.has(r[col] ?? ''));
    writeFileSync(join(out, `${name}.csv`), stringify(kept));
  }
  return out;
}

async function load(db: Db, dir: string): Promise<void> {
  await importFile(db, sourcesImport, join(dir, 'sources.csv'));
  await importFile(db, personsImport, join(dir, 'persons.csv'));
  await importFile(db, eventsImport, join(dir, 'events.csv'));
  await importFile(db, episodesImport, join(dir, 'episodes.csv'));
  await importFile(db, occupancyImport, join(dir, 'occupancy.csv'));
  // The public pages show only what an analyst published, and never synthetic sources: here
  // the synthetic records stand for real ones, published as they would be.
  await countSyntheticAsReal(db);
  await publishEstimate(db.kysely, { note: 'differencing test' }, 'test');
}

/** Every person-derived figure an anonymous client gets, worked out as far as it goes. */
async function attack(
  db: Db,
): Promise<{ ranges: Map<string, Range>; hidden: number; sums: Published['sums'] }> {
  // A new app each time: the public figures are cached per data version in one.
  const app = await buildApp({ db, config });
  const summary = await app.inject({ url: '/api/public/summary' });
  const places = await app.inject({ url: '/api/public/facilities' });
  expect(summary.statusCode).toBe(200);
  expect(places.statusCode).toBe(200);
  const published = readPublished(summary.json(), places.json());
  // Cells shown only as "<5": the small counts this test is about.
  const hidden = [...published.cells.values()].filter((x) => x.lo <= 1 && x.hi === T - 1).length;
  return { ranges: narrow(published), hidden, sums: published.sums };
}

describeEachDb('differencing the public counts', (get) => {
  // The synthetic truth is told as of 2025-11-01: the public figures are read a little later,
  // so that some persons have a place reported within the window and some an older one.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2025-12-01T12:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  // 60 persons: some facilities and regions above the threshold, most below; 12: nearly all below.
  it.each([
    [60, 7],
    [12, 3],
  ])(
    'recovers no count from 1 to 4 by subtraction, within a day or between two (%i persons)',
    async (persons, seed) => {
      const { db } = get();
      await loadPublicDataset(db);
      const dir = mkdtempSync(join(tmpdir(), 'polon-diff-'));
      await writeSynth(db.kysely, { persons, seed, out: dir });
      // Two persons still held are added between the snapshots.
      const truth = parse<{ person_id: string; true_status: string }>(
        readFileSync(join(dir, 'truth.csv')),
        { columns: true },
      );
      const held = [
        ...new Set(truth.filter((t) => t.true_status === 'held').map((t) => t.person_id)),
      ];
      expect(held.length).toBeGreaterThan(2);
      await load(db, without(dir, new Set(held.slice(0, 2))));
      const before = await attack(db);
      await load(db, dir);
      const after = await attack(db);

      // The data must hold small counts, or this test proves nothing.
      expect(before.hidden).toBeGreaterThan(0);
      expect(after.hidden).toBeGreaterThan(0);
      expect(recovered(before.ranges, T)).toEqual([]);
      expect(recovered(after.ranges, T)).toEqual([]);
      expect(exactChanges(before.ranges, after.ranges, after.sums)).toEqual([]);
    },
  );
});
