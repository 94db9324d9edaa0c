import { open, stat } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { Transform } from 'node:stream';
import { InputError } from '../../core/app-error.js';
import {
  completeUpTo,
  decoderLabel,
  encodingTitle,
  sampleOf,
  sniffText,
  type SniffedText,
  type TextEncoding,
  type TextOptions,
} from './detect-text.js';

export { completeUpTo };

/** The encodings a CSV file may be read in. */
export type CsvEncoding = TextEncoding;

/**
 * The encoding and delimiter of a CSV file on disk, judged by the same bytes and rules as
 * a file read whole (`readTable`).
 */
export async function sniffCsv(
  path: string,
  file: string,
  options: TextOptions = {},
): Promise<SniffedText & { delimiter: string }> {
  const { size } = await stat(path);
  if (size === 0)
    throw new InputError([
      {
        file,
        message: 'the file is empty',
        fix: 'export the data again; the file has no header and no rows',
        code: 'empty_file',
      },
    ]);
  const fh = await open(path, 'r');
  try {
    const sample = await sampleOf(size, async (position, length) => {
      const buf = Buffer.alloc(length);
      const { bytesRead } = await fh.read(buf, 0, length, position);
      return buf.subarray(0, bytesRead);
    });
    const sniffed = sniffText(file, sample, options, true);
    return { ...sniffed, delimiter: sniffed.delimiter ?? ',' };
  } finally {
    await fh.close();
  }
}

const badBytes = (file: string, encoding: TextEncoding, after?: number): InputError =>
  new InputError([
    {
      file,
      message: `the file is not ${encodingTitle(encoding)} text${after === undefined ? '' : ` (from about byte ${after.toLocaleString('en')})`}`,
      fix:
        encoding === 'utf-8' || encoding === 'utf-8-bom'
          ? 'save it as "CSV UTF-8" from your spreadsheet program, or give its encoding (windows-1251, koi8-u, …)'
          : 'save it as "CSV UTF-8" from your spreadsheet program',
      code: 'not_encoding',
      params: { encoding: encodingTitle(encoding) },
    },
  ]);

/**
 * Text from bytes given in pieces, stopping at the first invalid byte: without it, a
 * broken letter deep in a file would become U+FFFD and the import would store it.
 */
export class StrictDecoder {
  private seen = 0;
  private carry: Buffer | undefined;
  private readonly decoder: InstanceType<typeof TextDecoder> | undefined;
  private readonly utf8: boolean;

  constructor(
    private readonly file: string,
    private readonly encoding: TextEncoding,
  ) {
    this.utf8 = encoding === 'utf-8' || encoding === 'utf-8-bom';
    this.decoder = this.utf8 ? undefined : new TextDecoder(decoderLabel(encoding), { fatal: true });
  }

  push(chunk: Buffer): string {
    if (this.decoder) {
      try {
        const text = this.decoder.decode(chunk, { stream: true });
        this.seen += chunk.length;
        return text;
      } catch {
        throw badBytes(this.file, this.encoding, this.seen);
      }
    }
    const bytes = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    const end = completeUpTo(bytes);
    const whole = bytes.subarray(0, end);
    // Checked first: Node's decoding would not fail on a bad byte but replace it.
    if (!isUtf8(whole)) throw badBytes(this.file, this.encoding, this.seen);
    this.seen += end;
    this.carry = end < bytes.length ? Buffer.from(bytes.subarray(end)) : undefined;
    return whole.toString('utf8');
  }

  end(): string {
    if (this.decoder) {
      try {
        return this.decoder.decode();
      } catch {
        throw badBytes(this.file, this.encoding, this.seen);
      }
    }
    const carry = this.carry;
    if (!carry) return '';
    if (!isUtf8(carry)) throw badBytes(this.file, this.encoding, this.seen);
    return carry.toString('utf8');
  }
}

/** Chunks as a file stream gives them, so a whole file's errors name the same byte. */
const CHUNK = 65536;

/** A whole file's text, as strictly as a streamed file's (a BOM is left for the reader). */
export function decodeWhole(file: string, bytes: Buffer, encoding: TextEncoding): string {
  if ((encoding === 'utf-8' || encoding === 'utf-8-bom') && isUtf8(bytes))
    return bytes.toString('utf8');
  const d = new StrictDecoder(file, encoding);
  const parts: string[] = [];
  for (let at = 0; at < bytes.length; at += CHUNK)
    parts.push(d.push(bytes.subarray(at, at + CHUNK)));
  parts.push(d.end());
  return parts.join('');
}

/** `StrictDecoder` as a stream of text. */
export function decodeStrictly(file: string, encoding: TextEncoding): Transform {
  const d = new StrictDecoder(file, encoding);
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _enc, done) {
      try {
        done(null, d.push(chunk));
      } catch (err) {
        done(err as Error);
      }
    },
    flush(done) {
      try {
        const rest = d.end();
        done(null, rest || undefined);
      } catch (err) {
        done(err as Error);
      }
    },
  });
}
