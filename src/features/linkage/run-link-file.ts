import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { CsvError, parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import { InputError } from '../../core/app-error.js';
import type { InputProblem } from '../../core/app-error.js';
import { startPhase, type OnProgress } from '../../core/progress.js';
import { availableParallelism } from 'node:os';
import type {
  CompiledRecords,
  LinkParameters,
  LinkRecord,
  LinkStats,
  RecordColumns,
  ReviewDecision,
  ReviewPair,
} from '../../linkage/index.js';
import { compileColumns, compileRecords } from '../../linkage/index.js';
import { LINK_INPUT_COLUMNS } from '../persons/index.js';
import { linkCompiledInWorkers } from './link-in-workers.js';
import { runPriorities } from './review-priority.js';
import { readLinkColumns } from './read-link-columns.js';
import type { PersonRecordInput } from './prepare-link-record.js';
import { createRecordPreparer } from './prepare-link-record.js';

export { LINK_INPUT_COLUMNS };
const REQUIRED = ['record_id', 'source'] as const;

export interface LinkFileOptions {
  /** Match probability at or above which records are linked (0–1). Default 0.3. */
  threshold?: number;
  /** Lower end of the review band. Default 0.1. */
  reviewFrom?: number;
  /** Reviewers' decisions from an earlier run, honoured as forced links and splits. */
  decisions?: readonly ReviewDecision[];
  /** Threads; default the machine's cores. */
  workers?: number;
  /** How many review pairs to keep in the result. Default 10,000. */
  maxReview?: number;
  /** Also work out each review pair's priority (`reviewPriorities`), for `--review-out`. */
  priorities?: boolean;
  /**
   * Told how far the run has got: "reading" (bytes of the input, with the records read),
   * the engine's phases (see `linkRecords`), "writing" (records).
   */
  onProgress?: OnProgress;
}

export interface LinkFileResult {
  input: string;
  output: string;
  records: number;
  clusters: number;
  /** Clusters holding more than one record. */
  linkedClusters: number;
  threshold: number;
  sources: { source: string; records: number }[];
  invalidDates: number;
  swappedNames: number;
  review: ReviewPair[];
  /**
   * Each review pair's place in the queue (review-priority.ts): how unsure it is times how
   * much deciding it moves the estimate.
   */
  reviewPriorities?: number[];
  reviewTotal: number;
  parameters: LinkParameters;
  stats: LinkStats;
  timingsMs: { read: number; link: number; write: number; total: number };
}

function validateThreshold(value: number, name: string): void {
  if (!(value > 0 && value < 1)) {
    throw new InputError([
      {
        file: '(options)',
        column: name,
        value: String(value),
        message: `${name} must be a probability strictly between 0 and 1`,
        fix: `pass e.g. --${name} 0.9`,
      },
    ]);
  }
}

/**
 * `polon link`: reads person records from a CSV file, links them into persons and writes
 * `record_id,cluster_id`, one row per input record in input order. Streams the input, so a
 * million rows cost the prepared records, not the text.
 */
export async function runLinkFile(
  inputPath: string,
  outputPath: string,
  options: LinkFileOptions = {},
): Promise<LinkFileResult> {
  validateThreshold(options.threshold ?? 0.3, 'threshold');
  const started = performance.now();
  const threads = linkThreads(options);
  const size = await stat(inputPath).then(
    (s) => s.size,
    () => 0,
  );
  const columns =
    threads > 1 && size >= MIN_PARALLEL_READ_BYTES
      ? await readLinkColumns(inputPath, { threads, onProgress: options.onProgress })
      : undefined;
  let ids: readonly string[];
  let invalidDates: number;
  let swappedNames: number;
  let link: () => Promise<LinkedRecords>;
  if (columns) {
    ({ ids, invalidDates, swappedNames } = columns);
    link = () => linkColumns(columns.columns, columns.ids, options);
  } else {
    const read = await readLinkRecords(inputPath, options);
    ({ invalidDates, swappedNames } = read);
    ids = read.records.map((r) => r.id);
    link = () => linkPrepared(read.records, options);
  }
  const readDone = performance.now();
  const linked = await link();
  const linkDone = performance.now();

  const writing = startPhase(options.onProgress, 'writing', 'records', ids.length);
  const width = String(linked.clusters).length;
  const file = await open(outputPath, 'w');
  try {
    await file.write('record_id,cluster_id\n');
    const CHUNK = 50_000;
    for (let s = 0; s < ids.length; s += CHUNK) {
      let text = '';
      const end = Math.min(ids.length, s + CHUNK);
      for (let i = s; i < end; i++) {
        const c = (linked.clusterOf[i] as number) + 1;
        const id = ids[i] as string;
        const cluster = `P${String(c).padStart(width, '0')}`;
        // Most ids need no quoting; the others are written as csv-stringify writes them.
        text += PLAIN_CELL.test(id) ? `${id},${cluster}\n` : stringify([[id, cluster]]);
      }
      await file.write(text);
      writing.tick(end);
    }
  } finally {
    await file.close();
  }
  writing.end();
  const writeDone = performance.now();

  return {
    records: linked.records,
    clusters: linked.clusters,
    linkedClusters: linked.linkedClusters,
    threshold: linked.threshold,
    sources: linked.sources,
    review: linked.review,
    reviewPriorities: linked.reviewPriorities,
    reviewTotal: linked.reviewTotal,
    parameters: linked.parameters,
    stats: linked.stats,
    input: inputPath,
    output: outputPath,
    invalidDates,
    swappedNames,
    timingsMs: {
      read: Math.round(readDone - started),
      link: Math.round(linkDone - readDone),
      write: Math.round(writeDone - linkDone),
      total: Math.round(writeDone - started),
    },
  };
}

/** A cell csv-stringify writes as it is. */
const PLAIN_CELL = /^[^",\r\n]+$/;

/**
 * Below this size a file is read in one thread: starting another costs more than it saves
 * (and the careful reader is the one that reports a bad file).
 */
const MIN_PARALLEL_READ_BYTES = 4_000_000;

function linkThreads(options: Pick<LinkFileOptions, 'workers'>): number {
  return Math.max(1, Math.min(4, options.workers ?? availableParallelism()));
}

export type LinkedRecords = Omit<
  LinkFileResult,
  'input' | 'output' | 'invalidDates' | 'swappedNames' | 'timingsMs'
> & {
  /** The cluster (0-based) of each record, in the order given. */
  clusterOf: ArrayLike<number>;
};

/**
 * Links prepared records in memory (threads get them by message, never through a file), so
 * that the names of a database linked with `polon link` never reach the disk unencrypted.
 */
export async function linkPrepared(
  records: readonly LinkRecord[],
  options: LinkFileOptions = {},
): Promise<LinkedRecords> {
  validateThreshold(options.threshold ?? 0.3, 'threshold');
  const indexing = startPhase(options.onProgress, 'indexing names', 'records', records.length);
  const compiled = compileRecords(records);
  const ids = records.map((r) => r.id);
  indexing.end();
  return linkCompiledRecords(compiled, ids, options);
}

/** Links records read as columns (see readLinkColumns). */
async function linkColumns(
  columns: RecordColumns,
  ids: readonly string[],
  options: LinkFileOptions,
): Promise<LinkedRecords> {
  const indexing = startPhase(options.onProgress, 'indexing names', 'records', ids.length);
  const compiled = compileColumns(columns);
  indexing.end();
  return linkCompiledRecords(compiled, ids, options);
}

async function linkCompiledRecords(
  compiled: CompiledRecords,
  ids: readonly string[],
  options: LinkFileOptions,
): Promise<LinkedRecords> {
  const threshold = options.threshold ?? 0.3;
  validateThreshold(threshold, 'threshold');
  const result = await linkCompiledInWorkers(compiled, ids, {
    threshold,
    reviewFrom: options.reviewFrom,
    decisions: options.decisions,
    workers: options.workers,
    maxReview: options.maxReview,
    onProgress: options.onProgress,
  });
  const sizes = new Int32Array(result.clusterCount);
  for (let i = 0; i < compiled.size; i++) {
    const c = result.clusterOf[i] as number;
    sizes[c] = (sizes[c] as number) + 1;
  }
  // Source ids are numbered in order of first appearance, as the summary lists them.
  const perSource = new Array<number>(compiled.sourceNames.length).fill(0);
  for (let i = 0; i < compiled.size; i++) {
    const s = compiled.source[i] as number;
    perSource[s] = (perSource[s] as number) + 1;
  }
  let linkedClusters = 0;
  for (const s of sizes) if (s > 1) linkedClusters++;
  const reviewPriorities = options.priorities
    ? runPriorities(
        result.review,
        ids.map((id, i) => ({
          id,
          source: compiled.sourceNames[compiled.source[i] as number] as string,
        })),
        result.clusterOf,
      )
    : undefined;
  return {
    reviewPriorities,
    records: compiled.size,
    clusters: result.clusterCount,
    clusterOf: result.clusterOf,
    linkedClusters,
    threshold,
    sources: compiled.sourceNames.map((source, k) => ({ source, records: perSource[k] as number })),
    review: result.review,
    reviewTotal: result.reviewTotal,
    parameters: result.parameters,
    stats: result.stats,
  };
}

/** Reads and prepares the records of a `polon link` input file, checking it as it goes. */
export async function readLinkRecords(
  inputPath: string,
  options: Pick<LinkFileOptions, 'onProgress'> = {},
): Promise<{ records: LinkRecord[]; invalidDates: number; swappedNames: number }> {
  // The careful reader, in one thread: `polon link` reads a large file with
  // readLinkColumns (all threads, typed columns, no record objects) and comes here for
  // small files and for any file that one refuses, so that every problem is reported here.
  // Sending prepared records back from threads was tried: cloning a million objects cost
  // what the second core saved.
  const prepare = createRecordPreparer();
  const records: LinkRecord[] = [];
  let invalidDates = 0;
  let swappedNames = 0;
  const take = (row: PersonRecordInput): void => {
    const p = prepare(row);
    if (p.invalidDate) invalidDates++;
    if (p.swappedNames) swappedNames++;
    records.push(p.record);
  };
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  let index: Partial<Record<(typeof LINK_INPUT_COLUMNS)[number], number>> | undefined;
  let line = 1;
  const input = createReadStream(inputPath);
  let bytes = 0;
  const reading = options.onProgress
    ? startPhase(
        options.onProgress,
        'reading',
        'bytes',
        await stat(inputPath).then(
          (s) => s.size,
          () => undefined,
        ),
      )
    : undefined;
  if (reading) input.on('data', (chunk) => (bytes += chunk.length));
  const parser = input.pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, trim: false }),
  );
  try {
    for await (const raw of parser as AsyncIterable<string[]>) {
      if (!index) {
        const headers = raw.map((h) => h.trim().toLowerCase());
        index = {};
        for (const col of LINK_INPUT_COLUMNS) {
          const k = headers.indexOf(col);
          if (k >= 0) index[col] = k;
        }
        const missing = REQUIRED.filter((c) => index?.[c] === undefined);
        if (missing.length > 0) {
          throw new InputError([
            {
              file: inputPath,
              row: 1,
              message: `the header lacks ${missing.map((c) => `"${c}"`).join(' and ')}`,
              fix: `the first row must name the columns: ${LINK_INPUT_COLUMNS.join(',')}`,
            },
          ]);
        }
        continue;
      }
      line++;
      const cell = (c: (typeof LINK_INPUT_COLUMNS)[number]): string => {
        const k = index?.[c];
        return k === undefined ? '' : (raw[k] ?? '');
      };
      const row: PersonRecordInput = {
        record_id: cell('record_id').trim(),
        source: cell('source').trim(),
        family_name: cell('family_name'),
        given_name: cell('given_name'),
        patronymic: cell('patronymic'),
        full_name: cell('full_name'),
        birth_date: cell('birth_date'),
        sex: cell('sex'),
        unit: cell('unit'),
      };
      for (const c of REQUIRED) {
        if (row[c] === '' && problems.length < 100) {
          problems.push({
            file: inputPath,
            row: line,
            column: c,
            message: `${c} is empty`,
            fix: 'every record needs an id and the name of its source',
          });
        }
      }
      if (row.record_id !== '') {
        if (seen.has(row.record_id)) {
          if (problems.length < 100) {
            problems.push({
              file: inputPath,
              row: line,
              column: 'record_id',
              value: row.record_id,
              message: 'this record_id appears on an earlier row too',
              fix: 'give every record its own id',
            });
          }
        } else seen.add(row.record_id);
      }
      take(row);
      if (reading && (line & 1023) === 0) reading.tick(bytes, { records: records.length });
    }
  } catch (err) {
    if (err instanceof CsvError) {
      throw new InputError([
        {
          file: inputPath,
          row: (err as CsvError & { lines?: number }).lines,
          message: `the file is not valid CSV: ${err.message}`,
          fix: 'save it as CSV (UTF-8) with a header row and quoted cells where they hold commas',
        },
      ]);
    }
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new InputError([
        { file: inputPath, message: 'the file does not exist', fix: 'check the path of --input' },
      ]);
    }
    throw err;
  }
  if (!index) {
    throw new InputError([
      {
        file: inputPath,
        message: 'the file is empty',
        fix: `write a header row: ${LINK_INPUT_COLUMNS.join(',')}`,
      },
    ]);
  }
  reading?.end(bytes, { records: records.length });
  if (problems.length > 0) throw new InputError(problems);
  return { records, invalidDates, swappedNames };
}
