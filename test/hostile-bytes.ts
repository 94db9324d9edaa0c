import ExcelJS from 'exceljs';
import fc from 'fast-check';
import iconv from 'iconv-lite';

export type Encoding = 'utf8' | 'utf8-bom' | 'cp1251' | 'utf16le' | 'utf16be' | 'koi8-u' | 'koi8-r';

/** How files arrive: UTF-8 with or without a BOM, Excel's Windows-1251, UTF-16, KOI8. */
export function encode(text: string, encoding: Encoding): Buffer {
  if (encoding === 'utf8-bom')
    return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
  if (encoding === 'cp1251') return iconv.encode(text, 'win1251');
  if (encoding === 'utf16le' || encoding === 'utf16be')
    return iconv.encode(`\uFEFF${text}`, encoding);
  if (encoding === 'koi8-u' || encoding === 'koi8-r') return iconv.encode(text, encoding);
  return Buffer.from(text);
}

export const encodingArb = fc.constantFrom<Encoding>(
  'utf8',
  'utf8',
  'utf8-bom',
  'cp1251',
  'utf16le',
  'utf16be',
  'koi8-u',
  'koi8-r',
);

export interface CsvStyle {
  quoteAll: boolean;
  /** false: cells written raw, so commas and quotes in them break the row, as in a hand-edited file. */
  quoteNeeded: boolean;
  eol: '\n' | '\r\n' | '\r';
  /** Between cells (default ","). */
  delimiter?: ',' | ';' | '\t' | '|';
}

export const csvStyleArb: fc.Arbitrary<CsvStyle> = fc.record({
  quoteAll: fc.boolean(),
  quoteNeeded: fc.boolean(),
  eol: fc.constantFrom<CsvStyle['eol']>('\n', '\r\n', '\r'),
  delimiter: fc.constantFrom<NonNullable<CsvStyle['delimiter']>>(',', ',', ';', '\t', '|'),
});

export function toCsv(grid: string[][], style: CsvStyle): string {
  const d = style.delimiter ?? ',';
  const cell = (c: string): string =>
    style.quoteAll || (style.quoteNeeded && (/["\r\n]/.test(c) || c.includes(d)))
      ? `"${c.replace(/"/g, '""')}"`
      : c;
  return grid.map((r) => r.map(cell).join(d)).join(style.eol);
}

/** Byte changes at relative positions: flips, truncations, and inserted bytes. */
export const mutationArb: fc.Arbitrary<Mutation[]> = fc.array(
  fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
    op: fc.constantFrom<Mutation['op']>('set', 'cut', 'insert'),
    byte: fc.integer({ min: 0, max: 255 }),
  }),
  { maxLength: 4 },
);

export type Mutation = { at: number; op: 'set' | 'cut' | 'insert'; byte: number };

export function mutate(bytes: Buffer, mutations: Mutation[]): Buffer {
  let b = Buffer.from(bytes);
  for (const m of mutations) {
    const i = Math.floor(m.at * b.length);
    if (m.op === 'set' && b.length) b[i] = m.byte;
    else if (m.op === 'cut') b = b.subarray(0, Math.max(1, i));
    else b = Buffer.concat([b.subarray(0, i), Buffer.from([m.byte]), b.subarray(i)]);
  }
  return b;
}

/** A workbook with the grid on its first sheet; cells that look like formulas are written as formulas. */
export async function toXlsx(grid: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('data');
  for (const row of grid)
    sheet.addRow(
      row.map((c) =>
        c.startsWith('=') && c.length > 1 ? { formula: c.slice(1), result: 'x' } : c,
      ),
    );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export interface ZipEntry {
  name: string;
  /** The part's compressed bytes (raw deflate). */
  deflated: Buffer;
  /** The unpacked size the zip states, true or not. */
  stated: number;
}

/** A zip written by hand, so a test can state sizes that lie, as zip bombs do. */
export function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(e.stated, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.deflated.length, 20);
    central.writeUInt32LE(e.stated, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.deflated);
    centrals.push(central, name);
    offset += local.length + name.length + e.deflated.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}
