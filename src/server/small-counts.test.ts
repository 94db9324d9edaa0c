import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { expect, it } from 'vitest';
import { describeEachDb } from '../../test/databases.js';
import { publicRequests, type PublicRequest } from '../../test/public-requests.js';
import { loadConfig } from '../config.js';
import { importFile } from '../features/imports/index.js';
import {
  episodesImport,
  eventsImport,
  occupancyImport,
  personsImport,
} from '../features/persons/index.js';
import { loadPublicDataset } from '../features/public-data/index.js';
import { publishEstimate } from '../features/publication/index.js';
import { countSyntheticAsReal } from '../../test/synthetic-data.js';
import { sourcesImport } from '../features/sources/index.js';
import { writeSynth } from '../features/synth/index.js';
import { buildApp } from './app.js';

type Leaves = Map<string, unknown>;

/** Every JSON leaf of every public response, keyed by URL and path. */
async function publicLeaves(app: FastifyInstance, requests: PublicRequest[]): Promise<Leaves> {
  const leaves: Leaves = new Map();
  const walk = (prefix: string, v: unknown): void => {
    if (v !== null && typeof v === 'object')
      for (const [k, child] of Object.entries(v)) walk(`${prefix}.${k}`, child);
    else leaves.set(prefix, v);
  };
  for (const r of requests) {
    const res = await app.inject({ url: r.url });
    if (res.statusCode === 200 && /json/.test(String(res.headers['content-type'])))
      walk(r.url, res.json());
  }
  return leaves;
}

describeEachDb('small counts in public outputs', (get) => {
  it('shows counts that 1 to 4 persons change only as "<5" (or not at all)', async () => {
    const { db } = get();
    await loadPublicDataset(db);
    const config = loadConfig({});
    const out = mkdtempSync(join(tmpdir(), 'polon-small-'));
    await writeSynth(db.kysely, { persons: 3, seed: 5, out });
    await importFile(db, sourcesImport, join(out, 'sources.csv'));
    await importFile(db, personsImport, join(out, 'persons.csv'));
    await importFile(db, eventsImport, join(out, 'events.csv'));
    await importFile(db, episodesImport, join(out, 'episodes.csv'));
    await importFile(db, occupancyImport, join(out, 'occupancy.csv'));
    // Public pages show person-derived counts only as published, and never from synthetic
    // sources: the synthetic persons stand in for real ones, published each time.
    await countSyntheticAsReal(db);
    await publishEstimate(db.kysely, { note: 'test' }, 'test');
    // The same requests with and without the persons: the facilities where they were held
    // are among those asked for. A new app each time: aggregates may be cached in one.
    const requests = await publicRequests(await buildApp({ db, config }), db);
    const after = await publicLeaves(await buildApp({ db, config }), requests);
    await db.kysely.deleteFrom('occupancy_reports').execute();
    await db.kysely.deleteFrom('records').execute();
    await db.kysely.deleteFrom('persons').execute();
    await publishEstimate(db.kysely, { note: 'test' }, 'test');
    const before = await publicLeaves(await buildApp({ db, config }), requests);

    const changed = [...after].filter(([path, v]) => before.get(path) !== v);
    const small = changed.filter(
      ([, v]) =>
        typeof v === 'number' && Number.isInteger(v) && v >= 1 && v < config.smallCountThreshold,
    );
    expect(small.map(([path]) => path)).toEqual([]);
    // The persons must show somewhere as a suppressed count, or this test proves nothing.
    expect(
      changed.filter(([path, v]) => path.endsWith('.suppressed') && v === true).length,
    ).toBeGreaterThan(0);
  });
});
