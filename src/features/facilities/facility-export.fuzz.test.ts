import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellArb, fuzz, share } from '../../../test/fuzz.js';
import type { Facility } from './facility.js';
import { EXPORT_COLUMNS, facilitiesToCsv, facilitiesToXlsx } from './facility-export.js';

/*
 * Whatever text a source gave a facility, an exported file must not run it: no CSV cell
 * may start a formula, and no workbook cell may be a formula.
 */

const text = fc.option(
  fc.oneof(
    cellArb,
    fc
      .tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', ' =', '\n='), cellArb)
      .map(([a, b]) => a + b),
  ),
  { nil: null },
);

const facilityArb: fc.Arbitrary<Facility> = fc.record({
  id: fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/),
  nameEn: cellArb,
  nameUk: text,
  nameRu: text,
  aliases: fc.array(cellArb, { maxLength: 3 }),
  type: fc.constant('sizo'),
  typeAsReported: text,
  territory: fc.constant('RU'),
  region: text,
  regionCode: fc.constant(null),
  settlement: text,
  lat: fc.option(fc.double({ min: -90, max: 90, noNaN: true }), { nil: null }),
  lon: fc.option(fc.double({ min: -180, max: 180, noNaN: true }), { nil: null }),
  coordPrecision: fc.constant(null),
  coordSource: text,
  held: fc.constant('both'),
  operator: fc.constant('fsin'),
  status: fc.constant('unknown'),
  certainty: fc.constant('reported'),
  notes: text,
  sources: fc.array(
    fc.record({ id: fc.constantFrom('s1', 's2'), title: text, url: fc.constant(null) }),
    { maxLength: 2 },
  ),
});

const NUMERIC = new Set(['lat', 'lon']);

describe('exports neutralise formulas', { timeout: 300_000 }, () => {
  it(`writes ${share(0.3)} generated facilities to CSV with no cell that starts a formula`, () => {
    fc.assert(
      fc.property(fc.array(facilityArb, { minLength: 1, maxLength: 3 }), (facilities) => {
        const rows: Record<string, string>[] = parse(facilitiesToCsv(facilities), {
          columns: true,
        });
        expect(rows).toHaveLength(facilities.length);
        for (const row of rows) {
          for (const [column, cell] of Object.entries(row)) {
            if (NUMERIC.has(column) && cell !== '' && Number.isFinite(Number(cell))) continue;
            expect(cell).not.toMatch(/^[=+\-@\t\r]/);
          }
        }
      }),
      fuzz(share(0.3)),
    );
  });

  it(`writes ${share(0.01)} generated facilities to XLSX as text cells, never formulas`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(facilityArb, { minLength: 1, maxLength: 3 }),
        async (facilities) => {
          const workbook = new ExcelJS.Workbook();
          await workbook.xlsx.load((await facilitiesToXlsx(facilities)) as unknown as ArrayBuffer);
          const sheet = workbook.worksheets[0]!;
          expect(sheet.actualRowCount).toBe(facilities.length + 1);
          sheet.eachRow((row) =>
            row.eachCell((cell) => {
              expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
              expect(cell.type).not.toBe(ExcelJS.ValueType.Hyperlink);
            }),
          );
          expect(EXPORT_COLUMNS.length).toBe(sheet.getRow(1).cellCount);
        },
      ),
      fuzz(share(0.01)),
    );
  });
});
