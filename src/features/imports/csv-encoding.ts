import { open } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { Transform } from 'node:stream';
import { InputError } from '../../core/app-error.js';

export type CsvEncoding = 'utf-8' | 'windows-1251';

/**
 * UTF-8, or Windows-1251 when the start of the file is not UTF-8 but reads as Cyrillic in
 * it (Excel's "CSV" on a Ukrainian Windows) — the same choice as for a file read whole.
 */
export async function sniffEncoding(path: string, file: string): Promise<CsvEncoding> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(65536);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const head = buf.subarray(0, bytesRead);
    if (head.includes(0))
      throw new InputError([
        { file, message: 'the file is binary, not text', fix: 'export it as CSV (UTF-8)' },
      ]);
    // `stream` lets the last character be cut in two at the end of the sample.
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
      return 'utf-8';
    } catch {
      if (/[\u0400-\u04FF]/.test(new TextDecoder('windows-1251').decode(head)))
        return 'windows-1251';
      throw notUtf8(file);
    }
  } finally {
    await fh.close();
  }
}

const notUtf8 = (file: string, after?: number): InputError =>
  new InputError([
    {
      file,
      message: `the file is not UTF-8 text${after === undefined ? '' : ` (from about byte ${after.toLocaleString('en')})`}`,
      fix: 'save it as "CSV UTF-8" from your spreadsheet program',
    },
  ]);

/**
 * Decodes as it streams, into text, and stops at the first invalid byte: without it, Node
 * would put U+FFFD in place of a broken letter deep in a file and the import would store it.
 */
export function decodeStrictly(file: string, encoding: CsvEncoding): Transform {
  if (encoding === 'utf-8') return checkUtf8(file);
  const decoder = new TextDecoder(encoding, { fatal: true });
  let seen = 0;
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _enc, done) {
      try {
        const text = decoder.decode(chunk, { stream: true });
        seen += chunk.length;
        done(null, text);
      } catch {
        done(notUtf8(file, seen));
      }
    },
    flush(done) {
      try {
        done(null, decoder.decode());
      } catch {
        done(notUtf8(file, seen));
      }
    },
  });
}

/** Where the last, unfinished character of a chunk starts (its length when none is). */
export function completeUpTo(chunk: Uint8Array): number {
  const n = chunk.length;
  for (let k = 1; k <= Math.min(4, n); k++) {
    const b = chunk[n - k] ?? 0;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const size = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return size > k ? n - k : n;
  }
  return n;
}

function checkUtf8(file: string): Transform {
  let seen = 0;
  let carry: Buffer | undefined;
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _enc, done) {
      const bytes = carry ? Buffer.concat([carry, chunk]) : chunk;
      const end = completeUpTo(bytes);
      const whole = bytes.subarray(0, end);
      if (!isUtf8(whole)) return done(notUtf8(file, seen));
      seen += end;
      carry = end < bytes.length ? Buffer.from(bytes.subarray(end)) : undefined;
      // Checked first: Node's decoding would not fail on a bad byte but replace it.
      done(null, whole.toString('utf8'));
    },
    flush(done) {
      if (!carry) return done();
      if (!isUtf8(carry)) return done(notUtf8(file, seen));
      done(null, carry.toString('utf8'));
    },
  });
}
