import type { TableCounts, WriteCounts } from './import-kind.js';

export const noCounts = (): WriteCounts => ({ inserted: 0, updated: 0, unchanged: 0 });

const addTable = (into: TableCounts | undefined, c: TableCounts): TableCounts => ({
  inserted: (into?.inserted ?? 0) + c.inserted,
  updated: (into?.updated ?? 0) + c.updated,
  unchanged: (into?.unchanged ?? 0) + c.unchanged,
  removed: (into?.removed ?? 0) + c.removed,
});

/** Adds what one batch wrote to what the import has written so far. */
export function addCounts(into: WriteCounts, c: Partial<WriteCounts>): WriteCounts {
  into.inserted += c.inserted ?? 0;
  into.updated += c.updated ?? 0;
  into.unchanged += c.unchanged ?? 0;
  if (c.notices?.length) (into.notices ??= []).push(...c.notices);
  if (c.unresolvedPlaces?.length) (into.unresolvedPlaces ??= []).push(...c.unresolvedPlaces);
  if (c.facts)
    into.facts = {
      events: addTable(into.facts?.events, c.facts.events),
      episodes: addTable(into.facts?.episodes, c.facts.episodes),
    };
  if (c.recordIds)
    into.recordIds = {
      fromFile: (into.recordIds?.fromFile ?? 0) + c.recordIds.fromFile,
      fromContent: (into.recordIds?.fromContent ?? 0) + c.recordIds.fromContent,
    };
  return into;
}

/**
 * Counts an import's rows when some changed only in their citations (or aliases): those
 * are updated, not unchanged. `ids` names the rows added and changed, for a report of what a
 * load of the public dataset changed (its ids are public).
 */
export function countWithSideChanges(
  out: {
    inserted: number;
    updated: number;
    unchanged: number;
    changed: Set<string>;
    updatedKeys: Set<string>;
  },
  sideChanged: Iterable<string>,
): {
  inserted: number;
  updated: number;
  unchanged: number;
  extra: string[];
  ids: { inserted: string[]; updated: string[] };
} {
  const extra = [...new Set(sideChanged)].filter((id) => !out.changed.has(id));
  const inserted = [...out.changed].filter((id) => !out.updatedKeys.has(id));
  return {
    inserted: out.inserted,
    updated: out.updated + extra.length,
    unchanged: out.unchanged - extra.length,
    extra,
    ids: { inserted: inserted.sort(), updated: [...out.updatedKeys, ...extra].sort() },
  };
}
