import { AppError } from '../../core/app-error.js';
import type { Db } from '../../db/index.js';
import { claimsImport } from '../claims/index.js';
import { runChecks, type Finding } from '../consistency/index.js';
import { exchangesImport } from '../exchanges/index.js';
import { importBytes, type ImportKind } from '../imports/index.js';

export type EvidenceKind = 'exchanges' | 'claims';

const KINDS: Record<EvidenceKind, { kind: ImportKind<unknown>; table: 'exchanges' | 'claims' }> = {
  exchanges: { kind: exchangesImport, table: 'exchanges' },
  claims: { kind: claimsImport, table: 'claims' },
};

/**
 * Adds one exchange, body repatriation or official figure typed into the workspace form. It
 * goes through the import of a one-row file, so the same schema checks it, its sources are
 * registered the same way and the audit log records it as an import; a problem comes back
 * as the import's own (column, what is wrong, how to fix it). An id already held is refused:
 * the form adds, and a correction belongs in the file the row came from.
 */
export async function addEvidenceRow(
  db: Db,
  kind: EvidenceKind,
  row: Record<string, string>,
  options: { actor: string; tolerance: number },
): Promise<{ kind: EvidenceKind; id: string; findings: Finding[] }> {
  const { kind: importKind, table } = KINDS[kind];
  const id = (row.id ?? '').trim();
  if (id) {
    const held = await db.kysely
      .selectFrom(table)
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst();
    if (held)
      throw new AppError(
        'conflict',
        `${table} already holds a row with id ${id}: choose another id, or correct the row in its file and import that again`,
      );
  }
  const bytes = Buffer.from(JSON.stringify({ [importKind.jsonKey]: [row] }));
  await importBytes(db, importKind, 'form.json', bytes, { actor: options.actor });
  const report = await runChecks(db.kysely, { tolerance: options.tolerance });
  const cites = (f: Finding) =>
    f.figures.some(
      (g) => g.ref.type === (kind === 'claims' ? 'claim' : 'exchange') && g.ref.id === id,
    ) ||
    (kind === 'exchanges' && f.figures.some((g) => g.ref.ids?.includes(id)));
  return { kind, id, findings: report.findings.filter(cites) };
}
