import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  cellArb,
  expectClearProblem,
  expectClearRejection,
  expectShortNotices,
  fuzz,
  FUZZ_RUNS,
  headerArb,
  share,
  tableArb,
} from '../../../test/fuzz.js';
import {
  csvStyleArb,
  encode,
  encodingArb,
  type Encoding,
  mutate,
  mutationArb,
  toCsv,
  toXlsx,
} from '../../../test/hostile-bytes.js';
import { claimsImport } from '../claims/index.js';
import { exchangesImport } from '../exchanges/index.js';
import { facilitiesImport } from '../facilities/index.js';
import { episodesImport, eventsImport, occupancyImport, personsImport } from '../persons/index.js';
import { sourcesImport } from '../sources/index.js';
import type { ImportKind } from './import-kind.js';
import { readTable } from './read-table.js';
import { validateTable } from './validate-table.js';

/*
 * Hostile input through the path every import takes before the database: bytes → table →
 * validated rows. Whatever the bytes, the outcome is rows or problems a person can act on,
 * never a crash. The writes are fuzzed separately (import.fuzz.test.ts), fewer times.
 */

const KINDS = [
  sourcesImport,
  exchangesImport,
  claimsImport,
  facilitiesImport,
  personsImport,
  eventsImport,
  episodesImport,
  occupancyImport,
] as ImportKind<unknown>[];
const kindArb = fc.constantFrom(...KINDS);

/** Outcomes per test: a property whose inputs never validate (or never fail) tests half. */
const seen = { rows: 0, refused: 0 };
const expectBothOutcomes = (): void => {
  expect(seen.rows).toBeGreaterThan(0);
  expect(seen.refused).toBeGreaterThan(0);
  seen.rows = seen.refused = 0;
};

async function readAndValidate(kind: ImportKind<unknown>, file: string, bytes: Buffer) {
  try {
    const table = await readTable(file, bytes, {
      jsonKey: kind.jsonKey,
      headerScore: kind.headerScore,
    });
    expectShortNotices(table.notices);
    const v = validateTable(table, kind);
    for (const p of v.problems) expectClearProblem(p, file);
    expectShortNotices(v.notices);
    for (const r of v.rows) expect(Number.isInteger(r.row) && r.row >= 1).toBe(true);
    if (v.rows.length) seen.rows++;
    if (v.problems.length) seen.refused++;
    return v;
  } catch (err) {
    expectClearRejection(err, file);
    seen.refused++;
    return undefined;
  }
}

// Thousands of inputs per test: far over the default 30 s on a busy two-core machine.
const LONG = 300_000;

