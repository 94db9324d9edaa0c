import { isUtf8 } from 'node:buffer';
import { InputError } from '../../core/app-error.js';
import { detectDelimiter, givenDelimiter } from './detect-delimiter.js';

/**
 * The detect stage for text files (CSV, JSON): which encoding and, for CSV, which delimiter
 * (found in detect-delimiter.ts). A file read whole and a file streamed are judged here by
 * the same bytes, so both read a file alike.
 */

/** How text files arrive: Excel's "CSV UTF-8" (with a BOM), its "CSV" on a Cyrillic Windows, … */
export type TextEncoding =
  'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1251' | 'koi8-u' | 'koi8-r';

/** The values an encoding may be given as (`encoding` option); `encodingNamed` takes more spellings. */
export const ENCODING_NAMES = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'windows-1251',
  'koi8-u',
  'koi8-r',
] as const;

const SPELLINGS: Record<string, TextEncoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-8-bom': 'utf-8-bom',
  'utf8-bom': 'utf-8-bom',
  'utf-8-sig': 'utf-8-bom',
  'utf8-sig': 'utf-8-bom',
  'utf-16le': 'utf-16le',
  utf16le: 'utf-16le',
  'utf-16-le': 'utf-16le',
  'utf-16': 'utf-16le',
  utf16: 'utf-16le',
  'ucs-2': 'utf-16le',
  ucs2: 'utf-16le',
  unicode: 'utf-16le',
  'utf-16be': 'utf-16be',
  utf16be: 'utf-16be',
  'utf-16-be': 'utf-16be',
  'windows-1251': 'windows-1251',
  windows1251: 'windows-1251',
  'win-1251': 'windows-1251',
  win1251: 'windows-1251',
  cp1251: 'windows-1251',
  'cp-1251': 'windows-1251',
  'x-cp1251': 'windows-1251',
  '1251': 'windows-1251',
  'koi8-u': 'koi8-u',
  koi8u: 'koi8-u',
  'koi8-r': 'koi8-r',
  koi8r: 'koi8-r',
  koi8: 'koi8-u',
};

/** An encoding as people and programs spell it ("UTF8", "cp1251", "KOI8_U"); undefined if unknown. */
export function encodingNamed(name: string): TextEncoding | undefined {
  const key = name
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  return Object.hasOwn(SPELLINGS, key) ? SPELLINGS[key] : undefined;
}

/** The label TextDecoder knows the encoding by. */
export const decoderLabel = (e: TextEncoding): string => (e === 'utf-8-bom' ? 'utf-8' : e);

/** The encoding's name as a person knows it, for notices and messages. */
export function encodingTitle(e: TextEncoding): string {
  return {
    'utf-8': 'UTF-8',
    'utf-8-bom': 'UTF-8',
    'utf-16le': 'UTF-16 LE',
    'utf-16be': 'UTF-16 BE',
    'windows-1251': 'Windows-1251',
    'koi8-u': 'KOI8-U',
    'koi8-r': 'KOI8-R',
  }[e];
}

/** Bytes a file's encoding is judged by. */
export const SAMPLE_BYTES = 65536;
/** How far into a file that starts in plain ASCII the first other byte is looked for. */
export const LOOK_AHEAD_BYTES = 16 * 1024 * 1024;
const STEP = 1024 * 1024;

export interface Sample {
  /** The start of the file (the first 64 KiB). */
  head: Uint8Array;
  /** What the encoding is judged by: the head, and when it is all ASCII, the first stretch that is not. */
  bytes: Uint8Array;
  /** The sample holds the file's last byte. */
  complete: boolean;
}

/** Reads `length` bytes at `position` (fewer at the end of the file). */
export type ReadAt = (position: number, length: number) => Promise<Uint8Array> | Uint8Array;

const firstNonAscii = (b: Uint8Array): number => {
  for (let i = 0; i < b.length; i++) if (b[i]! > 0x7f) return i;
  return -1;
};

/**
 * The bytes to judge a file's encoding by. A file that starts in plain ASCII (English
 * headers, ids, dates) may hold its first Cyrillic letter far down: the look-ahead finds it,
 * so that a Windows-1251 file is not taken for UTF-8 by its first lines.
 */
export async function sampleOf(size: number, read: ReadAt): Promise<Sample> {
  const head = await read(0, SAMPLE_BYTES);
  if (head.length >= size || firstNonAscii(head) >= 0) {
    return { head, bytes: head, complete: head.length >= size };
  }
  for (let at = head.length; at < Math.min(size, LOOK_AHEAD_BYTES); at += STEP) {
    const chunk = await read(at, Math.min(STEP, size - at));
    const i = firstNonAscii(chunk);
    if (i < 0) continue;
    const window = await read(at + i, SAMPLE_BYTES);
    const bytes = new Uint8Array(head.length + window.length);
    bytes.set(head);
    bytes.set(window, head.length);
    return { head, bytes, complete: at + i + window.length >= size };
  }
  return { head, bytes: head, complete: false };
}

