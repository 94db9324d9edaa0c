/**
 * Where linkage loses pairs (issue 18): every true pair of `polon synth` records left in two
 * clusters, and every wrongly joined pair, counted by comparison pattern and by what the
 * engine did with it (never compared, below review, in review and why, above threshold).
 * A missed pair is beyond any linker when its thinner record fits another person as well:
 * that person's records agree with it on every field the true person's agree on, as
 * strongly, none conflicts, and its list has not named him already. The last line is the
 * ceiling: recall and F1 if every other missed pair were found without a wrong join more.
 *
 *   npx tsx scripts/linkage-misses.ts [records=100000] [top=25] [--independent]
 */
import {
  candidatePairsOf,
  compileRecords,
  comparePair,
  describePattern,
  isHardConflict,
  linkCompiled,
} from '../src/linkage/index.js';
import type { LinkRecord } from '../src/linkage/index.js';
import { createRecordPreparer } from '../src/features/linkage/prepare-link-record.js';
import { generatePersonRecords } from '../src/features/synth/synth-person-records.js';
import { generateIndependentRecords } from '../test/independent-person-records.js';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const n = Number(args[0] ?? 100_000);
const top = Number(args[1] ?? 25);
const independent = process.argv.includes('--independent');

const prepare = createRecordPreparer();
const records: LinkRecord[] = [];
const truth: number[] = [];
const sources: string[] = [];
if (independent) {
  const data = generateIndependentRecords({ persons: n, seed: 18 });
  for (const r of data.records) {
    records.push(prepare(r.row).record);
    truth.push(r.personId);
    sources.push(r.row.source);
  }
} else {
  for (const r of generatePersonRecords({ records: n, seed: 7 })) {
    records.push(prepare(r.row).record);
    truth.push(r.personId);
    sources.push(r.row.source);
  }
}
const c = compileRecords(records);
const pairs = candidatePairsOf(c);
const result = linkCompiled(
  c,
  records.map((r) => r.id),
  { maxReview: 10_000_000 },
  pairs,
);
const weights = result.parameters.fields;
const fieldNames = Object.keys(weights);
const weightOfPattern = (p: number): number => {
  let w = 0;
  fieldNames.forEach((f, k) => {
    const level = (p >>> (k * 3)) & 7;
    if (level > 0) w += (weights as Record<string, { weight: number }[]>)[f]![level - 1]!.weight;
  });
  return w;
};
const key = (a: number, b: number): number =>
  a < b ? a * 4_294_967_296 + b : b * 4_294_967_296 + a;
// Sorted keys, not a Set: a million records give more pairs than a Set may hold.
const candidateKeys = new Float64Array(pairs.length);
for (let k = 0; k < pairs.length; k++) candidateKeys[k] = key(pairs.a[k]!, pairs.b[k]!);
candidateKeys.sort();
const candidate = {
  has(x: number): boolean {
    let lo = 0;
    let hi = candidateKeys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = candidateKeys[mid]!;
      if (v === x) return true;
      if (v < x) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  },
};
const reviewReason = new Map<number, string>();
const ids = new Map(records.map((r, i) => [r.id, i]));
for (const r of result.review) reviewReason.set(key(ids.get(r.a)!, ids.get(r.b)!), r.reason);

const short = (p: number): string => {
  const d = describePattern(p);
  return `${d.family}/${d.given}/${d.patronymic}/${d.birth}/${d.sex}/${d.unit}`;
};
const byPerson = new Map<number, number[]>();
truth.forEach((t, i) => {
  const l = byPerson.get(t);
  if (l) l.push(i);
  else byPerson.set(t, [i]);
});
// Each record's compared partners, to tell a miss nobody could resolve (the thinner record
// fits another person's record as well: same name levels, no conflict) from one it could.
const partners = new Map<number, number[]>();
for (let k = 0; k < pairs.length; k++) {
  for (const [x, y] of [
    [pairs.a[k]!, pairs.b[k]!],
    [pairs.b[k]!, pairs.a[k]!],
  ] as const) {
    const l = partners.get(x);
    if (l) l.push(y);
    else partners.set(x, [y]);
  }
}
const fieldsOf = (i: number): number =>
  (c.family.key[i]! >= 0 ? 1 : 0) +
  (c.given.key[i]! >= 0 ? 1 : 0) +
  (c.patronymic.key[i]! >= 0 ? 1 : 0) +
  (c.year[i]! > 0 ? 1 : 0) +
  (c.day[i]! > 0 ? 1 : 0) +
  (c.unit[i]! >= 0 ? 1 : 0) +
  (c.sex[i]! > 0 ? 1 : 0);
const namesClose = (p: number): boolean => {
  const f = p & 7;
  const g = (p >>> 3) & 7;
  return f >= 1 && f <= 3 && (g === 0 || g <= 3);
};
// How strongly a level agrees: 0 strongest; undefined when it does not agree.
const NAME_RANK = [undefined, 0, 0, 1, 2, 3, undefined, undefined];
const BIRTH_RANK = [undefined, 0, 1, 1, 2, 3, 4, undefined];
const rankOf = (field: number, level: number): number | undefined =>
  field <= 2 ? NAME_RANK[level] : field === 3 ? BIRTH_RANK[level] : level === 1 ? 0 : undefined;
