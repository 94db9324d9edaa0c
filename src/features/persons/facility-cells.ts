import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/index.js';
import { createFacilityResolver, loadFacilities, type Resolution } from '../facilities/index.js';
import type { RowLookup, UnresolvedPlace } from '../imports/index.js';
import { listed, notice, type Notice } from '../imports/index.js';

export type { UnresolvedPlace };

/** What the gazetteer made of a row's facility cell: null for none, or none found. */
export type FacilityFound = Resolution | null;

export interface FacilityCell {
  row: number;
  text: string | null;
}

/**
 * Resolves the facility cells of an import against the gazetteer. Unresolved mentions are
 * kept as written (facility_text) and listed in the import's notices, never dropped and
 * never guessed.
 */
export async function resolveFacilityCells(
  db: Kysely<Database> | Transaction<Database>,
  cells: FacilityCell[],
  file: string,
): Promise<{ resolved: (Resolution | null)[]; notices: Notice[]; unresolved: UnresolvedPlace[] }> {
  if (!cells.some((c) => c.text))
    return { resolved: cells.map(() => null), notices: [], unresolved: [] };
  const resolver = createFacilityResolver(await loadFacilities(db));
  const unresolved = new Map<string, number[]>();
  const resolved = cells.map((c) => {
    if (!c.text) return null;
    const r = resolver.resolve(c.text);
    if (!r) unresolved.set(c.text, [...(unresolved.get(c.text) ?? []), c.row]);
    return r;
  });
  const notices = [...unresolved].map(([text, rows]) =>
    notice(
      'unknown_place',
      { place: text.slice(0, 80), count: rows.length, rows: listed(rows, 10) },
      `${file}: facility "${text.slice(0, 80)}" (row${rows.length > 1 ? 's' : ''} ${rows.slice(0, 10).join(', ')}${rows.length > 10 ? ', …' : ''}) matches no known place; kept as written. Add it to the gazetteer (polon import facilities) or correct the name, then import again.`,
    ),
  );
  const guesses = new Map<string, UnresolvedPlace['candidates']>();
  const list: UnresolvedPlace[] = [];
  for (const [text, rows] of unresolved) {
    let candidates = guesses.get(text);
    if (!candidates) guesses.set(text, (candidates = resolver.suggest(text)));
    for (const row of rows) list.push({ row, text, candidates });
  }
  list.sort((a, b) => a.row - b.row);
  return { resolved, notices, unresolved: list };
}

/** The import lookup of a kind whose rows name a facility: each row's resolution, or null. */
export const facilityLookup =
  <T>(text: (value: T) => string | null): RowLookup<T, FacilityFound> =>
  async (db, rows, file) => {
    const cells = rows.map((r) => ({ row: r.row, text: text(r.value) }));
    const { resolved, notices, unresolved } = await resolveFacilityCells(db, cells, file);
    return { found: resolved, notices, unresolvedPlaces: unresolved };
  };
