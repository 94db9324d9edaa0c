import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvReadError, CsvRecords, type CsvRecord } from './csv-records.js';

const MiB = 2 ** 20;

/** The text cut at the given places and fed piece by piece. */
function read(text: string, cuts: number[] = [], max = MiB): CsvRecord[] {
  const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const csv = new CsvRecords(max);
  const out: CsvRecord[] = [];
  let from = 0;
  for (const to of [...at, text.length]) {
    out.push(...csv.push(text.slice(from, to)));
    from = to;
  }
  out.push(...csv.end());
  return out;
}

function failure(text: string, cuts: number[] = [], max = MiB): CsvReadError {
  try {
    read(text, cuts, max);
  } catch (err) {
    if (err instanceof CsvReadError) return err;
    throw err;
  }
  throw new Error('expected the CSV to be refused');
}

const cellArb = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom('', ' ', '"', '""', ',', '\n', '\r\n', '\r', 'a\nb', 'Коваленко, Іван', '"x"'),
);
const eolArb = fc.constantFrom('\n', '\r\n', '\r');

const quote = (c: string): string => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);

/** The line each row starts on, counted as an editor counts them. */
function lines(grid: string[][], eol: string): number[] {
  const mark = eol === '\r' ? '\r' : '\n';
  let line = 1;
  return grid.map((cells) => {
    const at = line;
    line += 1 + cells.join('').split(mark).length - 1;
    return at;
  });
}

describe('splitting CSV text into records', () => {
  it('gives every row and the line it starts on, however the text is cut', () => {
    fc.assert(
      fc.property(
        // A row of one empty cell is an empty line, which the readers skip; left out here.
        fc.array(fc.array(cellArb, { minLength: 2, maxLength: 5 }), {
          minLength: 1,
          maxLength: 12,
        }),
        eolArb,
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 10 }),
        (grid, eol, lastEol, cuts) => {
          const text = grid.map((r) => r.map(quote).join(',')).join(eol) + (lastEol ? eol : '');
          const records = read(text, cuts);
          expect(records.map((r) => r.cells)).toEqual(grid);
          expect(records.map((r) => r.row)).toEqual(lines(grid, eol));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('agrees with csv-parse on well-formed files', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cellArb, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
        eolArb,
        fc.array(fc.nat(), { maxLength: 6 }),
        (grid, eol, cuts) => {
          const text = grid.map((r) => r.map(quote).join(',')).join(eol) + eol;
          const theirs: string[][] = parse(text, { relax_column_count: true });
          expect(read(text, cuts).map((r) => r.cells)).toEqual(theirs);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('leaves out a byte-order mark and counts an empty line as a line', () => {
    const records = read('\uFEFFid,title\n\na,"A\nB"\nb,B\n', [0, 3, 12]);
    expect(records).toEqual([
      { row: 1, cells: ['id', 'title'] },
      { row: 2, cells: [''] },
      { row: 3, cells: ['a', 'A\nB'] },
      { row: 5, cells: ['b', 'B'] },
    ]);
  });

  it('keeps a "\\r\\n" cut between its two characters whole', () => {
    const text = 'id,title\r\n"a","A"\r\n"b",B\r\n';
    for (let cut = 1; cut < text.length; cut++) {
      expect(read(text, [cut]).map((r) => r.cells)).toEqual([
        ['id', 'title'],
        ['a', 'A'],
        ['b', 'B'],
      ]);
    }
  });

  it('takes the first line break outside quotes as the file’s own, as csv-parse does', () => {
    expect(read('"a\nb",c\r\nd,e\r\n').map((r) => r.cells)).toEqual([
      ['a\nb', 'c'],
      ['d', 'e'],
    ]);
    expect(read('a,b\rc,d\r').map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('names the line of a quoted cell that never closes', () => {
    for (const cuts of [[], [5], [14, 20]]) {
      const e = failure('id,title\na,A\nb,"B\nC\n', cuts);
      expect(e).toMatchObject({ reason: 'quotes', row: 3 });
      expect(e.message).toMatch(/not closed before the end of the file/);
    }
  });

  it('names the line of a cell with text after its closing quote', () => {
    for (const cuts of [[], [18], [19], [20]]) {
      const e = failure('id,title\na,A\n"b"x,B\nc,C\n', cuts);
      expect(e).toMatchObject({ reason: 'quotes', row: 3 });
      expect(e.message).toMatch(/text after its closing quote/);
    }
  });

  it('refuses a row longer than the limit, whether it ends or not', () => {
    const long = 'x'.repeat(3000);
    expect(failure(`id,title\na,${long}\nb,B\n`, [], 1000)).toMatchObject({
      reason: 'too-long',
      row: 2,
    });
    expect(failure(`id,title\na,"${long}`, [100, 200], 1000)).toMatchObject({ row: 2 });
    // Commas do not count: a wide header of short names is not a long row.
    const wide = Array.from({ length: 400 }, (_, i) => `c${i % 10}`).join(',');
    expect(read(`${wide}\n`, [], 1000)[0]?.cells).toHaveLength(400);
  });

  it('gives up on an unending line after holding a bounded amount of it', () => {
    const csv = new CsvRecords(MiB);
    csv.push('id,title\na,');
    const piece = 'x'.repeat(65536);
    let held = 0;
    expect(() => {
      for (; held < 50 * MiB; held += piece.length) csv.push(piece);
    }).toThrow(/longer than 1 MiB/);
    expect(held).toBeLessThanOrEqual(2 * MiB + piece.length);
  });
});