/** Per field, the strongest agreement of any record of `person` with record `thin`. */
const agreementOf = (thin: number, person: number): number[] | undefined => {
  const best = [9, 9, 9, 9, 9, 9];
  for (const k of byPerson.get(person)!) {
    if (k === thin) continue;
    const p = comparePair(c, thin, k);
    if (isHardConflict(p)) return undefined;
    for (let f = 0; f < 6; f++) {
      const r = rankOf(f, (p >>> (f * 3)) & 7);
      if (r !== undefined && r < best[f]!) best[f] = r;
    }
  }
  return best;
};
const otherFits = (thin: number, _rich: number, exclusive = false): boolean => {
  const own = agreementOf(thin, truth[thin]!) ?? [9, 9, 9, 9, 9, 9];
  const seen = new Set<number>();
  for (const k of partners.get(thin) ?? []) {
    const q = truth[k]!;
    if (q === truth[thin] || seen.has(q)) continue;
    seen.add(q);
    if (!namesClose(comparePair(c, thin, k))) continue;
    if (exclusive && sourcesOfPerson.get(q)!.has(sources[thin]!)) continue;
    const other = agreementOf(thin, q);
    // Another person no record of whom conflicts with the thin record, agreeing on every
    // field the true person's records agree on.
    if (other !== undefined && own.every((r, f) => r === 9 || other[f]! <= r)) return true;
  }
  return false;
};
// Sources each person has a record in: a list names a person once, so a person already in
// the thin record's list is not its candidate (the refined bound).
const sourcesOfPerson = new Map<number, Set<string>>();
truth.forEach((t, i) => {
  const s = sourcesOfPerson.get(t);
  if (s) s.add(sources[i]!);
  else sourcesOfPerson.set(t, new Set([sources[i]!]));
});
let exclusiveResolvable = 0;
const resolvable = new Map<string, number>();
const missed = new Map<string, number>();
const missedFate = new Map<string, number>();
const missedSources = new Map<string, number>();
let truePairs = 0;
let missedPairs = 0;
for (const list of byPerson.values()) {
  for (let x = 0; x < list.length; x++)
    for (let y = x + 1; y < list.length; y++) {
      truePairs++;
      const i = list[x]!;
      const j = list[y]!;
      if (result.clusterOf[i] === result.clusterOf[j]) continue;
      missedPairs++;
      const p = comparePair(c, i, j);
      const fate = !candidate.has(key(i, j))
        ? 'not compared'
        : (reviewReason.get(key(i, j)) ?? 'compared, below review or transitively apart');
      const s = `${short(p)}  w=${weightOfPattern(p).toFixed(1)}`;
      missed.set(s, (missed.get(s) ?? 0) + 1);
      missedFate.set(fate, (missedFate.get(fate) ?? 0) + 1);
      const [thin, rich] = fieldsOf(i) <= fieldsOf(j) ? [i, j] : [j, i];
      if (!otherFits(thin, rich, true)) exclusiveResolvable++;
      if (!otherFits(thin, rich))
        resolvable.set(s + '  ' + fate, (resolvable.get(s + '  ' + fate) ?? 0) + 1);
      const sp = [sources[i], sources[j]].sort().join('~');
      missedSources.set(sp, (missedSources.get(sp) ?? 0) + 1);
    }
}
const show = (title: string, m: Map<string, number>, k = top): void => {
  console.log(`\n${title}`);
  for (const [s, v] of [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, k))
    console.log(`${String(v).padStart(7)}  ${s}`);
};
console.log(
  `candidate pairs ${pairs.length}: ${result.stats.pairsPerRule.map((r) => `${r.rule} ${r.pairs}`).join('; ')}`,
);
console.log(
  `${n} records, true pairs ${truePairs}, missed ${missedPairs} (recall ${(1 - missedPairs / truePairs).toFixed(4)})`,
);
show('missed pairs by fate', missedFate);
show('missed pairs by source pair', missedSources);
show('missed pairs by pattern (family/given/patronymic/birth/sex/unit)', missed);
console.log(
  `\nmissed pairs no other person's record fits as well: ${[...resolvable.values()].reduce((a, b) => a + b, 0)}`,
);
console.log(
  `... or whose fitting others all have a record in the thin record's list already: ${exclusiveResolvable}`,
);
show('those by pattern and fate', resolvable);

// Wrong joins: pairs inside a predicted cluster from different persons.
const byCluster = new Map<number, number[]>();
result.clusterOf.forEach((k, i) => {
  const l = byCluster.get(k);
  if (l) l.push(i);
  else byCluster.set(k, [i]);
});
const wrong = new Map<string, number>();
let wrongPairs = 0;
let linkedPairs = 0;
for (const list of byCluster.values()) {
  for (let x = 0; x < list.length; x++)
    for (let y = x + 1; y < list.length; y++) {
      linkedPairs++;
      const i = list[x]!;
      const j = list[y]!;
      if (truth[i] === truth[j]) continue;
      wrongPairs++;
      const p = comparePair(c, i, j);
      const s = `${short(p)}  w=${weightOfPattern(p).toFixed(1)} ${sources[i]}~${sources[j]}`;
      wrong.set(s, (wrong.get(s) ?? 0) + 1);
    }
}
const precision = 1 - wrongPairs / linkedPairs;
console.log(
  `\nlinked pairs ${linkedPairs}, wrong ${wrongPairs} (precision ${precision.toFixed(4)})`,
);
show('wrong pairs by pattern', wrong);
// The ceiling: every pair missed now that some linker could still find is found, with no
// wrong join more; a pair whose thin record another person fits as well stays apart.
const beyond = missedPairs - exclusiveResolvable;
const recallCeiling = 1 - beyond / truePairs;
const f1Ceiling = (2 * precision * recallCeiling) / (precision + recallCeiling);
console.log(
  `\nceiling: recall ${recallCeiling.toFixed(4)}, F1 ${f1Ceiling.toFixed(4)} at this precision ` +
    `(${beyond} true pairs whose thin record another person fits as well)`,
);
