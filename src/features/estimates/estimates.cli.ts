import type { MseModel, MseResult } from '../../estimation/index.js';
import type { CaptivityEstimate } from './captivity.service.js';

const n = (v: number | null, digits = 0): string =>
  v === null
    ? '—'
    : (Math.abs(v) < 0.5 * 10 ** -digits ? 0 : v).toLocaleString('en-GB', {
        maximumFractionDigits: digits,
        minimumFractionDigits: digits,
      });

function interval(m: MseModel): string {
  if (!m.ci95) return '—';
  return `${n(m.ci95[0])} – ${m.ci95[1] === null ? 'beyond 3×N' : n(m.ci95[1])}`;
}

/** `polon estimate mse` as a person reads it: the chosen model, the spread, the runners-up. */
export function formatMseResult(r: MseResult): string {
  const sel = r.selected ? r.models[r.selected.index] : undefined;
  const lines = [
    `Multiple systems estimation over ${r.lists.length} lists (${r.lists.join(', ')}): ${n(r.nObserved)} people observed.`,
    `Searched ${n(r.search.modelsSearched)} log-linear models (interactions up to order ${r.search.maxOrder}); ${n(r.search.modelsWithEstimate)} have an estimate. Selection: lowest ${r.search.criterion.toUpperCase()}.`,
    '',
  ];
  if (sel) {
    lines.push(`Selected model: ${sel.terms.join(' + ')}`);
    lines.push(
      `  N = ${n(sel.N)} (unobserved ${n(sel.unobserved)}), 95% profile-likelihood interval ${interval(sel)}, se ${n(sel.se, 1)}`,
    );
  } else {
    lines.push('No model gives an estimate: see the warnings.');
  }
  if (r.spread)
    lines.push(
      `  N over the ${r.spread.models} best models: ${n(r.spread.minN)} – ${n(r.spread.maxN)} (model choice is usually the largest uncertainty)`,
    );
  lines.push(
    '',
    '  rank  N          95% interval            deviance  df   AIC        BIC        terms beyond main effects',
  );
  r.models.slice(0, 12).forEach((m, i) => {
    const extra = m.terms.filter((t) => t.includes(':')).join(' ') || '(independence)';
    lines.push(
      `  ${String(i + 1).padStart(4)}  ${n(m.N).padEnd(10)} ${interval(m).padEnd(23)} ${n(m.deviance, 2).padStart(8)}  ${String(m.df).padStart(3)}  ${n(m.aic, 2).padStart(9)}  ${n(m.bic, 2).padStart(9)}  ${extra}${m.warnings.length ? '  (!)' : ''}`,
    );
  });
  lines.push('', '  pairs: Lincoln–Petersen / Chapman');
  for (const p of r.pairs)
    lines.push(`    ${p.lists.join(' × ')}: ${n(p.lincolnPetersen)} / ${n(p.chapman)}`);
  lines.push(`  Chao lower bound: ${n(r.chao.N)}`);
  const warnings = [...r.warnings, ...(sel?.warnings ?? [])];
  if (warnings.length) lines.push('', 'Warnings:', ...warnings.map((w) => `  - ${w}`));
  return lines.join('\n');
}

/** `polon estimate captivity` as a person reads it. */
export function formatCaptivityEstimate(e: CaptivityEstimate): string {
  const ci = (c: [number | null, number | null] | null): string =>
    c ? ` (95% interval ${n(c[0])} – ${c[1] === null ? 'unbounded' : n(c[1])})` : '';
  const lines = [
    `Captivity as of ${e.asOf} (basis: ${e.basis === 'persons' ? 'linked persons' : e.basis === 'records' ? 'unlinked records' : 'no evidence'})`,
    '',
    `  seen: entered ${n(e.seen.entered)}, released ${n(e.seen.released)}, died ${n(e.seen.died)}, held ${n(e.seen.held)}`,
  ];
  if (e.mse) {
    lines.push(
      `  multiple systems estimation over ${e.mse.lists.length} lists (${e.mse.lists.join(', ')}): ${n(e.mse.nObserved)} held people observed`,
    );
    lines.push(
      `    selected model ${e.mse.model?.join(' + ') ?? '—'}: N = ${n(e.mse.N)}${ci(e.mse.ci95)}`,
    );
    if (e.mse.modelSpread)
      lines.push(
        `    N over the best models: ${n(e.mse.modelSpread.minN)} – ${n(e.mse.modelSpread.maxN)}`,
      );
    const u = e.mse.ifUndecidedLinked;
    if (u)
      lines.push(
        `    if the ${n(u.pairs)} undecided linkage pairs were the same people: ${n(u.held)} held seen, N = ${n(u.N)}${ci(u.ci95)}`,
        '    (the estimated interval below spans both readings; deciding pairs in the review queue narrows it)',
      );
  }
  if (e.lcmcr) {
    const l = e.lcmcr;
    lines.push(
      `  latent-class MSE (LCMCR, ${l.settings.chains} chains, K ${l.settings.k}): N = ${n(l.N)}${ci(l.ci95)}; R-hat ${l.diagnostics.rhat.toFixed(3)}, ${l.diagnostics.converged ? 'converged' : 'NOT CONVERGED'}`,
    );
    if (l.ifUndecidedLinked)
      lines.push(
        `    if the undecided pairs were the same people: N = ${n(l.ifUndecidedLinked.N)}${ci(l.ifUndecidedLinked.ci95)}`,
      );
  }
  lines.push(
    `  estimated held (${e.estimatedHeld.method === 'lcmcr' ? 'LCMCR' : e.estimatedHeld.method === 'mse' ? 'log-linear MSE' : 'seen'}): ${n(e.estimatedHeld.value)}${ci(e.estimatedHeld.ci95)}${e.estimatedHeld.method === 'seen_only' ? ' (seen only: no estimate of the unseen)' : ''}`,
  );
  lines.push(
    `  whereabouts (window ${e.whereabouts.windowDays} days): known ${n(e.whereabouts.known)}, last known ${n(e.whereabouts.lastKnown)}, unknown ${n(e.whereabouts.unknown)}`,
  );
  lines.push(
    `  whereabouts gap (estimated held − known): ${n(e.whereabouts.gap)}${ci(e.whereabouts.gapCi95)}`,
  );
  if (e.facilities.length) {
    lines.push('', '  facility                              identified  last known  estimate');
    for (const f of e.facilities.slice(0, 15))
      lines.push(
        `  ${f.facilityId.padEnd(38)}${n(f.identified).padStart(10)}${n(f.lastKnown).padStart(12)}${n(f.estimate).padStart(10)}${f.estimateBasis === 'occupancy_reports' ? ' (reports)' : ''}`,
      );
  }
  const warnings = [
    ...e.caveats.map((c) => c.message),
    ...(e.mse?.warnings ?? []),
    ...(e.lcmcr?.warnings ?? []),
  ];
  if (warnings.length) lines.push('', 'Caveats:', ...warnings.map((w) => `  - ${w}`));
  return lines.join('\n');
}
