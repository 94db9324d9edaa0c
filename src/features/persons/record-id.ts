import { idHash } from '../../core/id-key.js';

/**
 * Ids of rows about people are opaque: a source's own record id may be a document number,
 * so it never appears in an id, a URL or a log, and with POLON_ID_KEY set it cannot be
 * recovered from one by trying every number. The same source and record id give the same
 * id, which makes re-imports idempotent.
 */
export function recordId(source: string, sourceRecordId: string): string {
  return `rec_${idHash(`${source}\u0000${sourceRecordId}`).slice(0, 24)}`;
}

export function derivedId(
  prefix: 'evt' | 'epi' | 'occ',
  parts: (string | number | null | undefined)[],
): string {
  return `${prefix}_${idHash(parts.map((p) => p ?? '').join('\u0000')).slice(0, 24)}`;
}
