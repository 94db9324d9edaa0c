import { describe, expect, it } from 'vitest';
import { evaluateLinkage, linkRecords } from '../../linkage/index.js';
import { generatePersonRecords } from '../synth/synth-person-records.js';
import { linkInWorkers } from './link-in-workers.js';
import { createRecordPreparer } from './prepare-link-record.js';

const RECORDS = 20_000;

function synthetic(seed: number) {
  const prepare = createRecordPreparer();
  const records = [];
  const truth: number[] = [];
  const sources: string[] = [];
  for (const r of generatePersonRecords({ records: RECORDS, seed })) {
    records.push(prepare(r.row).record);
    truth.push(r.personId);
    sources.push(r.row.source);
  }
  return { records, truth, sources };
}

describe('linkage quality on synthetic ground truth', () => {
  const data = synthetic(7);

  it('reaches pairwise F1 ≥ 0.965 overall on 20,000 records, and reports each source pair', () => {
    const result = linkRecords(data.records);
    const q = evaluateLinkage(result.clusterOf, data.truth, data.sources);
    const f = (v: number): string => v.toFixed(3);
    console.log(
      `overall: precision ${f(q.overall.precision)} recall ${f(q.overall.recall)} F1 ${f(q.overall.f1)} ` +
        `(${q.overall.truePairs} true pairs, ${q.overall.predictedPairs} linked)`,
    );
    for (const [pair, s] of Object.entries(q.bySourcePair)) {
      if (s.truePairs === 0 && s.predictedPairs === 0) continue;
      console.log(
        `  ${pair.padEnd(24)} precision ${f(s.precision)} recall ${f(s.recall)} F1 ${f(s.f1)} (true ${s.truePairs}, linked ${s.predictedPairs})`,
      );
    }
    // Reached: F1 0.972, precision 0.987.
    expect(q.overall.f1).toBeGreaterThanOrEqual(0.965);
    expect(q.overall.precision).toBeGreaterThanOrEqual(0.98);
    // Every pair of sources with real overlap is linked well, not just the easy ones.
    for (const s of Object.values(q.bySourcePair)) {
      if (s.truePairs >= 300) expect(s.f1).toBeGreaterThan(0.85);
    }
  });

  it('gives the same clusters with worker threads as in one thread', async () => {
    const one = linkRecords(data.records);
    const two = await linkInWorkers(data.records, { workers: 2 });
    expect(two.stats.candidatePairs).toBe(one.stats.candidatePairs);
    expect(Array.from(two.clusterOf)).toEqual(Array.from(one.clusterOf));
  });
});
