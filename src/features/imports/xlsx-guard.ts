import { inflateRawSync } from 'node:zlib';
import { InputError } from '../../core/app-error.js';
import type { FileProblemCode, MessageParams } from './message-codes.js';

/**
 * What an .xlsx may hold once unpacked: exceljs inflates all of it into memory at once. A
 * sheet of 300,000 rows of 13 person columns, as Excel writes it, is 25 MiB packed and
 * 166 MiB unpacked (6.7 times; its shared strings 11 times), and reading it takes 1.9 GB
 * of heap: this limit leaves room for a few more columns.
 */
export const MAX_XLSX_UNPACKED_BYTES = 256 * 1024 * 1024;
/**
 * How many times its own size a workbook may unpack to. Real tables measure 5–12 times;
 * a zip bomb thousands (512 KiB unpacking to 250 MiB is 500). Below MAX_RATIO_EXEMPT
 * unpacked, any ratio passes: a tiny workbook of boilerplate parts packs well and costs nothing.
 */
export const MAX_XLSX_RATIO = 25;
export const MAX_RATIO_EXEMPT_BYTES = 8 * 1024 * 1024;
export const MAX_XLSX_ENTRIES = 10_000;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

interface Entry {
  name: string;
  method: number;
  compressed: number;
  unpacked: number;
  localOffset: number;
}

/**
 * Refuses an .xlsx that would unpack to more than memory allows (a "zip bomb") before
 * exceljs sees it. The zip's central directory states each part's unpacked size; a hostile
 * file can state less than it holds, so every compressed part is also inflated here with
 * its stated size as a hard ceiling. The total is bounded, so this costs at most one extra
 * pass over a quarter of a gigabyte. The same guard serves OpenDocument spreadsheets (.ods),
 * zips too. Returns the names of the parts, and the unpacked bytes of the part named `keep`.
 */
export function checkXlsxSize(
  file: string,
  bytes: Buffer,
  keep?: string,
): { names: string[]; kept?: Buffer } {
  const fail = (
    message: string,
    fix: string,
    code: FileProblemCode,
    params?: MessageParams,
  ): never => {
    throw new InputError([{ file, message, fix, code, ...(params ? { params } : {}) }]);
  };
  const resave = 'open it in a spreadsheet program and save it again as .xlsx';
  const entries = centralDirectory(bytes);
  if (!entries)
    return fail(
      'the spreadsheet cannot be opened (it is not a zip file)',
      resave,
      'spreadsheet_damaged',
    );
  if (entries === 'zip64' || entries.length > MAX_XLSX_ENTRIES) {
    return fail(
      'the spreadsheet has too many parts to be a table',
      'save the table alone as .xlsx, or export it as CSV (UTF-8)',
      'spreadsheet_too_many_parts',
    );
  }
  const total = entries.reduce((sum, e) => sum + e.unpacked, 0);
  const tooBig = (): never =>
    fail(
      `the spreadsheet unpacks to more than ${MAX_XLSX_UNPACKED_BYTES / 2 ** 20} MiB`,
      'export it as CSV (UTF-8), which is imported in a stream, or split it into smaller files',
      'spreadsheet_unpacks_too_large',
      { mib: MAX_XLSX_UNPACKED_BYTES / 2 ** 20 },
    );
  if (total > MAX_XLSX_UNPACKED_BYTES) return tooBig();
  if (total > MAX_RATIO_EXEMPT_BYTES && total > bytes.length * MAX_XLSX_RATIO)
    return fail(
      `the spreadsheet unpacks to ${Math.round(total / bytes.length)} times its size, more than a table does (at most ${MAX_XLSX_RATIO} times)`,
      'open it in a spreadsheet program and save it again as .xlsx, or export it as CSV (UTF-8)',
      'spreadsheet_unpacks_too_much',
      { ratio: Math.round(total / bytes.length), max: MAX_XLSX_RATIO },
    );
  let kept: Buffer | undefined;
  for (const e of entries) {
    if (e.method !== 8 && !(e.name === keep && e.method === 0)) continue; // stored parts are as large as they look
    const data = localData(bytes, e);
    if (!data)
      return fail(
        'the spreadsheet cannot be opened (a part is cut short)',
        resave,
        'spreadsheet_damaged',
      );
    if (e.method === 0) {
      kept = data;
      continue;
    }
    try {
      const out = inflateRawSync(data, { maxOutputLength: Math.max(e.unpacked, 1) });
      if (e.name === keep) kept = out;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return tooBig();
      return fail(
        'the spreadsheet cannot be opened (a part is damaged)',
        resave,
        'spreadsheet_damaged',
      );
    }
  }
  return { names: entries.map((e) => e.name), ...(kept ? { kept } : {}) };
}