const notText = (file: string): InputError =>
  new InputError([
    {
      file,
      message: 'the file is binary, not text',
      fix: 'if it is a spreadsheet, give it the ending of its kind (.xlsx, .xls, .ods); otherwise export it as CSV (UTF-8)',
      code: 'binary_file',
    },
  ]);

export const unknownEncoding = (file: string): InputError =>
  new InputError([
    {
      file,
      message: 'the file is not UTF-8 text, nor Cyrillic in Windows-1251 or KOI8',
      fix: `save it as "CSV UTF-8" from your spreadsheet program, or give its encoding (one of ${ENCODING_NAMES.join(', ')})`,
      code: 'unknown_encoding',
    },
  ]);

/** Where the last, unfinished UTF-8 character of a chunk starts (its length when none is). */
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

/**
 * The encoding of a text file, from a sample of it: a byte-order mark says it; else text
 * that is valid UTF-8 is UTF-8; else it is a Cyrillic single-byte encoding, Windows-1251
 * unless the letters read clearly better as KOI8 (see `cyrillicEncoding`).
 */
export function detectEncoding(file: string, sample: Sample): TextEncoding {
  const b = sample.bytes;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8-bom';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  if (b.includes(0) || (b[0] === 0x50 && b[1] === 0x4b) || (b[0] === 0xd0 && b[1] === 0xcf))
    throw notText(file);
  // The sample may end in the middle of a letter.
  if (isUtf8(sample.complete ? b : b.subarray(0, completeUpTo(b)))) return 'utf-8';
  const enc = cyrillicEncoding(b);
  if (!enc) throw unknownEncoding(file);
  return enc;
}

/*
 * Windows-1251 or KOI8. Both put the Cyrillic letters at 0xC0–0xFF, in different orders:
 * Windows-1251 alphabetically, capitals first; KOI8 in the order of their Latin look-alikes,
 * small letters first. Only the right order gives the letters the frequencies of Ukrainian
 * and Russian (about one nat per letter apart either way, whatever the case), and text is
 * mostly small letters. KOI8 is chosen only with a clear margin on the frequencies and with
 * the small letters on its side, or with a wide margin over a long stretch of text (a list
 * written in capitals); anything else is Windows-1251, by far the commoner.
 */

/** Letters per 1,000 in Ukrainian and Russian text together (names, places, notes). */
const FREQ: Record<string, number> = {
  а: 75,
  б: 16,
  в: 45,
  г: 15,
  ґ: 1,
  д: 29,
  е: 65,
  є: 4,
  ё: 1,
  ж: 8,
  з: 19,
  и: 62,
  і: 25,
  ї: 5,
  й: 11,
  к: 34,
  л: 37,
  м: 30,
  н: 67,
  о: 100,
  п: 27,
  р: 46,
  с: 46,
  т: 52,
  у: 30,
  ф: 3,
  х: 10,
  ц: 7,
  ч: 15,
  ш: 8,
  щ: 5,
  ъ: 1,
  ы: 10,
  ь: 17,
  э: 2,
  ю: 7,
  я: 23,
  ў: 0.5,
};
/** Signs both encodings' texts use above 0x7F: typographic quotes, dashes, №, a no-break space. */
const SIGNS = new Set('«»„“”‘’‚–—…№\u00a0·•°§©®™'.split(''));
const LOG_SIGN = Math.log(5 / 1000);
const LOG_ODD = Math.log(0.01 / 1000);

/** How natural a character of the upper half is in Cyrillic text (a log-likelihood). */
function naturalness(c: string): number {
  const f = FREQ[c.toLowerCase()];
  if (f !== undefined) return Math.log(f / 1000);
  return SIGNS.has(c) ? LOG_SIGN : LOG_ODD;
}

const tables = new Map<string, { score: Float64Array; small: Uint8Array; capital: Uint8Array }>();
/** Per byte 0x80–0xFF: its naturalness, and whether it is a small or a capital letter. */
function table(encoding: 'windows-1251' | 'koi8-u') {
  let t = tables.get(encoding);
  if (!t) {
    const bytes = Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i);
    const chars = [...new TextDecoder(encoding).decode(bytes)];
    t = {
      score: Float64Array.from(chars, naturalness),
      small: Uint8Array.from(chars, (c) => (/\p{Ll}/u.test(c) && c !== c.toUpperCase() ? 1 : 0)),
      capital: Uint8Array.from(chars, (c) => (/\p{Lu}/u.test(c) && c !== c.toLowerCase() ? 1 : 0)),
    };
    tables.set(encoding, t);
  }
  return t;
}

