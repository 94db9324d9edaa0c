import type { LinkFileResult } from './run-link-file.js';

const n = (v: number): string => v.toLocaleString('en-GB');
const pct = (v: number): string => `${(v * 100).toFixed(1)}%`;

/** `polon link` as a person reads it: what went in, what came out, what needs a look. */
export function formatLinkResult(r: LinkFileResult): string {
  const lines = [
    `Linked ${n(r.records)} records from ${r.sources.length} sources into ${n(r.clusters)} persons (${n(r.linkedClusters)} seen more than once).`,
    `Written to ${r.output}. Threshold: match probability ≥ ${r.threshold}.`,
    '',
    `Records by source: ${r.sources.map((s) => `${s.source} ${n(s.records)}`).join(', ')}.`,
    `Compared ${n(r.stats.candidatePairs)} candidate pairs: ${r.stats.pairsPerRule.map((p) => `${p.rule} ${n(p.pairs)}`).join('; ')}.`,
    `Estimated share of matches among candidates: ${pct(r.parameters.lambda)} (EM, ${r.parameters.iterations} iterations${r.parameters.converged ? '' : ', not converged'}).`,
    `Linked pairs: ${n(r.stats.linkedPairs)}; joins refused because they would put clearly different people together: ${n(r.stats.guardRejections)}.`,
  ];
  if (r.stats.forcedMatches + r.stats.forcedSplits + r.stats.unknownDecisions > 0) {
    lines.push(
      `Reviewers' decisions honoured: ${n(r.stats.forcedMatches)} links, ${n(r.stats.forcedSplits)} splits${r.stats.unknownDecisions ? `; ${n(r.stats.unknownDecisions)} name records not in this file and were ignored` : ''}.`,
    );
  }
  if (r.invalidDates > 0)
    lines.push(`Birth dates not understood and ignored: ${n(r.invalidDates)}.`);
  if (r.swappedNames > 0)
    lines.push(`Family and given name put back in order: ${n(r.swappedNames)} records.`);
  lines.push(
    `Pairs for review: ${n(r.reviewTotal)}${r.reviewTotal > r.review.length ? ` (${n(r.review.length)} kept)` : ''}.`,
  );
  lines.push(
    `Time: ${(r.timingsMs.total / 1000).toFixed(1)} s (read ${(r.timingsMs.read / 1000).toFixed(1)} s, link ${(r.timingsMs.link / 1000).toFixed(1)} s, write ${(r.timingsMs.write / 1000).toFixed(1)} s).`,
  );
  return lines.join('\n');
}
