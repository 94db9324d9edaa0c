import { open } from 'node:fs/promises';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { startPhase, type OnProgress } from '../../core/progress.js';
import { startWorker } from '../../core/start-worker.js';
import type { RecordColumns } from '../../linkage/index.js';
import { RecordColumnsBuilder, mergeRecordColumns } from '../../linkage/index.js';
import { LINK_INPUT_COLUMNS } from '../persons/index.js';
import { createFieldPreparer } from './prepare-link-record.js';

/*
 * The fast way through a large, clean `polon link` input: the file is cut into parts at
 * row ends, each thread parses and prepares one part into typed columns (names interned,
 * no object per record), and the parts are joined in order. Handing back a few typed
 * arrays and the distinct texts costs little; handing back a million record objects cost
 * what the second thread saved.
 *
 * It takes only what it is sure of: plain CSV rows, every record with an id and a source,
 * no id twice. Anything else (quotes it cannot place, stray carriage returns, an empty or
 * repeated id, a header without the columns) and it gives up, so that the careful reader
 * (readLinkRecords) reads the file again and reports what is wrong as it always has.
 */

type Column = (typeof LINK_INPUT_COLUMNS)[number];
type ColumnIndex = Partial<Record<Column, number>>;

export interface LinkColumns {
  ids: string[];
  columns: RecordColumns;
  invalidDates: number;
  swappedNames: number;
}

interface ReadJob {
  polonLinkRead: true;
  buffer: SharedArrayBuffer;
  /** Where each chunk of rows starts, and last where the file ends. */
  starts: number[];
  crlf: boolean;
  index: ColumnIndex;
  /** Int32: the next chunk to take, and 1 once a thread has given up. */
  next: SharedArrayBuffer;
  /** Float64, per thread: the bytes and the records it has read, for the progress. */
  progress: SharedArrayBuffer;
  thread: number;
}

interface ChunkColumns extends LinkColumns {
  chunk: number;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Splits CSV text into rows of fields, as csv-parse does with `relax_column_count` and
 * `skip_empty_lines`, for text it can be sure of; false when it meets anything else
 * (a quote inside a field, a quoted field followed by more text, an unclosed quote, a
 * carriage return that does not end a CRLF row, a bare LF in a CRLF file).
 */
export function splitCsvRows(
  text: string,
  crlf: boolean,
  onRow: (fields: string[], at: number) => boolean,
): boolean {
  const n = text.length;
  if (!crlf && text.indexOf('\r') >= 0) return false;
  let pos = 0;
  let nextQuote = text.indexOf('"');
  while (pos < n) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = n;
    if (nextQuote < 0 || nextQuote >= end) {
      let lineEnd = end;
      if (crlf && end < n) {
        if (text.charCodeAt(end - 1) !== CR) return false;
        lineEnd = end - 1;
      }
      if (lineEnd > pos) {
        const line = text.slice(pos, lineEnd);
        if (crlf && line.indexOf('\r') >= 0) return false;
        if (!onRow(line.split(','), end)) return false;
      }
      pos = end + 1;
      continue;
    }
    // A row with quoted fields, which may hold commas and line breaks.
    const fields: string[] = [];
    let p = pos;
    for (;;) {
      if (text.charCodeAt(p) === QUOTE) {
        let value = '';
        let s = p + 1;
        for (;;) {
          const q = text.indexOf('"', s);
          if (q < 0) return false;
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(s, q + 1);
            s = q + 2;
            continue;
          }
          value += text.slice(s, q);
          p = q + 1;
          break;
        }
        fields.push(value);
        if (p >= n) {
          pos = n;
          break;
        }
        const ch = text.charCodeAt(p);
        if (ch === 44) {
          p++;
          continue;
        }
        if (!crlf && ch === LF) {
          pos = p + 1;
          break;
        }
        if (crlf && ch === CR && text.charCodeAt(p + 1) === LF) {
          pos = p + 2;
          break;
        }
        return false;
      }
      let fieldEnd = text.indexOf(',', p);
      let eol = text.indexOf('\n', p);
      if (eol < 0) eol = n;
      const last = fieldEnd < 0 || fieldEnd > eol;
      if (last) fieldEnd = crlf && eol < n ? eol - 1 : eol;
      if (crlf && last && eol < n && text.charCodeAt(fieldEnd) !== CR) return false;
      const value = text.slice(p, fieldEnd);
      if (value.indexOf('"') >= 0 || (crlf && value.indexOf('\r') >= 0)) return false;
      fields.push(value);
      if (!last) {
        p = fieldEnd + 1;
        continue;
      }
      pos = eol + 1;
      break;
    }
    if (!onRow(fields, pos)) return false;
    nextQuote = text.indexOf('"', pos);
  }
  return true;
}