/** Bytes of KOI8-U that KOI8-R gives to box-drawing signs: і ї є ґ and their capitals. */
const KOI8_U_ONLY = new Set([0xa4, 0xa6, 0xa7, 0xad, 0xb4, 0xb6, 0xb7, 0xbd]);

export interface CyrillicEvidence {
  /** Bytes above 0x7F. */
  upper: number;
  /** Log-likelihood of the letters read as KOI8 minus read as Windows-1251. */
  koi8Gain: number;
  /** Small letters among the letters, in each reading. */
  smallShare: { cp1251: number; koi8: number };
}

export function cyrillicEvidence(b: Uint8Array): CyrillicEvidence {
  const cp = table('windows-1251');
  const koi = table('koi8-u');
  let upper = 0;
  let gain = 0;
  const small = { cp1251: 0, koi8: 0 };
  const letters = { cp1251: 0, koi8: 0 };
  for (let i = 0; i < b.length; i++) {
    const x = b[i]!;
    if (x < 0x80) continue;
    const k = x - 0x80;
    upper++;
    gain += koi.score[k]! - cp.score[k]!;
    small.cp1251 += cp.small[k]!;
    small.koi8 += koi.small[k]!;
    letters.cp1251 += cp.small[k]! + cp.capital[k]!;
    letters.koi8 += koi.small[k]! + koi.capital[k]!;
  }
  return {
    upper,
    koi8Gain: gain,
    smallShare: {
      cp1251: letters.cp1251 ? small.cp1251 / letters.cp1251 : 0,
      koi8: letters.koi8 ? small.koi8 / letters.koi8 : 0,
    },
  };
}

/** Fewest bytes above 0x7F for KOI8 to be told from Windows-1251. */
const MIN_UPPER = 12;
/** The log-likelihood KOI8 must gain per byte above 0x7F, with its small letters as evidence too. */
const MIN_GAIN = 0.25;
/** … and without them (text in capitals), over at least `LONG_UPPER` bytes. */
const MIN_GAIN_CAPITALS = 0.5;
const LONG_UPPER = 100;

/** Windows-1251, KOI8-U or KOI8-R; undefined when the bytes are not Cyrillic text in any. */
export function cyrillicEncoding(b: Uint8Array): TextEncoding | undefined {
  const cyrillic = new TextDecoder('windows-1251').decode(b);
  if (!/[\u0400-\u04FF]/.test(cyrillic)) return undefined;
  const e = cyrillicEvidence(b);
  const perByte = e.upper ? e.koi8Gain / e.upper : 0;
  const koi8 =
    e.upper >= MIN_UPPER &&
    perByte >= MIN_GAIN &&
    (e.smallShare.koi8 > e.smallShare.cp1251 ||
      (e.upper >= LONG_UPPER && perByte >= MIN_GAIN_CAPITALS));
  if (!koi8) return 'windows-1251';
  for (const x of b) if (KOI8_U_ONLY.has(x)) return 'koi8-u';
  return 'koi8-r';
}

/** The head of a text file as text: the bytes after the BOM, decoded, a cut last letter left off. */
export function headText(head: Uint8Array, encoding: TextEncoding): string {
  return new TextDecoder(decoderLabel(encoding))
    .decode(head, { stream: true })
    .replace(/^\uFEFF/, '');
}

export interface TextOptions {
  encoding?: string;
  delimiter?: string;
}

export interface SniffedText {
  encoding: TextEncoding;
  /** Set for CSV. */
  delimiter?: string;
  /** Whether each was given rather than detected. */
  given: { encoding: boolean; delimiter: boolean };
}

/**
 * The encoding and, for CSV, the delimiter of a text file: given ones checked and used,
 * the others detected from the sample. The one function for whole and streamed files.
 */
export function sniffText(
  file: string,
  sample: Sample,
  options: TextOptions,
  csv: boolean,
): SniffedText {
  const named = givenEncoding(file, options.encoding);
  const b = sample.head;
  const hasBom = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
  const encoding = named
    ? named === 'utf-8' && hasBom
      ? 'utf-8-bom'
      : named
    : detectEncoding(file, sample);
  const given = { encoding: named !== undefined, delimiter: options.delimiter !== undefined };
  if (!csv) return { encoding, given };
  const delimiter =
    givenDelimiter(file, options.delimiter) ??
    detectDelimiter(
      headText(sample.head, encoding),
      sample.head.length === sample.bytes.length && sample.complete,
    );
  return { encoding, delimiter, given };
}

/** The encoding option, checked. */
export function givenEncoding(file: string, name: string | undefined): TextEncoding | undefined {
  if (name === undefined) return undefined;
  const e = encodingNamed(name);
  if (!e)
    throw new InputError([
      {
        file,
        message: `"${name.slice(0, 40)}" is not an encoding Polon reads`,
        fix: `give one of ${ENCODING_NAMES.join(', ')}`,
      },
    ]);
  return e;
}
