/**
 * `npm run bench -- backup`: `polon backup` and `polon restore` of an encrypted SQLite
 * database holding synthetic evidence, against SQLite's own page copy (`VACUUM INTO`, which
 * keeps the encryption but is SQLite only) of the same file, measured in the same run.
 * POLON_BENCH_PERSONS sets the size (default 20,000 synthetic persons).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createDb, migrateToLatest } from '../src/db/index.js';
import { createBackup, restoreBackup } from '../src/features/backup/index.js';
import { importFile } from '../src/features/imports/index.js';
import {
  episodesImport,
  eventsImport,
  occupancyImport,
  personsImport,
} from '../src/features/persons/index.js';
import { loadPublicDataset } from '../src/features/public-data/index.js';
import { sourcesImport } from '../src/features/sources/index.js';
import { writeSynth } from '../src/features/synth/index.js';
import { peakRssMiB, type Benchmark } from './bench-result.js';

const PERSONS = Number(process.env.POLON_BENCH_PERSONS ?? 20_000);
const KEY = 'benchmark key, long enough';

const seconds = async (fn: () => Promise<unknown>): Promise<number> => {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e9;
};

const bench: Benchmark = {
  name: 'backup',
  description: `backup and restore of an encrypted SQLite database with ${PERSONS.toLocaleString('en')} synthetic persons`,
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'polon-bench-backup-'));
    try {
      const path = join(dir, 'polon.db');
      const db = createDb({ dbPath: path, dbKey: KEY });
      await migrateToLatest(db);
      await loadPublicDataset(db);
      const synth = join(dir, 'synth');
      await writeSynth(db.kysely, { persons: PERSONS, seed: 1, out: synth });
      for (const [kind, file] of [
        [sourcesImport, 'sources'],
        [personsImport, 'persons'],
        [eventsImport, 'events'],
        [episodesImport, 'episodes'],
        [occupancyImport, 'occupancy'],
      ] as const)
        await importFile(db, kind as typeof sourcesImport, join(synth, `${file}.csv`));
      await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db.kysely);

      const vacuumFile = join(dir, 'vacuum.db');
      const baseline = await seconds(() => sql`vacuum into ${vacuumFile}`.execute(db.kysely));
      const file = join(dir, 'polon.backup');
      let rows = 0;
      const figure = await seconds(async () => {
        rows = (await createBackup(db, file, { key: KEY, reason: 'benchmark', actor: 'bench' }))
          .rows;
      });
      await db.close();
      const restore = await seconds(() =>
        restoreBackup({ dbPath: join(dir, 'restored.db'), dbKey: KEY }, file, {
          key: KEY,
          force: false,
          actor: 'bench',
        }),
      );
      const ratio = baseline / figure;
      return {
        name: 'backup',
        figureLabel: 's for polon backup (encrypted, portable)',
        figure,
        baselineLabel: 's for VACUUM INTO of the same encrypted file',
        baseline,
        ratio,
        target: '≤ 10× VACUUM INTO (ratio ≥ 0.1)',
        met: ratio >= 0.1,
        extra: {
          rows,
          'backup rows/s': Math.round(rows / figure),
          'restore s': restore,
          'restore rows/s': Math.round(rows / restore),
          'database MiB': statSync(path).size / 2 ** 20,
          'backup file MiB': statSync(file).size / 2 ** 20,
          'peak RSS MiB': peakRssMiB(),
        },
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
export default bench;
