/**
 * `npm run bench -- person-search`: the workspace's person search over synthetic records
 * (about 100,000 by default; POLON_BENCH_PERSONS sets the persons, about 2.2 records each)
 * in SQLite, with queries of a person's Cyrillic family and given name.
 *
 * figure = median milliseconds per search through `searchPersons` once its name index is
 * built (the index is rebuilt only after records change; its build time is reported too);
 * baseline = the median of a plain `family_name LIKE 'Прізвище%'` query on the same table,
 * which finds only the same script; ratio = baseline / figure.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { createDb, migrateToLatest } from '../src/db/index.js';
import { importFile } from '../src/features/imports/index.js';
import { personsImport } from '../src/features/persons/index.js';
import { searchPersons } from '../src/features/persons/person-search.js';
import { loadPublicDataset } from '../src/features/public-data/index.js';
import { sourcesImport } from '../src/features/sources/index.js';
import { writeSynth } from '../src/features/synth/index.js';
import { peakRssMiB, type Benchmark } from './bench-result.js';

const PERSONS = Number(process.env.POLON_BENCH_PERSONS ?? 45_000);
const QUERIES = 300;
const TARGET_MS = 100;

const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const p95 = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? 0;

const bench: Benchmark = {
  name: 'person-search',
  description: `search persons by name in any script over ${PERSONS.toLocaleString('en')} synthetic persons`,
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'polon-bench-search-'));
    const db = createDb({ dbPath: join(dir, 'polon.db') });
    try {
      await migrateToLatest(db);
      await loadPublicDataset(db);
      await writeSynth(db.kysely, { persons: PERSONS, seed: 11, out: dir });
      await importFile(db, sourcesImport, join(dir, 'sources.csv'));
      await importFile(db, personsImport, join(dir, 'persons.csv'));
      const rows = parse<Record<string, string>>(readFileSync(join(dir, 'persons.csv')), {
        columns: true,
      });
      const cyrillic = rows.filter((r) => /^[А-ЯҐЄІЇ]/.test(r.family_name ?? '') && r.given_name);
      const step = Math.max(1, Math.floor(cyrillic.length / QUERIES));
      const queries = cyrillic
        .filter((_r, i) => i % step === 0)
        .slice(0, QUERIES)
        .map((r) => ({ family: r.family_name ?? '', q: `${r.family_name} ${r.given_name}` }));

      let t = performance.now();
      await searchPersons(db.kysely, queries[0]?.q ?? 'Коваль', 20);
      const buildMs = performance.now() - t;

      const times: number[] = [];
      let found = 0;
      for (const { q } of queries) {
        t = performance.now();
        const r = await searchPersons(db.kysely, q, 20);
        times.push(performance.now() - t);
        found += r.total;
      }
      const plain: number[] = [];
      for (const { family } of queries) {
        t = performance.now();
        await db.kysely
          .selectFrom('records')
          .select(['id', 'person_id', 'family_name', 'given_name'])
          .where('family_name', 'like', `${family}%`)
          .limit(20)
          .execute();
        plain.push(performance.now() - t);
      }
      const records = rows.length;
      const figure = median(times);
      const baseline = median(plain);
      return {
        name: 'person-search',
        figureLabel: `ms per search (median, ${records.toLocaleString('en')} records)`,
        figure,
        baselineLabel: 'ms per same-script LIKE prefix query (median)',
        baseline,
        ratio: baseline / figure,
        target: `median ≤ ${TARGET_MS} ms`,
        met: figure <= TARGET_MS,
        extra: {
          'p95 ms': p95(times),
          'index build ms (first search, and after records change)': buildMs,
          'persons found per query (mean)': found / queries.length,
          'peak RSS MiB': peakRssMiB(),
        },
      };
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
export default bench;
