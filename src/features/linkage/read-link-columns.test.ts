import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellArb, fuzz, share } from '../../../test/fuzz.js';
import { expectWellFormed, recordProgress } from '../../../test/progress-calls.js';
import { generateIndependentRecords } from '../../../test/independent-person-records.js';
import { compileColumns, compileRecords } from '../../linkage/index.js';
import { LINK_INPUT_COLUMNS } from '../persons/index.js';
import { splitCsvRows } from './read-link-chunks.js';
import { readLinkColumns } from './read-link-columns.js';
import { readLinkRecords } from './run-link-file.js';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'polon-link-columns-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const rowsOf = (text: string, crlf = false): string[][] | false => {
  const rows: string[][] = [];
  return splitCsvRows(text, crlf, (fields) => rows.push(fields) > 0) && rows;
};
const csvParse = (text: string): string[][] =>
  parse(text, { relax_column_count: true, skip_empty_lines: true, trim: false });

describe('splitting CSV rows the quick way', () => {
  it.each([
    ['plain rows', 'a,b,c\nd,,f\n'],
    ['no final line break', 'a,b\nc,d'],
    ['empty lines', 'a,b\n\n\nc,d\n\n'],
    ['quoted commas, quotes and line breaks', 'a,"b, c","say ""hi""\nthere"\n"",x,"y"\nz'],
    ['rows of different lengths', 'a\nb,c,d\n,\n'],
    ['a quoted last field', 'a,"b"\nc,"d"'],
  ])('reads %s as csv-parse does', (_name, text) => {
    expect(rowsOf(text)).toEqual(csvParse(text));
  });

  it('reads CRLF rows as csv-parse does', () => {
    const text = 'a,b\r\n"c\r\nd",e\r\n\r\nf,"g"\r\nh,i';
    expect(rowsOf(text, true)).toEqual(csvParse(text));
  });

  it.each([
    ['a quote inside a field', 'a,b"c\n'],
    ['text after a closing quote', 'a,"b"c\n'],
    ['an unclosed quote', 'a,"b\nc\n'],
    ['a carriage return in a LF file', 'a,b\r\nc\n'],
    ['a bare line feed in a CRLF file', 'a,b\r\nc,d\ne\r\n', true],
    ['a stray carriage return in a CRLF file', 'a,b\rc\r\n', true],
  ])('leaves %s to csv-parse', (_name, text, crlf = false) => {
    expect(rowsOf(text, crlf)).toBe(false);
  });
});

describe('splitting generated CSV', () => {
  // Cells as hostile files hold them (quotes, commas, CR, LF, BOMs, any code point), written
  // as csv-stringify or a spreadsheet would, then now and then broken by hand: the quick way
  // either reads what csv-parse reads or gives the text back to it.
  const breakArb = fc.array(
    fc.record({ at: fc.nat(), text: fc.constantFrom('"', '\r', '\n', ',', '\r\n', 'x"y') }),
    { maxLength: 3 },
  );
  it('reads what csv-parse reads, or leaves the text to it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cellArb, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        fc.boolean(),
        breakArb,
        (grid, crlf, quoted, breaks) => {
          let text = stringify(grid, { record_delimiter: crlf ? '\r\n' : '\n', quoted });
          // Broken between code points: text read from a file holds no half of a pair.
          for (const b of breaks) {
            const points = Array.from(text);
            const at = b.at % (points.length + 1);
            text = [...points.slice(0, at), b.text, ...points.slice(at)].join('');
          }
          const quick = rowsOf(text, crlf);
          if (quick === false) return;
          let careful: string[][];
          try {
            careful = csvParse(text);
          } catch {
            // csv-parse refuses it, so the quick way must not have read it.
            expect(quick).toBe(false);
            return;
          }
          expect(quick).toEqual(careful);
        },
      ),
      fuzz(share(0.2)),
    );
  });
});

