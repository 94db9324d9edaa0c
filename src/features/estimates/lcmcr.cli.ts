import type { LcmcrRun } from './lcmcr-chains.js';

const n = (v: number): string => Math.round(v).toLocaleString('en-GB');

/** `polon estimate lcmcr` as a person reads it: N, its interval, and whether to trust it. */
export function formatLcmcrResult(r: LcmcrRun): string {
  const s = r.settings;
  const d = r.diagnostics;
  const lines = [
    `Latent-class MSE (LCMCR) over ${r.lists.length} lists (${r.lists.join(', ')}): ${n(r.nObserved)} people observed.`,
    `  N = ${n(r.N.median)} (posterior median), 95% interval ${n(r.N.ci95[0])} – ${n(r.N.ci95[1])}; mean ${n(r.N.mean)}`,
    `  quantiles 5% ${n(r.N.q05)} · 25% ${n(r.N.q25)} · 75% ${n(r.N.q75)} · 95% ${n(r.N.q95)}`,
    `  ${s.chains} chains (seeds ${s.seeds.join(', ')}), K ${s.k}, burn-in ${n(s.burnin)}, ${n(s.samples)} draws each every ${s.thin} sweeps; ${r.secondsPerChain.map((x) => x.toFixed(1)).join(' / ')} s per chain`,
    `  R-hat ${Number.isFinite(d.rhat) ? d.rhat.toFixed(3) : '—'}, effective draws ${n(d.ess)}: ${d.converged ? 'the chains agree' : 'NOT CONVERGED'}`,
  ];
  if (r.warnings.length) lines.push('', 'Warnings:', ...r.warnings.map((w) => `  - ${w.message}`));
  return lines.join('\n');
}