/**
 * Takes chunks of the file in turn with the other threads (so that one started late or
 * slowed down by other work does not hold the rest up), parsing and preparing each into
 * columns of its own. Undefined when the careful reader must read the file.
 */
function readChunks(
  job: Omit<ReadJob, 'polonLinkRead'>,
  tick?: () => void,
): { chunks: ChunkColumns[]; seen: Set<string> } | undefined {
  const bytes = Buffer.from(job.buffer);
  const next = new Int32Array(job.next);
  const progress = new Float64Array(job.progress);
  const prepare = createFieldPreparer();
  const seen = new Set<string>();
  const at = (k: number | undefined): number => (k === undefined ? -1 : k);
  const [id, source, family, given, patronymic, full, birth, sex, unit] = LINK_INPUT_COLUMNS.map(
    (c) => at(job.index[c]),
  ) as [number, number, number, number, number, number, number, number, number];
  let raw: string[] = [];
  const cell = (k: number): string => (k < 0 ? '' : (raw[k] ?? ''));
  const chunks: ChunkColumns[] = [];
  let bytesBefore = 0;
  let recordsBefore = 0;
  for (;;) {
    const chunk = Atomics.add(next, 0, 1);
    if (chunk >= job.starts.length - 1) break;
    if (Atomics.load(next, 1) === 1) return undefined;
    const start = job.starts[chunk] as number;
    const size = (job.starts[chunk + 1] as number) - start;
    const text = bytes.toString('utf8', start, start + size);
    const builder = new RecordColumnsBuilder();
    const ids: string[] = [];
    let invalidDates = 0;
    let swappedNames = 0;
    const ok = splitCsvRows(text, job.crlf, (fields, end) => {
      raw = fields;
      const recordId = cell(id).trim();
      const sourceName = cell(source).trim();
      if (recordId === '' || sourceName === '' || seen.has(recordId)) return false;
      seen.add(recordId);
      ids.push(recordId);
      const p = prepare({
        source: sourceName,
        family_name: cell(family),
        given_name: cell(given),
        patronymic: cell(patronymic),
        full_name: cell(full),
        birth_date: cell(birth),
        sex: cell(sex),
        unit: cell(unit),
      });
      if (p.invalidDate) invalidDates++;
      if (p.swappedNames) swappedNames++;
      builder.add(sourceName, p);
      if ((ids.length & 1023) === 0) {
        progress[2 * job.thread] = bytesBefore + (end / text.length) * size;
        progress[2 * job.thread + 1] = recordsBefore + ids.length;
        tick?.();
      }
      return true;
    });
    if (!ok) {
      Atomics.store(next, 1, 1);
      return undefined;
    }
    bytesBefore += size;
    recordsBefore += ids.length;
    progress[2 * job.thread] = bytesBefore;
    progress[2 * job.thread + 1] = recordsBefore;
    chunks.push({ chunk, ids, columns: builder.finish(), invalidDates, swappedNames });
  }
  return { chunks, seen };
}

function readChunksInWorker(job: ReadJob): Promise<ChunkColumns[] | undefined> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(import.meta.url, job);
    worker.once('message', (m: ChunkColumns[] | null) => {
      resolve(m ?? undefined);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`reading thread stopped with exit code ${code}`));
    });
  });
}

/** Where each chunk starts: at a row end after its share of the bytes, outside quotes. */
function partStarts(bytes: Buffer, from: number, parts: number): number[] {
  const starts = [from];
  let quotes = 0;
  let counted = from;
  const quotesBefore = (pos: number): number => {
    for (let q = bytes.indexOf(QUOTE, counted); q >= 0 && q < pos; q = bytes.indexOf(QUOTE, q + 1))
      quotes++;
    counted = pos;
    return quotes;
  };
  for (let t = 1; t < parts; t++) {
    let nl = bytes.indexOf(
      LF,
      Math.max(from + Math.floor(((bytes.length - from) * t) / parts), counted),
    );
    while (nl >= 0 && quotesBefore(nl) % 2 === 1) nl = bytes.indexOf(LF, nl + 1);
    starts.push(nl < 0 ? bytes.length : nl + 1);
  }
  return starts;
}

/**
 * Reads a `polon link` input in `threads` parts at once. Undefined when the file is not
 * plain enough for it (see above): then readLinkRecords must read it.
 */
