import { rmSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { loginAs } from '../../../test/accounts.js';
import { describeEachDb } from '../../../test/databases.js';
import {
  cellArb,
  expectClearProblem,
  expectClearRejection,
  fuzz,
  headerArb,
  plausibleTableArb,
  share,
  tableArb,
} from '../../../test/fuzz.js';
import { csvStyleArb, encode, encodingArb, toCsv } from '../../../test/hostile-bytes.js';
import { tableCounts } from '../../../test/table-counts.js';
import { loadConfig } from '../../config.js';
import type { Db } from '../../db/index.js';
import { buildApp } from '../../server/index.js';
import { claimsImport } from '../claims/index.js';
import { exchangesImport } from '../exchanges/index.js';
import { facilitiesImport } from '../facilities/index.js';
import { episodesImport, eventsImport, occupancyImport, personsImport } from '../persons/index.js';
import { sourcesImport } from '../sources/index.js';
import type { ImportKind } from './import-kind.js';
import { importBytes } from './run-import.js';
import type { ImportResult } from './import-options.js';
import { importCsvStream } from './stream-import.js';

/*
 * Hostile input through the real transaction, on both databases: a rejected file leaves
 * every table as it was; an accepted one adds exactly the rows it reports, once.
 */

const KINDS: Record<string, { kind: ImportKind<unknown>; table: string }> = {
  sources: { kind: sourcesImport, table: 'sources' },
  exchanges: { kind: exchangesImport, table: 'exchanges' },
  claims: { kind: claimsImport, table: 'claims' },
  facilities: { kind: facilitiesImport, table: 'facilities' },
  persons: { kind: personsImport, table: 'records' },
  events: { kind: eventsImport, table: 'events' },
  episodes: { kind: episodesImport, table: 'episodes' },
  occupancy: { kind: occupancyImport, table: 'occupancy_reports' },
};
const nameArb = fc.constantFrom(...Object.keys(KINDS));

/** Sources the generated rows name ("reg", "src-1"), so some rows pass their reference checks. */
async function seedSources(db: Db): Promise<void> {
  await importBytes(db, sourcesImport, 's.csv', Buffer.from('id,title\nreg,Register\nsrc-1,One\n'));
}

/** How the generated inputs fared: a fuzz run that only ever rejects tests half of it. */
const seen = { accepted: 0, rejected: 0 };

async function expectOutcome(
  db: Db,
  table: string,
  file: string,
  before: Record<string, number>,
  run: Promise<ImportResult>,
): Promise<void> {
  const outcome = await run.then(
    (r) => r,
    (e: unknown) => e,
  );
  const after = await tableCounts(db);
  if (!('inserted' in (outcome as object))) {
    expectClearRejection(outcome, file);
    expect(after).toEqual(before);
    seen.rejected++;
    return;
  }
  seen.accepted++;
  const r = outcome as ImportResult;
  expect(after[table]! - before[table]!).toBe(r.inserted);
  expect(after.imports! - before.imports!).toBe(1);
  expect(r.inserted + r.updated + r.unchanged).toBe(r.rows);
}

const LONG = 300_000;

describeEachDb('fuzzing imports through the database', (get) => {
  it(
    `imports ${share(0.02, 100)} generated CSV and JSON files all or nothing`,
    { timeout: LONG },
    async () => {
      const { db } = get();
      await seedSources(db);
      const dir = await mkdtemp(join(tmpdir(), 'polon-fuzz-'));
      let n = 0;
      seen.accepted = seen.rejected = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            nameArb.chain((name) => fc.tuple(fc.constant(name), tableArb(KINDS[name]!.kind))),
            plausibleTableArb.map(({ kind, grid }) => [kind, grid] as [string, string[][]]),
          ),
          csvStyleArb,
          encodingArb,
          // A worker thread takes a second or two to start under tsx: few runs use one.
          fc.oneof(
            { weight: 19, arbitrary: fc.constantFrom('whole', 'stream', 'json') },
            { weight: 1, arbitrary: fc.constant('worker') },
          ),
          async ([name, grid], style, encoding, how) => {
            const { kind, table } = KINDS[name]!;
            const before = await tableCounts(db);
            if (how === 'json') {
              const [header = [], ...rows] = grid;
              const records = rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
              const bytes = encode(JSON.stringify(records), encoding);
              await expectOutcome(
                db,
                table,
                'f.json',
                before,
                importBytes(db, kind, 'f.json', bytes),
              );
              return;
            }
            const bytes = encode(toCsv(grid, style), encoding);
            if (how === 'whole') {
              await expectOutcome(
                db,
                table,
                'f.csv',
                before,
                importBytes(db, kind, 'f.csv', bytes),
              );
              return;
            }
            const path = join(dir, `f${n++}.csv`);
            writeFileSync(path, bytes);
            await expectOutcome(
              db,
              table,
              `f${n - 1}.csv`,
              before,
              importCsvStream(db, kind, path, { parallel: how === 'worker' }),
            );
          },
        ),
        fuzz(share(0.02, 100)),
      );
      rmSync(dir, { recursive: true, force: true });
      expect(seen.accepted).toBeGreaterThan(0);
      expect(seen.rejected).toBeGreaterThan(0);
    },
  );

  it(
    `answers generated API request bodies (${share(0.3)} on SQLite, ${share(0.02, 100)} on PostgreSQL) with 200 or a clear 4xx, never a 500`,
    { timeout: LONG },
    async () => {
      const { db, dialect } = get();
      await seedSources(db);
      const app = await buildApp({ db, config: loadConfig({}) });
      // Roles are ranked: an analyst may import every kind.
      const analyst = await loginAs(app, db, 'analyst');
      const value = fc.oneof(
        { weight: 6, arbitrary: cellArb },
        { weight: 1, arbitrary: fc.integer() },
        { weight: 1, arbitrary: fc.constantFrom(null, true, false) },
        { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
      );
      const hostileBody = nameArb.chain((name) =>
        fc.tuple(
          fc.constant(name),
          fc.oneof(
            {
              weight: 6,
              arbitrary: headerArb(KINDS[name]!.kind).chain((keys) =>
                fc.array(fc.tuple(...keys.map(() => value)), { maxLength: 5 }).map((rows) =>
                  JSON.stringify({
                    rows: rows.map((vs) => Object.fromEntries(keys.map((k, i) => [k, vs[i]]))),
                  }),
                ),
              ),
            },
            { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
            { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
            {
              weight: 1,
              arbitrary: fc.constantFrom(
                '{"__proto__":{"polluted":1},"rows":[{"id":"a"}]}',
                '{"constructor":{"prototype":{"polluted":1}},"rows":[{"id":"a"}]}',
                '{"rows":[{"__proto__":"x","id":"a"}]}',
                '{"rows":',
                '',
              ),
            },
          ),
          fc.constantFrom(
            '',
            '?dryRun=true',
            '?dryRun=maybe',
            '?dateFormat=DMY',
            '?dateFormat=YMD',
          ),
          fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain'),
        ),
      );
      // The JSON reader behind this route gets FUZZ_RUNS documents of its own; through HTTP
      // and the database each costs milliseconds.
      const plausibleBody = fc
        .tuple(plausibleTableArb, fc.constantFrom('', '?dryRun=true'))
        .map(([{ kind, grid }, query]): [string, string, string, string] => {
          const [header = [], ...rows] = grid;
          const records = rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
          return [kind, JSON.stringify({ rows: records }), query, 'application/json'];
        });
      const body = fc.oneof({ weight: 3, arbitrary: hostileBody }, plausibleBody);
      const statuses = new Set<number>();
      const runs = dialect === 'sqlite' ? share(0.3) : share(0.02, 100);
      await fc.assert(
        fc.asyncProperty(body, async ([name, payload, query, type]) => {
          const before = await tableCounts(db);
          const who = analyst;
          const res = await app.inject({
            method: 'POST',
            url: `/api/imports/${name}${query}`,
            headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': type },
            payload,
          });
          expect([200, 400, 413, 415]).toContain(res.statusCode);
          statuses.add(res.statusCode);
          if (res.statusCode !== 200) {
            const err = res.json<{ error: { code: string; message: string; details?: unknown } }>()
              .error;
            expect(err.code).toBe('invalid_input');
            expect(err.message.length).toBeGreaterThan(0);
            expect(err.message).not.toMatch(/\n\s+at /);
            const problems = (err.details as { problems?: [] } | undefined)?.problems ?? [];
            for (const p of problems) expectClearProblem(p, `${name}.json`);
            expect(await tableCounts(db)).toEqual(before);
            return;
          }
          const r = res.json<ImportResult>();
          const after = await tableCounts(db);
          const table = KINDS[name]!.table;
          expect(after[table]! - before[table]!).toBe(r.dryRun ? 0 : r.inserted);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        }),
        fuzz(runs),
      );
      expect(statuses).toContain(200);
      expect(statuses).toContain(400);
      await app.close();
    },
  );
});
