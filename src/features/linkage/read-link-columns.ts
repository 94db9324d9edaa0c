import { open } from 'node:fs/promises';
import { startPhase, type OnProgress } from '../../core/progress.js';
import { mergeRecordColumns } from '../../linkage/index.js';
import { LINK_INPUT_COLUMNS } from '../persons/index.js';
import type { ChunkColumns, LinkColumns, ReadJob } from './read-link-chunks.js';
import { readChunks, readChunksInWorker } from './read-link-chunks.js';

export type { LinkColumns };

/*
 * The fast way through a large, clean `polon link` input: the file is cut into chunks at
 * row ends, the threads take them in turn and parse and prepare each into typed columns
 * (names interned, no object per record), and the chunks are joined in order. Handing back a few typed
 * arrays and the distinct texts costs little; handing back a million record objects cost
 * what the second thread saved.
 *
 * It takes only what it is sure of: plain CSV rows, every record with an id and a source,
 * no id twice. Anything else (quotes it cannot place, stray carriage returns, an empty or
 * repeated id, a header without the columns) and it gives up, so that the careful reader
 * (readLinkRecords) reads the file again and reports what is wrong as it always has.
 */

const QUOTE = 34;
const LF = 10;
const CR = 13;

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
  const cells = Object.fromEntries(
    LINK_INPUT_COLUMNS.map((c) => [c, headers.indexOf(c)]),
  ) as ReadJob['cells'];
  if (cells.record_id === -1 || cells.source === -1) return undefined;

  const reading = startPhase(options.onProgress, 'reading', 'bytes', bytes.length);
  const threads = Math.max(1, options.threads);
  const starts = partStarts(bytes, headerEnd + 1, threads * CHUNKS_PER_THREAD);
  starts.push(bytes.length);
  const job = {
    buffer: shared,
    starts,
    crlf,
    cells,
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
