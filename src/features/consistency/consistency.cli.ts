import type { CheckReport } from './consistency.service.js';

/**
 * `polon check` as a person reads it: the causes first, largest and newest on top, each with
 * its findings (newest first), their figures and sources.
 */
export function formatCheckReport(r: CheckReport): string {
  const lines = [
    `Checked ${r.exchangesChecked} exchange rows and ${r.claimsChecked} claims (approx tolerance ±${Math.round(r.tolerance * 100)}%): ${r.findings.length} findings from ${r.groups.length} causes.`,
  ];
  if (r.groups.length) lines.push('', ...r.groups.map((g, i) => `  ${i + 1}. ${g.title}`));
  r.groups.forEach((g, i) => {
    lines.push('', `${i + 1}. ${g.title}`);
    g.findings.forEach((f, j) => {
      lines.push(`  ${i + 1}.${j + 1} [${f.kind}] ${f.message}`);
      for (const fig of f.figures) {
        const src = fig.sources.map((s) => s.url ?? s.title ?? s.id).join(' ; ');
        lines.push(
          `       ${fig.label}: ${fig.qualifier === 'exact' ? '' : `${fig.qualifier} `}${fig.value.toLocaleString('en-GB')}${src ? `  — ${src}` : ''}`,
        );
      }
    });
  });
  return lines.join('\n');
}
