import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { CsvError, parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import { InputError } from '../../core/app-error.js';
import type { InputProblem } from '../../core/app-error.js';
import { startPhase, type OnProgress } from '../../core/progress.js';
import type {
  LinkParameters,
  LinkRecord,
  LinkStats,
  ReviewDecision,
  ReviewPair,
} from '../../linkage/index.js';
import { LINK_INPUT_COLUMNS } from '../persons/index.js';
import { linkInWorkers } from './link-in-workers.js';
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
  const { records, invalidDates, swappedNames } = await readLinkRecords(inputPath, options);
  const readDone = performance.now();
  const linked = await linkPrepared(records, options);
  const linkDone = performance.now();

  const writing = startPhase(options.onProgress, 'writing', 'records', records.length);
  const width = String(linked.clusters).length;
  const file = await open(outputPath, 'w');
  try {
    await file.write('record_id,cluster_id\n');
    const CHUNK = 50_000;
    for (let s = 0; s < records.length; s += CHUNK) {
      const rows: string[][] = [];
      for (let i = s; i < Math.min(records.length, s + CHUNK); i++) {
        const c = (linked.clusterOf[i] as number) + 1;
        rows.push([(records[i] as LinkRecord).id, `P${String(c).padStart(width, '0')}`]);
      }
      await file.write(stringify(rows));
      writing.tick(s + rows.length);
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
  const threshold = options.threshold ?? 0.3;
  validateThreshold(threshold, 'threshold');
  const result = await linkInWorkers(records, {
    threshold,
    reviewFrom: options.reviewFrom,
    decisions: options.decisions,
    workers: options.workers,
    maxReview: options.maxReview,
    onProgress: options.onProgress,
  });
  const sizes = new Int32Array(result.clusterCount);
  for (let i = 0; i < records.length; i++) {
    const c = result.clusterOf[i] as number;
    sizes[c] = (sizes[c] as number) + 1;
  }
  const bySource = new Map<string, number>();
  for (const r of records) bySource.set(r.source, (bySource.get(r.source) ?? 0) + 1);
  let linkedClusters = 0;
  for (const s of sizes) if (s > 1) linkedClusters++;
  return {
    records: records.length,
    clusters: result.clusterCount,
    clusterOf: result.clusterOf,
    linkedClusters,
    threshold,
    sources: [...bySource].map(([source, n]) => ({ source, records: n })),
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
  // Preparing on worker threads was tried: cloning a million prepared records back cost
  // about what the second core saved, so records are prepared here as they are read.
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
