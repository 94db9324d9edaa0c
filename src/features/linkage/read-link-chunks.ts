import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { startWorker } from '../../core/start-worker.js';
import type { RecordColumns } from '../../linkage/index.js';
import { RecordColumnsBuilder } from '../../linkage/index.js';
import type { PersonRecordInput } from './prepare-link-record.js';
import { createFieldPreparer } from './prepare-link-record.js';

/*
 * The threads' side of readLinkColumns (see there): parsing and preparing chunks of rows.
 * Apart from it, so that a thread loads the names engine and no more (the persons feature,
 * with its database code, took seconds to load in every thread).
 */

export interface LinkColumns {
  ids: string[];
  columns: RecordColumns;
  invalidDates: number;
  swappedNames: number;
}

export interface ReadJob {
  polonLinkRead: true;
  buffer: SharedArrayBuffer;
  /** Where each chunk of rows starts, and last where the file ends. */
  starts: number[];
  crlf: boolean;
  /** Column number of each cell a record is read from, -1 when the file lacks it. */
  cells: Record<keyof PersonRecordInput, number>;
  /** Int32: the next chunk to take, and 1 once a thread has given up. */
  next: SharedArrayBuffer;
  /** Float64, per thread: the bytes and the records it has read, for the progress. */
  progress: SharedArrayBuffer;
  thread: number;
}

export interface ChunkColumns extends LinkColumns {
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
export function readChunks(
  job: Omit<ReadJob, 'polonLinkRead'>,
  tick?: () => void,
): { chunks: ChunkColumns[]; seen: Set<string> } | undefined {
  const bytes = Buffer.from(job.buffer);
  const next = new Int32Array(job.next);
  const progress = new Float64Array(job.progress);
  const prepare = createFieldPreparer();
  const seen = new Set<string>();
  const {
    record_id: id,
    source,
    family_name: family,
    given_name: given,
    patronymic,
    full_name: full,
    birth_date: birth,
    sex,
    unit,
  } = job.cells;
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

export function readChunksInWorker(job: ReadJob): Promise<ChunkColumns[] | undefined> {
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

if (!isMainThread && (workerData as Partial<ReadJob> | null)?.polonLinkRead === true) {
  const chunks = readChunks(workerData as ReadJob)?.chunks;
  const transfer = (chunks ?? []).flatMap(({ columns: c }) =>
    [c.source, c.year, c.month, c.day, c.sex, c.unit, c.family, c.given, c.patronymic].flatMap(
      (a) => ('key' in a ? [a.key.buffer, a.equivalence.buffer] : [a.buffer]),
    ),
  );
  parentPort?.postMessage(chunks ?? null, transfer as ArrayBuffer[]);
}
