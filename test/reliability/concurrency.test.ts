import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { loadConfig } from '../../src/config.js';
import { estimateCaptivity } from '../../src/features/estimates/index.js';
import { exchangesImport } from '../../src/features/exchanges/index.js';
import { importBytes, importFile } from '../../src/features/imports/index.js';
import { bundledDataDir, loadPublicDataset } from '../../src/features/public-data/index.js';
import { sourcesImport } from '../../src/features/sources/index.js';
import { writeSynth } from '../../src/features/synth/index.js';
import { buildApp } from '../../src/server/index.js';
import { loginAs } from '../accounts.js';
import { describeEachDb, openTestDb, type TestDb } from '../databases.js';
import { tableCounts } from '../table-counts.js';
import { dbEnv, exitOf, runPolon, spawnPolon, waitUntilWriting } from './polon-process.js';

/*
 * Several writers and readers on one database: no row lost or written twice, readers see
 * the data before or after a write and never half of it, and a writer that cannot get in
 * is told so clearly rather than with "database is locked".
 */

let dir = '';
let personRows = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'polon-concurrency-'));
  const t = await openTestDb('sqlite');
  try {
    await loadPublicDataset(t.db);
    await writeSynth(t.db.kysely, { persons: 3000, seed: 5, out: dir });
  } finally {
    await t.dispose();
  }
  personRows = readFileSync(join(dir, 'persons.csv'), 'utf8').trim().split('\n').length - 1;
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const recordCount = async (t: TestDb): Promise<number> =>
  Number(
    (
      await t.db.kysely
        .selectFrom('records')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describeEachDb('concurrent work on one database', (get) => {
  it(
    'two processes importing the same file at once write each row once',
    { timeout: 180_000 },
    async () => {
      const t = get();
      await importFile(t.db, sourcesImport, join(dir, 'sources.csv'));
      const before = await tableCounts(t.db);
      const env = dbEnv(t);
      const args = ['import', 'persons', join(dir, 'persons.csv'), '--json'];
      const [a, b] = await Promise.all([runPolon(args, env), runPolon(args, env)]);
      expect([a.stderr, b.stderr]).toEqual(['', '']);
      expect([a.code, b.code]).toEqual([0, 0]);
      const results = [a, b].map(
        (r) => JSON.parse(r.stdout) as { inserted: number; unchanged: number },
      );
      expect(results.map((r) => r.inserted).sort()).toEqual([0, personRows]);
      expect(await tableCounts(t.db)).toEqual({
        ...before,
        records: personRows,
        imports: before.imports! + 2,
        audit_log: before.audit_log! + 2,
      });
      expect((await runPolon(['audit', 'verify'], env)).code).toBe(0);
    },
  );

  it('the same file imported five times at once in one server is five imports of one row', async () => {
    const t = get();
    const before = await tableCounts(t.db);
    const file = Buffer.from('id,title\nreg,Register\n');
    const results = await Promise.all(
      Array.from({ length: 5 }, () => importBytes(t.db, sourcesImport, 's.csv', file)),
    );
    expect(results.map((r) => r.inserted + r.unchanged)).toEqual([1, 1, 1, 1, 1]);
    const after = await tableCounts(t.db);
    expect(after.sources! - before.sources!).toBe(1);
    expect(after.imports! - before.imports!).toBe(5);
  });

  it('two imports of different kinds at once in one server both land', async () => {
    const t = get();
    const data = bundledDataDir();
    const before = await tableCounts(t.db);
    const [sources, exchanges] = await Promise.all([
      importBytes(
        t.db,
        sourcesImport,
        's.csv',
        Buffer.from('id,title\nreg,Register\nfiles,Files\n'),
      ),
      importFile(t.db, exchangesImport, join(data, 'exchanges.csv')),
    ]);
    expect(sources.inserted).toBe(2);
    const after = await tableCounts(t.db);
    // Exchanges cite their sources by URL, which adds those sources too.
    expect(after.sources! - before.sources!).toBeGreaterThanOrEqual(2);
    expect(exchanges.inserted).toBeGreaterThan(0);
    expect(after.exchanges! - before.exchanges!).toBe(exchanges.inserted);
    expect(after.imports! - before.imports!).toBe(2);
  });

  it(
    'readers and an estimate during a long import see all of it or none, and never fail',
    { timeout: 180_000 },
    async () => {
      const t = get();
      await loadPublicDataset(t.db);
      await importFile(t.db, sourcesImport, join(dir, 'sources.csv'));
      const app = await buildApp({ db: t.db, config: loadConfig({}) });
      const appName = `polon-readers-${randomBytes(4).toString('hex')}`;
      const child = spawnPolon(
        ['import', 'persons', join(dir, 'persons.csv')],
        dbEnv(t, { PGAPPNAME: appName }),
      );
      const exit = exitOf(child);
      expect(await waitUntilWriting(t, child, appName)).toBe(true);

      const reads = Array.from({ length: 40 }, (_, i) =>
        i % 4 === 0
          ? recordCount(t)
          : app
              .inject(
                ['/api/stats/exchanges', '/api/facilities?format=geojson', '/api/health'][i % 3]!,
              )
              .then((r) => r.statusCode),
      );
      const [estimate, ...seen] = await Promise.all([
        estimateCaptivity(t.db.kysely, '2025-01-01'),
        ...reads,
      ]);
      expect(estimate).toBeDefined();
      for (const [i, v] of seen.entries()) {
        if (i % 4 === 0) expect([0, personRows]).toContain(v);
        else expect(v).toBe(200);
      }
      const e = await exit;
      expect(e.stderr).toBe('');
      expect(e.code).toBe(0);
      expect(await recordCount(t)).toBe(personRows);
      await app.close();
    },
  );
});

// SQLite only: PostgreSQL has no file lock that another process can hold.
describe('a SQLite file locked by another process', () => {
  it(
    'a write that cannot get in within the bound is a clear 503, then succeeds',
    { timeout: 60_000 },
    async () => {
      const t = await openTestDb('sqlite');
      const app = await buildApp({ db: t.db, config: loadConfig({}) });
      const analyst = await loginAs(app, t.db, 'analyst');
      const post = () =>
        app.inject({
          method: 'POST',
          url: '/api/imports/sources',
          headers: { cookie: analyst.cookie, 'x-csrf-token': analyst.csrf },
          payload: { rows: [{ id: 'reg', title: 'Register' }] },
        });
      const before = await tableCounts(t.db);
      // Another process holding the write lock, e.g. a long import run from the CLI.
      const other = new SQLite(t.config.dbPath);
      other.exec('begin immediate');
      const blocked = await post();
      other.exec('rollback');
      other.close();
      expect(blocked.statusCode).toBe(503);
      expect(blocked.json()).toMatchObject({
        error: {
          code: 'unavailable',
          message: expect.stringMatching(/^the database is busy with another write/) as string,
        },
      });
      expect(blocked.body).not.toMatch(/database is locked/);
      expect(await tableCounts(t.db)).toEqual(before);
      expect((await post()).statusCode).toBe(200);
      await app.close();
      await t.dispose();
    },
  );

  it(
    'a CLI import locked out past the bound exits 5 with the same clear message',
    { timeout: 60_000 },
    async () => {
      const t = await openTestDb('sqlite');
      const other = new SQLite(t.config.dbPath);
      other.exec('begin immediate');
      let stderr = '';
      const code = await runCli(
        ['import', 'sources', join(dir, 'sources.csv'), '--db', t.config.dbPath],
        {
          stdout: () => undefined,
          stderr: (s) => (stderr += s),
          env: {},
        },
      );
      other.exec('rollback');
      other.close();
      expect(code).toBe(5);
      expect(stderr).toMatch(/^polon: the database is busy with another write/);
      expect(stderr).not.toMatch(/locked/);
      await t.dispose();
    },
  );
});
