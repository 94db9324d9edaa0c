import { createHash } from 'node:crypto';

/**
 * Ids of rows about people are opaque: a source's own record id may be a document number,
 * so it never appears in an id, a URL or a log. The same source and record id give the
 * same id, which makes re-imports idempotent.
 */
export function recordId(source: string, sourceRecordId: string): string {
  return `rec_${createHash('sha256').update(`${source}\u0000${sourceRecordId}`).digest('hex').slice(0, 24)}`;
}

export function derivedId(
  prefix: 'evt' | 'epi' | 'occ',
  parts: (string | number | null | undefined)[],
): string {
  return `${prefix}_${createHash('sha256')
    .update(parts.map((p) => p ?? '').join('\u0000'))
    .digest('hex')
    .slice(0, 24)}`;
}