describe(
  'fuzzing the importers: no crash, every rejection a clear problem',
  { timeout: LONG },
  () => {
    it(`reads ${FUZZ_RUNS} generated CSV files of every kind`, async () => {
      await fc.assert(
        fc.asyncProperty(
          kindArb.chain((k) => fc.tuple(fc.constant(k), tableArb(k))),
          csvStyleArb,
          encodingArb,
          fc.option(mutationArb, { freq: 4 }),
          async ([kind, grid], style, encoding, mutations) => {
            const bytes = encode(toCsv(grid, style), encoding);
            await readAndValidate(kind, 'fuzz.csv', mutations ? mutate(bytes, mutations) : bytes);
          },
        ),
        fuzz(FUZZ_RUNS),
      );
      expectBothOutcomes();
    });

    it(`reads ${FUZZ_RUNS} generated JSON files and API bodies of every kind`, async () => {
      const value = fc.oneof(
        { weight: 4, arbitrary: cellArb },
        { weight: 1, arbitrary: fc.integer() },
        { weight: 1, arbitrary: fc.double() },
        { weight: 1, arbitrary: fc.constantFrom(null, true, false) },
        { weight: 1, arbitrary: fc.array(cellArb, { maxLength: 3 }) },
        { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
      );
      const doc = kindArb.chain((kind) =>
        fc.tuple(
          fc.constant(kind),
          fc.oneof(
            headerArb(kind).chain((keys) => {
              const records = fc.array(
                fc.oneof(
                  {
                    weight: 8,
                    arbitrary: fc
                      .tuple(...keys.map(() => value))
                      .map((vs) => Object.fromEntries(keys.map((k, i) => [k, vs[i]]))),
                  },
                  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
                ),
                { maxLength: 6 },
              );
              return fc.oneof(
                records,
                records.map((rows) => ({ [kind.jsonKey]: rows })),
                records.map((rows) => ({ rows })),
              );
            }),
            fc.jsonValue({ maxDepth: 4 }),
          ),
        ),
      );
      await fc.assert(
        fc.asyncProperty(
          doc,
          encodingArb,
          fc.option(mutationArb, { freq: 5 }),
          async ([kind, data], encoding, mutations) => {
            const bytes = encode(JSON.stringify(data) ?? 'null', encoding);
            await readAndValidate(kind, 'fuzz.json', mutations ? mutate(bytes, mutations) : bytes);
          },
        ),
        fuzz(FUZZ_RUNS),
      );
      expectBothOutcomes();
    });

    describe('XLSX', () => {
      // Writing a workbook costs milliseconds, so most runs damage a pool of real ones: each
      // is still a complete read (zip, XML, cells) or a refusal of a broken file.
      const pool: { kind: ImportKind<unknown>; bytes: Buffer }[] = [];
      beforeAll(async () => {
        const samples = fc.sample(
          kindArb.chain((k) => fc.tuple(fc.constant(k), tableArb(k))),
          { numRuns: 40, seed: 7 },
        );
        for (const [kind, grid] of samples) pool.push({ kind, bytes: await toXlsx(grid) });
      });

      it(`reads ${share(0.9)} damaged and intact workbooks`, async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.nat({ max: 39 }),
            fc.option(mutationArb, { freq: 4, nil: undefined }),
            async (i, mutations) => {
              const { kind, bytes } = pool[i]!;
              await readAndValidate(
                kind,
                'fuzz.xlsx',
                mutations ? mutate(bytes, mutations) : bytes,
              );
            },
          ),
          fuzz(share(0.9)),
        );
        expectBothOutcomes();
      });

      it(`reads ${share(0.1)} freshly generated workbooks of every kind`, async () => {
        await fc.assert(
          fc.asyncProperty(
            kindArb.chain((k) => fc.tuple(fc.constant(k), tableArb(k))),
            async ([kind, grid]) => {
              await readAndValidate(kind, 'fuzz.xlsx', await toXlsx(grid));
            },
          ),
          fuzz(share(0.1)),
        );
        expectBothOutcomes();
      });
    });

    it('reads valid rows back exactly, whatever their text (CSV round trip)', async () => {
      // Sources take free text in every column but the id: a good probe of the CSV reader.
      const text = fc
        .string({ unit: 'grapheme', maxLength: 20 })
        .filter((t) => t.trim() === t && !t.includes('\0'));
      await fc.assert(
        fc.asyncProperty(
          fc.uniqueArray(
            // An id that reads "sum…" or "total…" on the last row is taken for a total row.
            fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/).filter((id) => !/^(sum|total)/.test(id)),
            { minLength: 1, maxLength: 6 },
          ),
          fc.array(text, { minLength: 6, maxLength: 6 }),
          fc.constantFrom<Encoding>('utf8', 'utf8-bom'),
          async (ids, titles, encoding) => {
            const grid = [['id', 'title'], ...ids.map((id, i) => [id, titles[i] || 'untitled'])];
            const v = await readAndValidate(
              sourcesImport,
              's.csv',
              encode(toCsv(grid, { quoteAll: false, quoteNeeded: true, eol: '\r\n' }), encoding),
            );
            expect(v?.problems).toEqual([]);
            expect(v?.rows.map((r) => (r.value as { id: string }).id)).toEqual(ids);
          },
        ),
        fuzz(share(0.05)),
      );
    });
  },
);
