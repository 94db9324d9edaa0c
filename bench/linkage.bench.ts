/**
 * Record linkage at scale: `polon link` from CSV to CSV on seeded synthetic person records
 * (1,000,000 by default; POLON_BENCH_LINKAGE_RECORDS for quick runs), against an exact-key
 * hash grouping of the same records (normalised family name + given name + birth date) in
 * the same run. ratio = baseline time / linkage time (higher is better; always well below 1,
 * since linkage does far more). Target (issue 18): ≤ 30 s, ≤ 4 GiB and pairwise F1 ≥ 0.95
 * on 1M records.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { stringify } from 'csv-stringify/sync';
import { evaluateLinkage } from '../src/linkage/index.js';
import { readLinkRecords, runLinkFile } from '../src/features/linkage/index.js';
import {
  PERSON_RECORD_COLUMNS,
  generatePersonRecords,
} from '../src/features/synth/synth-person-records.js';
import { normalise } from '../src/names/index.js';
import { peakRssMiB } from './bench-result.js';
import type { Benchmark, BenchResult } from './bench-result.js';

const RECORDS = Number(process.env.POLON_BENCH_LINKAGE_RECORDS ?? 1_000_000);
const SEED = 20250524;

async function writeSynthetic(path: string): Promise<Int32Array> {
  const truth = new Int32Array(RECORDS);
  const out = createWriteStream(path);
  out.write(`${PERSON_RECORD_COLUMNS.join(',')}\n`);
  let batch: string[][] = [];
  let i = 0;
  for (const r of generatePersonRecords({ records: RECORDS, seed: SEED })) {
    truth[i++] = r.personId;
    batch.push(PERSON_RECORD_COLUMNS.map((c) => r.row[c]));
    if (batch.length === 20_000) {
      if (!out.write(stringify(batch))) await once(out, 'drain');
      batch = [];
    }
  }
  out.write(stringify(batch));
  out.end();
  await once(out, 'finish');
  return truth;
}

/** The baseline: read the same file and group records by an exact normalised key. */
async function exactKeyGrouping(path: string): Promise<number> {
  const { parse } = await import('csv-parse');
  const { createReadStream } = await import('node:fs');
  const groups = new Map<string, number>();
  let header = true;
  for await (const row of createReadStream(path).pipe(parse()) as AsyncIterable<string[]>) {
    if (header) {
      header = false;
      continue;
    }
    const key = `${normalise(row[2] ?? '')}|${normalise(row[3] ?? '')}|${row[6] ?? ''}`;
    if (!groups.has(key)) groups.set(key, groups.size);
  }
  return groups.size;
}

const benchmark: Benchmark = {
  name: 'linkage',
  description: `polon link on ${RECORDS.toLocaleString('en')} synthetic person records, CSV to CSV`,
  async run(): Promise<BenchResult> {
    const dir = await mkdtemp(join(tmpdir(), 'polon-linkage-bench-'));
    try {
      const input = join(dir, 'records.csv');
      const output = join(dir, 'clusters.csv');
      const genStart = performance.now();
      const truth = await writeSynthetic(input);
      const genS = (performance.now() - genStart) / 1000;

      const baseStart = performance.now();
      const baselineGroups = await exactKeyGrouping(input);
      const baselineS = (performance.now() - baseStart) / 1000;

      const linkStart = performance.now();
      const result = await runLinkFile(input, output);
      const linkS = (performance.now() - linkStart) / 1000;
      const peak = peakRssMiB();

      // Quality on the same run, from the output file's clusters.
      const { readFile } = await import('node:fs/promises');
      const lines = (await readFile(output, 'utf8')).split('\n').slice(1);
      const clusterIndex = new Map<string, number>();
      const predicted = new Int32Array(RECORDS);
      lines.forEach((line, i) => {
        if (i >= RECORDS) return;
        const c = line.slice(line.lastIndexOf(',') + 1);
        let k = clusterIndex.get(c);
        if (k === undefined) {
          k = clusterIndex.size;
          clusterIndex.set(c, k);
        }
        predicted[i] = k;
      });
      const { records } = await readLinkRecords(input);
      const quality = evaluateLinkage(
        predicted,
        truth,
        records.map((r) => r.source),
      ).overall;

      return {
        name: 'linkage',
        figureLabel: `s for polon link on ${RECORDS.toLocaleString('en')} records`,
        figure: linkS,
        baselineLabel: 's for exact-key hash grouping of the same CSV',
        baseline: baselineS,
        ratio: baselineS / linkS,
        target: '≤ 30 s, ≤ 4 GiB and pairwise F1 ≥ 0.95 on 1M records',
        met: linkS <= 30 * (RECORDS / 1_000_000) + 1 && peak <= 4096 && quality.f1 >= 0.95,
        extra: {
          'ratio meaning': 'baseline time / linkage time (higher is better)',
          'records/s': Math.round(RECORDS / linkS),
          'peak RSS MiB': peak,
          'read+prepare s': result.timingsMs.read / 1000,
          'link s': result.timingsMs.link / 1000,
          'write s': result.timingsMs.write / 1000,
          'candidate pairs': result.stats.candidatePairs,
          clusters: result.clusters,
          'baseline groups': baselineGroups,
          'pairwise precision': quality.precision,
          'pairwise recall': quality.recall,
          'pairwise F1': quality.f1,
          'review queue': result.reviewTotal,
          'generate CSV s': genS,
        },
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};

export default benchmark;
