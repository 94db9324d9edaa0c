import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { loginAs } from '../../../test/accounts.js';
import { describeEachDb } from '../../../test/databases.js';
import { zip } from '../../../test/hostile-bytes.js';
import { InputError } from '../../core/app-error.js';
import { loadConfig } from '../../config.js';
import { buildApp } from '../../server/index.js';
import { readTable, type WorkbookSheets } from './read-table.js';
import type { WorkbookJob, WorkbookRunner } from './workbook-reader.js';

const MiB = 2 ** 20;

/**
 * The red team's bomb: a well-formed .xlsx of under 1 MiB whose sheet unpacks to 250 MiB
 * of one repeated row, under the old 256 MiB limit.
 */
let bombMade: Buffer | undefined;
function xlsxBomb(): Buffer {
  bombMade ??= makeBomb();
  return bombMade;
}

function makeBomb(): Buffer {
  const row = '<row><c t="inlineStr"><is><t>x</t></is></c></row>';
  const head =
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  const tail = '</sheetData></worksheet>';
  const body = Buffer.alloc(Math.floor((250 * MiB) / row.length) * row.length, row);
  const sheet = Buffer.concat([Buffer.from(head), body, Buffer.from(tail)]);
  const part = (name: string, content: Buffer | string) => {
    const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content);
    return { name, deflated: deflateRawSync(bytes, { level: 9 }), stated: bytes.length };
  };
  return zip([
    part(
      '[Content_Types].xml',
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    part(
      '_rels/.rels',
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    part(
      'xl/workbook.xml',
      '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    part(
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    part('xl/worksheets/sheet1.xml', sheet),
  ]);
}

async function xlsx(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Records');
  ws.addRow(['Джерело', 'Номер', 'Прізвище', "Ім'я", 'Дата народження']);
  for (let i = 0; i < rows; i++)
    ws.addRow(['testimonies', `T${i}`, `Тестенко${i}`, 'Іван', '1990']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('workbook limits', () => {
  it('refuses a bomb of under 1 MiB that unpacks to 250 MiB, before unpacking it', async () => {
    const bomb = xlsxBomb();
    expect(bomb.length).toBeLessThan(MiB);
    const before = process.memoryUsage().rss;
    const err = await readTable('bomb.xlsx', bomb).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problems[0]?.message).toMatch(/unpacks to \d+ times its size/);
    // Refused by the numbers the zip states: nothing near 250 MiB was held.
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * MiB);
  });
});

describeEachDb('workbook limits through the API', (get) => {
  let open: FastifyInstance | undefined;
  afterEach(async () => {
    await open?.close();
    open = undefined;
  });
  async function setup(env: Record<string, string> = {}, workbooks?: WorkbookRunner) {
    const { db } = get();
    open = await buildApp({
      db,
      config: loadConfig(env),
      ...(workbooks ? { work: { workbooks } } : {}),
    });
    const app = open;
    const s = await loginAs(app, db, 'documenter');
    const send = (body: Buffer, name: string) =>
      app.inject({
        method: 'POST',
        url: `/api/imports/persons/file?name=${name}&dryRun=true`,
        headers: {
          cookie: s.cookie,
          'x-csrf-token': s.csrf,
          'content-type': 'application/octet-stream',
        },
        payload: body,
      });
    return { app, send };
  }

  it('answers the bomb with a clear 400 and stays responsive', async () => {
    const { app, send } = await setup();
    const res = await send(xlsxBomb(), 'bomb.xlsx');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: { code: 'invalid_input', message: expect.stringMatching(/times its size/) as string },
    });
    expect((await app.inject('/api/health')).statusCode).toBe(200);
  });

  it('reads workbooks on the worker runner, not on the server thread', async () => {
    const jobs: WorkbookJob[] = [];
    const runner: WorkbookRunner = {
      run(job) {
        jobs.push(job);
        return Promise.resolve({
          format: 'xlsx',
          sheets: [
            {
              name: 'S',
              number: 1,
              hidden: false,
              merges: [],
              rows: [{ row: 1, cells: ['Джерело', 'Номер', 'Прізвище'] }],
            },
          ],
        } satisfies WorkbookSheets);
      },
      close: () => Promise.resolve(),
    };
    const { send } = await setup({}, runner);
    await send(await xlsx(2), 'people.xlsx');
    expect(jobs.map((j) => [j.file, j.ext])).toEqual([['people.xlsx', '.xlsx']]);
  });

  it('stops a workbook needing more memory than allowed in its worker: a clear 400', async () => {
    const { app, send } = await setup({ POLON_READ_MEMORY_MB: '64' });
    const res = await send(await xlsx(60_000), 'big.xlsx');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: { code: 'invalid_input', message: expect.stringMatching(/64 MB of memory/) as string },
    });
    expect((await app.inject('/api/health')).statusCode).toBe(200);
    // V8 collects garbage hard before it gives a thread up: this takes a while.
  }, 120_000);

  it('refuses a second import of the same account while the first runs: 429 rate_limited', async () => {
    let release: (() => void) | undefined;
    const runner: WorkbookRunner = {
      run: () =>
        new Promise<WorkbookSheets>((_resolve, reject) => {
          release = () => reject(new Error('released'));
        }),
      close: () => Promise.resolve(),
    };
    const { send } = await setup({}, runner);
    const file = await xlsx(2);
    const first = send(file, 'one.xlsx');
    while (!release) await new Promise((r) => setImmediate(r));
    const second = await send(file, 'two.xlsx');
    expect(second.statusCode).toBe(429);
    expect(second.json()).toMatchObject({ error: { code: 'rate_limited' } });
    expect(second.headers['retry-after']).toBeDefined();
    release();
    expect((await first).statusCode).toBe(500);
  });
});
