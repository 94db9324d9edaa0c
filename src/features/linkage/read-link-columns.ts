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

interface PartJob {
  polonLinkReadPart: true;
  buffer: SharedArrayBuffer;
  start: number;
  end: number;
  crlf: boolean;
  index: ColumnIndex;
  /** Per part, the share of its text read and the records read: the reading progress. */
  progress: SharedArrayBuffer;
  part: number;
}

type PartResult = LinkColumns | undefined;

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

/** Parses and prepares one part of the file; undefined when the careful reader must do it. */
function readPart(job: Omit<PartJob, 'polonLinkReadPart'>, tick?: () => void): PartResult {
  const text = Buffer.from(job.buffer).toString('utf8', job.start, job.end);
  const progress = new Float64Array(job.progress);
  const prepare = createFieldPreparer();
  const builder = new RecordColumnsBuilder();
  const ids: string[] = [];
  const seen = new Set<string>();
  let invalidDates = 0;
  let swappedNames = 0;
  const at = (k: number | undefined): number => (k === undefined ? -1 : k);
  const [id, source, family, given, patronymic, full, birth, sex, unit] = LINK_INPUT_COLUMNS.map(
    (c) => at(job.index[c]),
  ) as [number, number, number, number, number, number, number, number, number];
  let raw: string[] = [];
  const cell = (k: number): string => (k < 0 ? '' : (raw[k] ?? ''));
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
      progress[2 * job.part] = end / text.length;
      progress[2 * job.part + 1] = ids.length;
      tick?.();
    }
    return true;
  });
  progress[2 * job.part] = 1;
  progress[2 * job.part + 1] = ids.length;
  if (!ok) return undefined;
  return { ids, columns: builder.finish(), invalidDates, swappedNames };
}

function readPartInWorker(job: PartJob): Promise<PartResult> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(import.meta.url, job);
    worker.once('message', (m: PartResult | null) => {
      resolve(m ?? undefined);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`reading thread stopped with exit code ${code}`));
    });
  });
}

/** Where each part starts: at a row end after its share of the bytes, outside quotes. */
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
  const parts = Math.max(1, options.threads);
  const starts = partStarts(bytes, headerEnd + 1, parts);
  const progress = new SharedArrayBuffer(16 * parts);
  const shares = new Float64Array(progress);
  const jobs = starts.map((start, part) => ({
    buffer: shared,
    start,
    end: starts[part + 1] ?? bytes.length,
    crlf,
    index,
    progress,
    part,
  }));
  // Each part says how far through its text it is; that share of its bytes is read.
  const bytesDone = (): number => {
    let done = headerEnd + 1;
    jobs.forEach((j, k) => (done += (shares[2 * k] as number) * (j.end - j.start)));
    return Math.min(bytes.length - 1, Math.floor(done));
  };
  const recordsDone = (): number => {
    let n = 0;
    for (let k = 0; k < parts; k++) n += shares[2 * k + 1] as number;
    return n;
  };
  const tick = (): void => reading.tick(bytesDone(), { records: recordsDone() });
  const workers = jobs.slice(1).map((job) => readPartInWorker({ polonLinkReadPart: true, ...job }));
  // Unhandled while this thread reads its own part, a failed worker would end the process.
  for (const w of workers) w.catch(() => undefined);
  const first = readPart(jobs[0] as (typeof jobs)[number], tick);
  tick();
  const ticking = setInterval(tick, 100);
  let rest: PartResult[];
  try {
    rest = await Promise.all(workers);
  } finally {
    clearInterval(ticking);
  }
  const all = [first, ...rest];
  if (all.some((p) => p === undefined)) return undefined;
  const done = all as LinkColumns[];
  const seen = new Set<string>((done[0] as LinkColumns).ids);
  for (const p of done.slice(1)) {
    for (const id of p.ids) if (seen.has(id)) return undefined;
    if (p !== done[done.length - 1]) for (const id of p.ids) seen.add(id);
  }
  const records = done.reduce((s, p) => s + p.ids.length, 0);
  reading.end(bytes.length, { records });
  return {
    ids: done.length === 1 ? (done[0] as LinkColumns).ids : done.flatMap((p) => p.ids),
    columns: mergeRecordColumns(done.map((p) => p.columns)),
    invalidDates: done.reduce((s, p) => s + p.invalidDates, 0),
    swappedNames: done.reduce((s, p) => s + p.swappedNames, 0),
  };
}

if (!isMainThread && (workerData as Partial<PartJob> | null)?.polonLinkReadPart === true) {
  const result = readPart(workerData as PartJob);
  const c = result?.columns;
  const transfer = c
    ? [c.source, c.year, c.month, c.day, c.sex, c.unit, c.family, c.given, c.patronymic].flatMap(
        (a) => ('key' in a ? [a.key.buffer, a.equivalence.buffer] : [a.buffer]),
      )
    : [];
  parentPort?.postMessage(result ?? null, transfer as ArrayBuffer[]);
}