/** What the cells of an OpenDocument sheet may become once their repeats are laid out. */
export const MAX_ODS_CELLS = 4_000_000;

/**
 * Refuses an .ods whose repeated rows and cells would lay out more cells than memory
 * allows: one row of `table:number-rows-repeated="1048576"` holding a cell of
 * `table:number-columns-repeated="16384"` is 17 billion cells in a few hundred bytes.
 * Empty cells cost nothing (they are skipped), so LibreOffice's usual repeats of empty
 * rows and columns pass.
 */
export function checkOdsRepeats(file: string, content: Buffer): void {
  let cells = 0;
  let rowRepeat = 1;
  for (let at = content.indexOf(60); at !== -1; at = content.indexOf(60, at + 1)) {
    const end = content.indexOf(62, at);
    if (end === -1) break;
    // The tag's local name, whatever its namespace prefix.
    const closing = content[at + 1] === 0x2f;
    const nameStart = closing ? at + 2 : at + 1;
    let nameEnd = nameStart;
    while (nameEnd < end && !TAG_END.has(content[nameEnd]!)) nameEnd++;
    const name = content.toString('latin1', nameStart, nameEnd);
    const local = name.slice(name.lastIndexOf(':') + 1);
    if (local !== 'table-row' && local !== 'table-cell' && local !== 'covered-table-cell') {
      at = end;
      continue;
    }
    const tag = content.toString('latin1', nameEnd, end);
    if (closing) {
      if (local === 'table-row') rowRepeat = 1;
    } else if (local === 'table-row') rowRepeat = repeat(tag, 'number-rows-repeated', (v) => +v);
    else if (!tag.endsWith('/') || /value-type\s*=/.test(tag)) {
      cells += rowRepeat * repeat(tag, 'number-columns-repeated', (v) => parseInt(v, 10));
      if (cells > MAX_ODS_CELLS)
        throw new InputError([
          {
            file,
            message: `the spreadsheet repeats its cells to more than ${MAX_ODS_CELLS.toLocaleString('en')}`,
            fix: 'delete the rows and columns below and to the right of the table, or save it as .xlsx or CSV (UTF-8)',
            code: 'spreadsheet_repeats_too_much',
            params: { max: MAX_ODS_CELLS },
          },
        ]);
    }
    at = end;
  }
}

const TAG_END = new Set([0x20, 0x09, 0x0a, 0x0d, 0x2f, 0x3e]);

/** An attribute's count as SheetJS reads it: rows with `+value`, columns with `parseInt`. */
function repeat(tag: string, attribute: string, read: (v: string) => number): number {
  const m = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${attribute}\\s*=\\s*(["'])(.*?)\\1`).exec(tag);
  const n = m ? read(m[2]!) : 1;
  return Number.isNaN(n) || n < 1 ? 1 : n;
}

function centralDirectory(b: Buffer): Entry[] | 'zip64' | undefined {
  // The end record is at most 22 bytes + a 65,535-byte comment from the end.
  let end = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (b.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = b.readUInt16LE(end + 10);
  const size = b.readUInt32LE(end + 12);
  const offset = b.readUInt32LE(end + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) return 'zip64';
  if (offset + size > b.length) return undefined;
  const entries: Entry[] = [];
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > b.length || b.readUInt32LE(at) !== CENTRAL) return undefined;
    const nameLength = b.readUInt16LE(at + 28);
    if (at + 46 + nameLength > b.length) return undefined;
    const entry = {
      name: b.toString('utf8', at + 46, at + 46 + nameLength),
      method: b.readUInt16LE(at + 10),
      compressed: b.readUInt32LE(at + 20),
      unpacked: b.readUInt32LE(at + 24),
      localOffset: b.readUInt32LE(at + 42),
    };
    if (entry.compressed === 0xffffffff || entry.unpacked === 0xffffffff) return 'zip64';
    entries.push(entry);
    at += 46 + b.readUInt16LE(at + 28) + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32);
  }
  return entries;
}

function localData(b: Buffer, e: Entry): Buffer | undefined {
  const at = e.localOffset;
  if (at + 30 > b.length || b.readUInt32LE(at) !== LOCAL) return undefined;
  const start = at + 30 + b.readUInt16LE(at + 26) + b.readUInt16LE(at + 28);
  if (start + e.compressed > b.length) return undefined;
  return b.subarray(start, start + e.compressed);
}
