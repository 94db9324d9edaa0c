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
