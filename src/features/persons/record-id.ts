import { createHash, hash } from 'node:crypto';

/**
 * Ids of rows about people are opaque: a source's own record id may be a document number,
 * so it never appears in an id, a URL or a log. The same source and record id give the
 * same id, which makes re-imports idempotent.
 */
export function recordId(source: string, sourceRecordId: string): string {
  // The one-shot hash: a large import computes a million of these.
  return `rec_${hash('sha256', `${source}\u0000${sourceRecordId}`, 'hex').slice(0, 24)}`;
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
