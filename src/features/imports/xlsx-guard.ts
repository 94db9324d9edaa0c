import { inflateRawSync } from 'node:zlib';
import { InputError } from '../../core/app-error.js';

/** What an .xlsx may hold once unpacked: exceljs inflates all of it into memory at once. */
export const MAX_XLSX_UNPACKED_BYTES = 256 * 1024 * 1024;
export const MAX_XLSX_ENTRIES = 10_000;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

interface Entry {
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
 * pass over a quarter of a gigabyte.
 */
export function checkXlsxSize(file: string, bytes: Buffer): void {
  const fail = (message: string, fix: string): never => {
    throw new InputError([{ file, message, fix }]);
  };
  const resave = 'open it in a spreadsheet program and save it again as .xlsx';
  const entries = centralDirectory(bytes);
  if (!entries) return fail('the spreadsheet cannot be opened (it is not a zip file)', resave);
  if (entries === 'zip64' || entries.length > MAX_XLSX_ENTRIES) {
    return fail(
      'the spreadsheet has too many parts to be a table',
      'save the table alone as .xlsx, or export it as CSV (UTF-8)',
    );
  }
  const total = entries.reduce((sum, e) => sum + e.unpacked, 0);
  const tooBig = (): never =>
    fail(
      `the spreadsheet unpacks to more than ${MAX_XLSX_UNPACKED_BYTES / 2 ** 20} MiB`,
      'export it as CSV (UTF-8), which is imported in a stream, or split it into smaller files',
    );
  if (total > MAX_XLSX_UNPACKED_BYTES) return tooBig();
  for (const e of entries) {
    if (e.method !== 8) continue; // stored parts are as large as they look
    const data = localData(bytes, e);
    if (!data) return fail('the spreadsheet cannot be opened (a part is cut short)', resave);
    try {
      inflateRawSync(data, { maxOutputLength: Math.max(e.unpacked, 1) });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return tooBig();
      return fail('the spreadsheet cannot be opened (a part is damaged)', resave);
    }
  }
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
    const entry = {
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