describe('reading a link input in parts on several threads', () => {
  const data = generateIndependentRecords({ persons: 600, seed: 7 });
  const rows = data.records.map((r) => LINK_INPUT_COLUMNS.map((c) => r.row[c]));
  // Quoted cells (a comma, a line break, quotes) in every part, and a byte order mark.
  rows[5] = [
    'q1',
    'press',
    'Коваленко',
    'Олександр',
    '',
    '',
    '1985',
    'ч',
    '36, "морська"\nбригада',
  ];
  rows[rows.length - 5] = ['q2', 'press', '', '', '', 'Білик, Юрій', '', '', ''];
  const text = `\uFEFF${stringify([[...LINK_INPUT_COLUMNS], ...rows])}`;

  it("reads each cell by its header, whatever the columns' order and with one it does not know", async () => {
    const header = ['note', ...[...LINK_INPUT_COLUMNS].reverse()];
    const at = LINK_INPUT_COLUMNS.map((c) => header.indexOf(c));
    const reordered = rows.map((r) => {
      const out = header.map(() => 'a note');
      at.forEach((k, i) => (out[k] = r[i] ?? ''));
      return out;
    });
    const input = join(dir, 'reordered.csv');
    await writeFile(input, stringify([header, ...reordered]));
    const fast = await readLinkColumns(input, { threads: 2 });
    const careful = await readLinkRecords(input);
    expect(fast).toBeDefined();
    expect(fast?.ids).toEqual(careful.records.map((r) => r.id));
    expect(compileColumns(fast!.columns)).toEqual(compileRecords(careful.records));
  });

  it('gives the records, columns and counts of the careful reader', async () => {
    const input = join(dir, 'many.csv');
    await writeFile(input, text);
    const fast = await readLinkColumns(input, { threads: 3 });
    const careful = await readLinkRecords(input);
    expect(fast).toBeDefined();
    expect(fast?.ids).toEqual(careful.records.map((r) => r.id));
    expect(fast?.invalidDates).toBe(careful.invalidDates);
    expect(fast?.swappedNames).toBe(careful.swappedNames);
    expect(compileColumns(fast!.columns)).toEqual(compileRecords(careful.records));
  });

  it('tells how far it has read, to the last byte and record', async () => {
    const input = join(dir, 'progress.csv');
    await writeFile(input, text);
    const progress = recordProgress();
    try {
      await readLinkColumns(input, { threads: 2, onProgress: progress.onProgress });
    } finally {
      progress.restore();
    }
    const phases = progress.phases();
    expectWellFormed(phases, expect);
    const size = (await stat(input)).size;
    expect(phases.get('reading')?.at(-1)).toMatchObject({
      done: size,
      total: size,
      also: { records: rows.length },
    });
    expect(phases.get('reading')!.length).toBeGreaterThan(2);
  });

  it('reads CRLF files too', async () => {
    const input = join(dir, 'crlf.csv');
    await writeFile(
      input,
      stringify([[...LINK_INPUT_COLUMNS], ...rows], { record_delimiter: '\r\n' }),
    );
    const fast = await readLinkColumns(input, { threads: 2 });
    const careful = await readLinkRecords(input);
    expect(compileColumns(fast!.columns)).toEqual(compileRecords(careful.records));
  });

  it.each([
    ['an id twice, in different parts', (r: string[][]) => r.push([...(r[1] as string[])])],
    ['a record without a source', (r: string[][]) => ((r[r.length - 1] as string[])[1] = ' ')],
    ['a header without record_id', (r: string[][]) => ((r[0] as string[])[0] = 'id')],
  ])('leaves a file with %s to the careful reader', async (_name, spoil) => {
    const all = [[...LINK_INPUT_COLUMNS], ...rows.map((r) => [...r])];
    spoil(all);
    const input = join(dir, `spoilt-${Math.random()}.csv`);
    await writeFile(input, stringify(all));
    expect(await readLinkColumns(input, { threads: 2 })).toBeUndefined();
  });
});
