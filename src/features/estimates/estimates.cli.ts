import type { MseModel, MseResult } from '../../estimation/index.js';

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
