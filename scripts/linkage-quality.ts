/**
 * Pairwise linkage quality on two ground truths (issue 18): `polon synth` person records
 * and the independent generator in test/. Prints overall and per class of pair.
 *
 *   npx tsx scripts/linkage-quality.ts [synthRecords=10000] [independentPersons=5200] [--weights]
 *
 * --weights also prints each field's levels with m, u and the weight log2(m/u) EM gave.
 */
import { evaluateLinkage, linkRecords } from '../src/linkage/index.js';
import type { LinkRecord, PairwiseScores } from '../src/linkage/index.js';
import { createRecordPreparer } from '../src/features/linkage/prepare-link-record.js';
import { generatePersonRecords } from '../src/features/synth/synth-person-records.js';
import { generateIndependentRecords } from '../test/independent-person-records.js';
import type { PairTraits } from '../test/linkage-pair-classes.js';
import { evaluateByClass, traitsOfRow } from '../test/linkage-pair-classes.js';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const synthRecords = Number(args[0] ?? 10_000);
const independentPersons = Number(args[1] ?? 5_200);
const showWeights = process.argv.includes('--weights');

const f = (v: number): string => v.toFixed(3);
const line = (label: string, s: PairwiseScores): string =>
  `${label.padEnd(32)} P ${f(s.precision)}  R ${f(s.recall)}  F1 ${f(s.f1)}  (true ${s.truePairs}, linked ${s.predictedPairs})`;

function report(
  title: string,
  records: LinkRecord[],
  truth: number[],
  sources: string[],
  traits: PairTraits[],
  related: [number, number][] = [],
): void {
  const start = performance.now();
  const result = linkRecords(records);
  const seconds = (performance.now() - start) / 1000;
  const q = evaluateLinkage(result.clusterOf, truth, sources);
  const c = evaluateByClass(result.clusterOf, truth, traits, related);
  console.log(`\n${title}: ${records.length} records, linked in ${seconds.toFixed(1)} s`);
  console.log(line('overall', q.overall));
  console.log(`one list's pairs start ${result.stats.sameListBits.toFixed(1)} bits less likely`);
  for (const [k, s] of Object.entries(c.byClass)) if (s.truePairs > 0) console.log(line(k, s));
  if (showWeights) {
    console.log(`weights (λ ${result.parameters.lambda.toExponential(2)}): level m u log2(m/u)`);
    for (const [field, levels] of Object.entries(result.parameters.fields)) {
      const cells = levels.map(
        (l) => `${l.level} ${l.m.toFixed(3)} ${l.u.toExponential(1)} ${l.weight.toFixed(1)}`,
      );
      console.log(`  ${field.padEnd(11)} ${cells.join(' | ')}`);
    }
  }
  if (related.length > 0) {
    console.log(
      `relatives/namesakes wrongly joined: ${c.relativesJoined} record pairs (of ${related.length} person pairs)`,
    );
  }
}

{
  const prepare = createRecordPreparer();
  const records: LinkRecord[] = [];
  const truth: number[] = [];
  const sources: string[] = [];
  const traits: PairTraits[] = [];
  for (const r of generatePersonRecords({ records: synthRecords, seed: 7 })) {
    records.push(prepare(r.row).record);
    truth.push(r.personId);
    sources.push(r.row.source);
    traits.push(traitsOfRow(r.row));
  }
  report('polon synth', records, truth, sources, traits);
}
{
  const prepare = createRecordPreparer();
  const data = generateIndependentRecords({ persons: independentPersons, seed: 18 });
  report(
    'independent generator',
    data.records.map((r) => prepare(r.row).record),
    data.records.map((r) => r.personId),
    data.records.map((r) => r.row.source),
    data.records.map((r) => ({
      ...r.traits,
      kind:
        r.traits.style === 'free' ? 'free' : r.traits.style.endsWith('lat') ? 'latin' : 'cyrillic',
    })),
    [...data.relatives, ...data.namesakes],
  );
}
