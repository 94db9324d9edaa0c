import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { loadConfig } from '../../src/config.js';
import { createDb, migrateToLatest, type Db } from '../../src/db/index.js';
import { loadPublicDataset } from '../../src/features/public-data/index.js';
import { buildApp } from '../../src/server/index.js';
import { postgresBin, startPrivatePostgres, type PrivatePostgres } from './private-postgres.js';

/*
 * PostgreSQL goes away under a running server and comes back. Meanwhile every request is a
 * 503 saying so, promptly; afterwards the same server answers again, without a restart.
 */

const bin = postgresBin();
const required = process.env.POLON_REQUIRE_PG === '1';
if (!bin && !required)
  process.stdout.write('\n*** PostgreSQL binaries not found: skipping the backend failure test.\n');

// Routes that ask the database on every request. Public answers kept by the server's cache
// (/api/stats/exchanges, the GeoJSON) may still be served until it next checks the data
// version, at most a second later; then they too are 503s.
const READS = ['/api/health', '/api/claims', '/api/check'];

(bin || required ? describe : describe.skip)(
  'when PostgreSQL goes away',
  { timeout: 120_000 },
  () => {
    let pg: PrivatePostgres;
    let db: Db;
    beforeAll(async () => {
      if (!bin)
        throw new Error('POLON_REQUIRE_PG=1 but no PostgreSQL binaries in /usr/lib/postgresql');
      pg = await startPrivatePostgres(bin);
      db = createDb({ dbPath: '', databaseUrl: pg.url });
      await migrateToLatest(db);
      await loadPublicDataset(db);
    }, 120_000);
    afterAll(async () => {
      await db?.close();
      pg?.dispose();
    });

    it('answers 503 with a clear message while it is down, and recovers by itself', async () => {
      const app = await buildApp({ db, config: loadConfig({}) });
      for (const url of READS) expect((await app.inject(url)).statusCode).toBe(200);

      pg.stop();
      for (const url of READS) {
        // Twice: the first request meets the dropped connections, the next a refused one.
        for (let i = 0; i < 2; i++) {
          const res = await app.inject(url);
          expect(res.statusCode).toBe(503);
          expect(res.headers['retry-after']).toBe('5');
          expect(res.json()).toMatchObject({
            error: {
              code: 'unavailable',
              message: expect.stringMatching(/^the database is unreachable; retrying/) as string,
            },
          });
        }
      }

      pg.start();
      for (const url of READS) expect((await app.inject(url)).statusCode).toBe(200);
      await app.close();
    });

    it('makes the CLI exit with code 5 and the same message', async () => {
      pg.stop();
      let stderr = '';
      const code = await runCli(['stats', 'exchanges'], {
        stdout: () => undefined,
        stderr: (t) => (stderr += t),
        env: { DATABASE_URL: pg.url },
      });
      pg.start();
      expect(code).toBe(5);
      expect(stderr).toMatch(
        /^polon: the database is unreachable; .*check that PostgreSQL is running/,
      );
    });
  },
);
