import type { ImportResult } from './run-import.js';

export function formatImportResults(results: ImportResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    lines.push(
      `${r.dryRun ? '[dry run, nothing written] ' : ''}${r.kind} from ${r.file}: ${r.rows} rows — ${r.inserted} new, ${r.updated} changed, ${r.unchanged} unchanged`,
    );
    for (const n of r.notices) lines.push(`  note: ${n}`);
  }
  return lines.join('\n');
}
