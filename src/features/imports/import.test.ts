import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/databases.js';
import { tableCounts } from '../../../test/table-counts.js';
import { InputError } from '../../core/app-error.js';
import { exchangesImport } from '../exchanges/index.js';
import { bundledDataDir, loadPublicDataset } from '../public-data/index.js';
import type { ImportKind } from './import-kind.js';
import { importBytes } from './run-import.js';

const exchangesCsv = readFileSync(join(bundledDataDir(), 'exchanges.csv'));
const HEADER = 'id,date_start,kind,returned,returned_qualifier,military,sources';
const csv = (...rows: string[]): Buffer => Buffer.from([HEADER, ...rows].join('\n') + '\n');
const GOOD = '2024-01-03-exchange,2024-01-03,exchange,230,exact,224,https://example.org/a';

async function problemsOf(p: Promise<unknown>) {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InputError);
  return (err as InputError).problems;
}

describeEachDb('importing', (get) => {
  it('loads the public dataset, and loading it again changes nothing', async () => {
    const { db } = get();
    const first = await loadPublicDataset(db);
    expect(first.map((r) => [r.kind, r.inserted])).toEqual([
      ['facilities', 95],
      ['exchanges', 93],
      ['claims', 157],
    ]);
    const before = await tableCounts(db);
    const again = await loadPublicDataset(db);
    expect(again.every((r) => r.inserted === 0 && r.updated === 0)).toBe(true);
    const after = await tableCounts(db);
    expect({ ...after, imports: 0, audit_log: 0 }).toEqual({ ...before, imports: 0, audit_log: 0 });
    expect(after.audit_log).toBe((before.audit_log ?? 0) + 3);
  });

  it('counts a changed row as updated when a file is imported again', async () => {
    const { db } = get();
    await importBytes(db, exchangesImport, 'x.csv', csv(GOOD));
    const r = await importBytes(db, exchangesImport, 'x.csv', csv(GOOD.replace(',230,', ',231,')));
    expect(r).toMatchObject({ inserted: 0, updated: 1, unchanged: 0 });
  });

  it('reads the same rows from CSV, XLSX and JSON', async () => {
    const { db } = get();
    const rows: Record<string, string>[] = parse(exchangesCsv, { columns: true });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('exchanges');
    const headers = Object.keys(rows[0]!);
    ws.addRow(headers);
    for (const r of rows) ws.addRow(headers.map((h) => r[h] ?? ''));
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const fromXlsx = await importBytes(db, exchangesImport, 'exchanges.xlsx', xlsx);
    expect(fromXlsx.inserted).toBe(93);
    const json = Buffer.from(JSON.stringify({ exchanges: rows }));
    const fromJson = await importBytes(db, exchangesImport, 'exchanges.json', json);
    expect(fromJson).toMatchObject({ inserted: 0, updated: 0, unchanged: 93 });
    const fromCsv = await importBytes(db, exchangesImport, 'exchanges.csv', exchangesCsv);
    expect(fromCsv).toMatchObject({ inserted: 0, updated: 0, unchanged: 93 });
  });

  it('previews a dry run without writing anything', async () => {
    const { db } = get();
    const before = await tableCounts(db);
    const r = await importBytes(db, exchangesImport, 'exchanges.csv', exchangesCsv, {
      dryRun: true,
    });
    expect(r).toMatchObject({ dryRun: true, inserted: 93 });
    expect(await tableCounts(db)).toEqual(before);
  });

  describe('refuses bad input, says where and how to fix it, and leaves the database unchanged', () => {
    const cases: [string, string, Buffer, { row?: number; column?: string; message: RegExp }][] = [
      [
        'a missing column',
        'x.csv',
        Buffer.from('id,date_start,returned,sources\nx,2024-01-01,5,https://a.org\n'),
        { row: 1, column: 'kind', message: /required column "kind" is missing/ },
      ],
      [
        'a day that does not exist',
        'x.csv',
        csv(GOOD.replace('2024-01-03,', '31.02.2024,')),
        { row: 2, column: 'date_start', message: /day 31 does not exist in 2024-02/ },
      ],
      [
        'a negative count',
        'x.csv',
        csv(GOOD.replace(',224,', ',-224,')),
        { row: 2, column: 'military', message: /negative/ },
      ],
      [
        'an unknown source id',
        'x.csv',
        csv(
          GOOD,
          GOOD.replace('2024-01-03-exchange', 'other').replace(
            'https://example.org/a',
            'no-such-source',
          ),
        ),
        { row: 3, column: 'sources', message: /source id "no-such-source".*not registered/ },
      ],
      ['an empty file', 'x.csv', Buffer.alloc(0), { message: /file is empty/ }],
      ['a header without rows', 'x.csv', Buffer.from(`${HEADER}\n`), { message: /no rows/ }],
      [
        'a binary file named .csv',
        'x.csv',
        Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0xff, 0xfe]),
        { message: /binary/ },
      ],
      [
        'a repeated id',
        'x.csv',
        csv(GOOD, GOOD),
        { row: 3, column: 'id', message: /appears already on row 2/ },
      ],
      [
        'a stage without its group',
        'x.csv',
        csv(GOOD.replace(',exchange,', ',stage,')),
        { row: 2, column: 'group_id', message: /needs a group id/ },
      ],
    ];
    for (const [what, file, bytes, expected] of cases) {
      it(`rejects ${what}`, async () => {
        const { db } = get();
        await loadPublicDataset(db);
        const before = await tableCounts(db);
        const problems = await problemsOf(importBytes(db, exchangesImport, file, bytes));
        expect(problems).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              file,
              ...expected,
              message: expect.stringMatching(expected.message) as string,
              fix: expect.any(String) as string,
            }),
          ]),
        );
        expect(await tableCounts(db)).toEqual(before);
      });
    }

    it('rejects a 50 MB line without reading it into an error message', async () => {
      const { db } = get();
      const before = await tableCounts(db);
      const huge = csv(
        GOOD.replace(
          'https://example.org/a',
          `https://example.org/${'a'.repeat(50 * 1024 * 1024)}`,
        ),
      );
      const problems = await problemsOf(importBytes(db, exchangesImport, 'x.csv', huge));
      expect(problems[0]?.message).toMatch(/longer than 1 MiB/);
      expect(JSON.stringify(problems).length).toBeLessThan(2000);
      expect(await tableCounts(db)).toEqual(before);
    });

    it('reports every bad row at once', async () => {
      const { db } = get();
      const problems = await problemsOf(
        importBytes(
          db,
          exchangesImport,
          'x.csv',
          csv(
            GOOD.replace(',230,', ',many,'),
            GOOD.replace('2024-01-03-exchange', 'b').replace('2024-01-03,', '2024-13-01,'),
          ),
        ),
      );
      expect(problems.map((p) => [p.row, p.column])).toEqual([
        [2, 'returned'],
        [3, 'date_start'],
      ]);
    });
  });

  it('rolls back everything when the write fails half-way', async () => {
    const { db } = get();
    const before = await tableCounts(db);
    const failing: ImportKind<unknown> = {
      ...(exchangesImport as ImportKind<unknown>),
      async write(trx, rows, ctx) {
        await exchangesImport.write(trx, rows as never, ctx);
        throw new Error('simulated crash after writing');
      },
    };
    await expect(importBytes(db, failing, 'exchanges.csv', exchangesCsv)).rejects.toThrow(
      'simulated crash',
    );
    expect(await tableCounts(db)).toEqual(before);
  });
});
