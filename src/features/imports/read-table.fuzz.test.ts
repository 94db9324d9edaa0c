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
  plausibleTableArb,
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
import { workbookOf, type ModelCell, type SheetModel } from '../../../test/workbooks.js';
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

async function readAndValidate(
  kind: ImportKind<unknown>,
  file: string,
  bytes: Buffer,
  sheet?: string,
) {
  try {
    const table = await readTable(file, bytes, {
      jsonKey: kind.jsonKey,
      headerScore: kind.headerScore,
      ...(sheet === undefined ? {} : { sheet }),
    });
    expectShortNotices(table.notices.map((n) => n.message));
    const v = validateTable(table, kind);
    for (const p of v.problems) expectClearProblem(p, file);
    expectShortNotices(v.notices.map((n) => n.message));
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

/*
 * Workbooks as documenters keep them, around a generated table: cells left empty, formulas
 * (with results and errors), links, rich text, dates and numbers; merged ranges (a title
 * across the top, cells merged down or across); other sheets, hidden or not, with tables or
 * notes.
 */
const CELL_KINDS = ['text', 'hole', 'formula', 'error', 'link', 'rich', 'date', 'number'] as const;
const SHEET_NAMES = ['Аркуш1', 'Список', 'Примітки', 'Sheet 2', 'Звільнені', 'Старе'];

function featured(
  grid: string[][],
  f: {
    kinds: (typeof CELL_KINDS)[number][];
    title: boolean;
    merges: { top: number; left: number; height: number; width: number }[];
    others: { name: string; hidden: boolean; copy: boolean }[];
  },
): SheetModel[] {
  let k = 0;
  const cell = (c: string): ModelCell => {
    const kind = f.kinds.length ? f.kinds[k++ % f.kinds.length]! : 'text';
    const n = k;
    if (kind === 'hole') return null;
    if (kind === 'formula') return { formula: 'A1&""', result: c };
    if (kind === 'error') return { formula: '1/0', result: { error: '#DIV/0!' } };
    if (kind === 'link') return { text: c, hyperlink: 'https://example.org/x' };
    if (kind === 'rich') return { richText: [c.slice(0, 2), c.slice(2)] };
    if (kind === 'date') return new Date(Date.UTC(1950 + (n % 60), n % 12, 1 + (n % 28)));
    if (kind === 'number') return n * 7;
    return c;
  };
  const rows: (ModelCell[] | undefined)[] = grid.map((r) => (r.length ? r.map(cell) : undefined));
  const width = Math.max(1, ...grid.map((r) => r.length));
  const merges: NonNullable<SheetModel['merges']> = [];
  if (f.title) {
    rows.unshift(['Синтетичний список'], undefined);
    merges.push({ top: 1, bottom: 1, left: 0, right: width - 1 });
  }
  const taken = new Set<string>(
    merges.length ? Array.from({ length: width }, (_, c) => `1:${c}`) : [],
  );
  for (const m of f.merges) {
    const top = m.top + 1;
    const box = { top, bottom: top + m.height, left: m.left, right: m.left + m.width };
    if (box.bottom === box.top && box.right === box.left) continue;
    const cells: string[] = [];
    for (let r = box.top; r <= box.bottom; r++)
      for (let c = box.left; c <= box.right; c++) cells.push(`${r}:${c}`);
    if (cells.some((x) => taken.has(x))) continue;
    for (const x of cells) taken.add(x);
    merges.push(box);
  }
  const sheets: SheetModel[] = [{ name: 'Дані', rows, merges }];
  const names = new Set(['Дані']);
  for (const o of f.others) {
    if (names.has(o.name)) continue;
    names.add(o.name);
    sheets.push({
      name: o.name,
      hidden: o.hidden,
      rows: o.copy ? grid.map((r) => r.map(cell)) : [['Складено за зверненнями родин']],
    });
  }
  return sheets;
}

const featuresArb = fc.record({
  kinds: fc.array(fc.constantFrom(...CELL_KINDS), { maxLength: 6 }),
  title: fc.boolean(),
  merges: fc.array(
    fc.record({
      top: fc.nat({ max: 8 }),
      left: fc.nat({ max: 5 }),
      height: fc.nat({ max: 3 }),
      width: fc.nat({ max: 2 }),
    }),
    { maxLength: 3 },
  ),
  others: fc.array(
    fc.record({ name: fc.constantFrom(...SHEET_NAMES), hidden: fc.boolean(), copy: fc.boolean() }),
    { maxLength: 2 },
  ),
});

const BY_NAME: Record<string, ImportKind<unknown>> = Object.fromEntries(
  KINDS.map((k) => [k.kind, k]),
);
/** Mostly tables that pass, so the reading of good workbooks is checked as well as refusals. */
const someTableArb: fc.Arbitrary<[ImportKind<unknown>, string[][]]> = fc.oneof(
  {
    weight: 2,
    arbitrary: plausibleTableArb.map(({ kind, grid }): [ImportKind<unknown>, string[][]] => [
      BY_NAME[kind]!,
      grid,
    ]),
  },
  { weight: 1, arbitrary: kindArb.chain((k) => fc.tuple(fc.constant(k), tableArb(k))) },
);
const featuredArb = someTableArb.chain(([k, grid]) =>
  fc.tuple(
    fc.constant(k),
    fc.constant(grid),
    featuresArb,
    fc.option(fc.constantFrom('Дані', '2', '1'), { nil: undefined }),
  ),
);

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
        // Mostly plausible tables, so intact workbooks exercise the writes as well as the
        // refusals: a table of arbitrary cells now nearly always holds a name with a control
        // character or markup in it, which the name columns refuse.
        const samples = fc.sample(someTableArb, { numRuns: 40, seed: 7 });
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

    describe('workbooks with holes, merges, formulas, links and several sheets', () => {
      // Written once, damaged many times, as for plain workbooks above.
      const pools: Record<
        'xlsx' | 'xls' | 'ods',
        { kind: ImportKind<unknown>; bytes: Buffer; sheet?: string }[]
      > = {
        xlsx: [],
        xls: [],
        ods: [],
      };
      beforeAll(async () => {
        const samples = fc.sample(featuredArb, { numRuns: 30, seed: 11 });
        for (const [kind, grid, features, sheet] of samples)
          for (const format of ['xlsx', 'xls', 'ods'] as const)
            pools[format].push({
              kind,
              bytes: await workbookOf(featured(grid, features), format),
              ...(sheet === undefined ? {} : { sheet }),
            });
      });

      for (const format of ['xlsx', 'xls', 'ods'] as const) {
        it(`reads ${share(0.1)} damaged and intact .${format} workbooks`, async () => {
          await fc.assert(
            fc.asyncProperty(
              fc.nat({ max: 29 }),
              fc.option(mutationArb, { freq: 4, nil: undefined }),
              async (i, mutations) => {
                const { kind, bytes, sheet } = pools[format][i]!;
                await readAndValidate(
                  kind,
                  `fuzz.${format}`,
                  mutations ? mutate(bytes, mutations) : bytes,
                  sheet,
                );
              },
            ),
            fuzz(share(0.1)),
          );
          expectBothOutcomes();
        });

        it(`reads ${share(0.02)} freshly generated .${format} workbooks`, async () => {
          await fc.assert(
            fc.asyncProperty(featuredArb, async ([kind, grid, features, sheet]) => {
              await readAndValidate(
                kind,
                `fuzz.${format}`,
                await workbookOf(featured(grid, features), format),
                sheet,
              );
            }),
            fuzz(share(0.02)),
          );
          expectBothOutcomes();
        });
      }

      it('reads workbooks under the wrong ending, and other bytes under a workbook’s', async () => {
        const [xlsx, xls, ods] = [pools.xlsx[0]!, pools.xls[0]!, pools.ods[0]!];
        await fc.assert(
          fc.asyncProperty(
            fc.constantFrom(
              xlsx.bytes,
              xls.bytes,
              ods.bytes,
              Buffer.from('id,title\na,A\n'),
              Buffer.from('<html><table><tr><td>x'),
            ),
            fc.constantFrom('f.xlsx', 'f.xls', 'f.ods', 'f.csv', 'f.json'),
            fc.option(mutationArb, { nil: undefined }),
            async (bytes, file, mutations) => {
              await readAndValidate(
                sourcesImport,
                file,
                mutations ? mutate(bytes, mutations) : bytes,
              );
            },
          ),
          fuzz(share(0.02)),
        );
        seen.rows = seen.refused = 0;
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
            // An id that reads "sum…", "total…" or "subtotal…" is taken for a total row.
            fc
              .stringMatching(/^[a-z][a-z0-9-]{0,11}$/)
              .filter((id) => !/^(sum|total|subtotal)/.test(id)),
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
