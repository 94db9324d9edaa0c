import type { ColumnSpec } from './import-kind.js';

/**
 * Column names as people write them: "Прізвище", "Фамилия ", "Surname", "family_name",
 * "detention/facility" (KoboToolbox groups). The key is lower case, without apostrophes,
 * with anything between words as one "_", and only the last part of a grouped name.
 */
export function headerKey(header: string): string {
  // Only a KoboToolbox group path ("detention/facility") is cut at its slashes: "В/ч",
  // "Ч/Ж" and "№ з/п" are whole names.
  const grouped = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)+$/.test(header.trim());
  const last = (grouped ? (header.trim().split('/').pop() ?? header) : header).replace(
    /[№#]/g,
    'no',
  );
  return last
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/['’ʼ`"«»]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
}

export interface HeaderMap {
  /** Header as written in the file → the column it stands for. */
  toColumn: Map<string, string>;
  /** Column → header as written, for messages the user can match to the file. */
  toHeader: Map<string, string>;
  /** Headers used twice for one column, and mapping entries naming no column. */
  conflicts: { header: string; column: string; other: string }[];
  unknownTargets: { header: string; column: string }[];
}

export function aliasIndex(
  columns: ColumnSpec[],
  aliases: Record<string, string[]> = {},
): Map<string, string> {
  const index = new Map<string, string>();
  for (const c of columns) {
    index.set(headerKey(c.name), c.name);
    for (const a of aliases[c.name] ?? []) index.set(headerKey(a), c.name);
  }
  return index;
}

/** Works out which column each header stands for, from the aliases and an explicit mapping. */
export function mapHeaders(
  headers: string[],
  columns: ColumnSpec[],
  aliases: Record<string, string[]> = {},
  mapping: Record<string, string> = {},
): HeaderMap {
  const index = aliasIndex(columns, aliases);
  const known = new Set(columns.map((c) => c.name));
  const explicit = new Map(Object.entries(mapping).map(([h, c]) => [headerKey(h), c]));
  const map: HeaderMap = {
    toColumn: new Map(),
    toHeader: new Map(),
    conflicts: [],
    unknownTargets: [],
  };
  for (const header of headers) {
    if (!header) continue;
    const key = headerKey(header);
    // A header mapped to "" is left out on purpose, even when its name is a known one.
    const target = explicit.get(key) ?? index.get(key);
    if (!target) continue;
    if (!known.has(target)) {
      map.unknownTargets.push({ header, column: target });
      continue;
    }
    const other = map.toHeader.get(target);
    if (other !== undefined) {
      map.conflicts.push({ header, column: target, other });
      continue;
    }
    map.toColumn.set(header, target);
    map.toHeader.set(target, header);
  }
  return map;
}

/** How many cells of a row are known column names: a header scores high, a title row low. */
export function headerScorer(
  columns: ColumnSpec[],
  aliases: Record<string, string[]> = {},
): (cells: string[]) => number {
  const index = aliasIndex(columns, aliases);
  return (cells) => cells.filter((c) => c && index.has(headerKey(c))).length;
}
