import type { CheckReport } from './consistency.service.js';

/** `polon check` as a person reads it: each finding with its figures and their sources. */
export function formatCheckReport(r: CheckReport): string {
  const lines = [
    `Checked ${r.exchangesChecked} exchange rows and ${r.claimsChecked} claims (approx tolerance ±${Math.round(r.tolerance * 100)}%): ${r.findings.length} findings.`,
  ];
  const byKind = new Map<string, number>();
  for (const f of r.findings) byKind.set(f.kind, (byKind.get(f.kind) ?? 0) + 1);
  if (byKind.size) lines.push(`  ${[...byKind].map(([k, v]) => `${k}: ${v}`).join(', ')}`);
  r.findings.forEach((f, i) => {
    lines.push('', `${i + 1}. [${f.kind}] ${f.message}`);
    for (const fig of f.figures) {
      const src = fig.sources.map((s) => s.url ?? s.title ?? s.id).join(' ; ');
      lines.push(
        `     ${fig.label}: ${fig.qualifier === 'exact' ? '' : `${fig.qualifier} `}${fig.value.toLocaleString('en-GB')}${src ? `  — ${src}` : ''}`,
      );
    }
  });
  return lines.join('\n');
}
