import { upsertRows } from '../../db/index.js';
import { headerScorer } from './header-map.js';
import type { ImportDefinition, TableRow } from './import-definition.js';
import type { ImportKind, ParsedRow, WriteContext, WriteCounts } from './import-kind.js';
import { countWithSideChanges } from './write-counts.js';

/** The import kind the importer runs, from a kind's definition. */
export function defineImport<T, L = undefined, R extends TableRow = TableRow>(
  def: ImportDefinition<T, L, R>,
): ImportKind<T> {
  const key = def.key ?? 'id';
  return {
    kind: def.kind,
    jsonKey: def.jsonKey ?? def.kind,
    columns: def.columns,
    ...(def.headerAliases
      ? {
          headerAliases: def.headerAliases,
          headerScore: headerScorer(def.columns, def.headerAliases),
        }
      : {}),
    schema: def.schema,
    ...(def.schemaFor ? { schemaFor: def.schemaFor } : {}),
    ...(def.idColumn ? { idColumn: def.idColumn } : {}),
    idOf: def.id,
    ...(def.repeat ? { repeat: def.repeat } : {}),
    ...(def.references ? { references: def.references } : {}),
    write: (trx, rows, ctx) => writeDefined(def, trx, rows, ctx),
    ...(def.parallel
      ? {
          parallel: {
            ...def.parallel,
            table: def.table,
            key,
            // Rows of the parallel path need no lookup: their kind has none.
            toRow: (value: T, now: string, id?: string) =>
              def.toRow(value, { now, id: id ?? def.id(value), found: undefined as L }),
          },
        }
      : {}),
  };
}

/**
 * Writes rows of any kind by its definition, inside the import's transaction: look up what
 * the rows name, shape them into table rows, upsert, replace their links, and count.
 */
export async function writeDefined<T, L, R extends TableRow>(
  def: ImportDefinition<T, L, R>,
  trx: Parameters<ImportKind<T>['write']>[0],
  rows: ParsedRow<T>[],
  ctx: WriteContext,
): Promise<WriteCounts> {
  const skipped = def.skip ? await def.skip(trx, rows) : [];
  if (skipped.length) {
    const away = new Set(skipped.map((s) => s.row));
    rows = rows.filter((r) => !away.has(r));
  }
  const looked = def.lookup ? await def.lookup(trx, rows, ctx.file) : undefined;
  const table: R[] = rows.map((r, i) =>
    def.toRow(r.value, {
      now: ctx.now,
      id: r.id ?? def.id(r.value),
      found: looked ? (looked.found[i] as L) : (undefined as L),
    }),
  );
  const notices = def.complete ? await def.complete(table) : [];
  notices.push(...skipped.map((s) => s.notice));
  const out = await upsertRows(
    trx,
    def.table,
    (def.key ?? 'id') as never,
    table,
    undefined,
    ctx.onRows,
  );
  let counts: WriteCounts = {
    inserted: out.inserted,
    updated: out.updated,
    unchanged: out.unchanged,
  };
  if (def.links) {
    const changed: string[] = [];
    for (const link of def.links) changed.push(...(await link(trx, rows, ctx)));
    const { extra, ...side } = countWithSideChanges(out, changed);
    if (def.linksTouchRow && extra.length)
      await trx
        .updateTable(def.table)
        .set({ updated_at: ctx.now } as never)
        .where((def.key ?? 'id') as never, 'in', extra as never)
        .execute();
    counts = side;
  }
  counts.unchanged += skipped.length;
  if (def.skip || def.complete) counts.notices = notices;
  if (looked) {
    counts.notices = looked.notices;
    counts.unresolvedPlaces = looked.unresolvedPlaces;
  }
  if (def.after)
    counts = {
      ...counts,
      ...(await def.after(trx, { rows, table, updatedKeys: out.updatedKeys }, ctx)),
    };
  return counts;
}