export async function readLinkColumns(
  inputPath: string,
  options: { threads: number; onProgress?: OnProgress | undefined },
): Promise<LinkColumns | undefined> {
  const file = await open(inputPath, 'r');
  let shared: SharedArrayBuffer;
  try {
    const size = (await file.stat()).size;
    shared = new SharedArrayBuffer(size);
    const view = Buffer.from(shared);
    for (let at = 0; at < size;) {
      const { bytesRead } = await file.read(view, at, size - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
  } finally {
    await file.close();
  }
  const bytes = Buffer.from(shared);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const headerEnd = bytes.indexOf(LF, bom);
  if (headerEnd < 0) return undefined;
  const crlf = bytes[headerEnd - 1] === CR;
  const headerLine = bytes.toString('utf8', bom, crlf ? headerEnd - 1 : headerEnd);
  if (headerLine.includes('"') || headerLine.includes('\r') || headerLine === '') return undefined;
  const headers = headerLine.split(',').map((h) => h.trim().toLowerCase());
  const index: ColumnIndex = {};
  for (const col of LINK_INPUT_COLUMNS) {
    const k = headers.indexOf(col);
    if (k >= 0) index[col] = k;
  }
  if (index.record_id === undefined || index.source === undefined) return undefined;

  const reading = startPhase(options.onProgress, 'reading', 'bytes', bytes.length);
  const threads = Math.max(1, options.threads);
  const starts = partStarts(bytes, headerEnd + 1, threads * CHUNKS_PER_THREAD);
  starts.push(bytes.length);
  const job = {
    buffer: shared,
    starts,
    crlf,
    index,
    next: new SharedArrayBuffer(8),
    progress: new SharedArrayBuffer(16 * threads),
  };
  const shares = new Float64Array(job.progress);
  const tick = (): void => {
    let done = headerEnd + 1;
    let records = 0;
    for (let t = 0; t < threads; t++) {
      done += shares[2 * t] as number;
      records += shares[2 * t + 1] as number;
    }
    reading.tick(Math.min(bytes.length - 1, Math.floor(done)), { records });
  };
  const workers = Array.from({ length: threads - 1 }, (_, k) =>
    readChunksInWorker({ polonLinkRead: true, ...job, thread: k + 1 }),
  );
  // Unhandled while this thread reads its own chunks, a failed worker would end the process.
  for (const w of workers) w.catch(() => undefined);
  const mine = readChunks({ ...job, thread: 0 }, tick);
  tick();
  const ticking = setInterval(tick, 100);
  let theirs: (ChunkColumns[] | undefined)[];
  try {
    theirs = await Promise.all(workers);
  } finally {
    clearInterval(ticking);
  }
  if (!mine || theirs.some((t) => t === undefined)) return undefined;
  // Each thread saw each of its ids once; one seen by two threads is an id twice.
  const seen = mine.seen;
  for (const [t, chunks] of theirs.entries()) {
    for (const chunk of chunks as ChunkColumns[]) {
      for (const recordId of chunk.ids) if (seen.has(recordId)) return undefined;
      if (t < theirs.length - 1) for (const recordId of chunk.ids) seen.add(recordId);
    }
  }
  const chunks = [...mine.chunks, ...theirs.flatMap((t) => t ?? [])].sort(
    (x, y) => x.chunk - y.chunk,
  );
  const records = chunks.reduce((s, p) => s + p.ids.length, 0);
  reading.end(bytes.length, { records });
  return {
    ids: chunks.flatMap((p) => p.ids),
    columns: mergeRecordColumns(chunks.map((p) => p.columns)),
    invalidDates: chunks.reduce((s, p) => s + p.invalidDates, 0),
    swappedNames: chunks.reduce((s, p) => s + p.swappedNames, 0),
  };
}

/** Chunks a thread takes on average: enough that the threads finish close together. */
const CHUNKS_PER_THREAD = 8;

if (!isMainThread && (workerData as Partial<ReadJob> | null)?.polonLinkRead === true) {
  const chunks = readChunks(workerData as ReadJob)?.chunks;
  const transfer = (chunks ?? []).flatMap(({ columns: c }) =>
    [c.source, c.year, c.month, c.day, c.sex, c.unit, c.family, c.given, c.patronymic].flatMap(
      (a) => ('key' in a ? [a.key.buffer, a.equivalence.buffer] : [a.buffer]),
    ),
  );
  parentPort?.postMessage(chunks ?? null, transfer as ArrayBuffer[]);
}
