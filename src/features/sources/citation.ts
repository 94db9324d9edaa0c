import { createHash } from 'node:crypto';

/**
 * A row's `sources` cell lists its sources, separated by " ; " or " | ". Each part is a URL
 * (with an optional remark after it), the id of a source registered beforehand, or a
 * free-text citation ("KHPG (Y. Zakharov), 24 Nov 2025, 'How many …'").
 */
export type Citation =
  | { kind: 'url'; url: string; note: string | null }
  | { kind: 'id'; id: string }
  | { kind: 'text'; text: string };

const SEPARATOR = /\s+[;|]\s+/;
const URL_AT_START = /^(https?:\/\/\S+)\s*(.*)$/;
const SOURCE_ID = /^[a-z0-9][a-z0-9._:-]*$/i;

export function parseCitations(cell: string): Citation[] {
  const out: Citation[] = [];
  for (const raw of cell.split(SEPARATOR)) {
    const part = raw.trim();
    if (!part) continue;
    const url = URL_AT_START.exec(part);
    if (url?.[1]) {
      const remark = (url[2] ?? '')
        .trim()
        .replace(/^\((.*)\)$/s, '$1')
        .trim();
      out.push({ kind: 'url', url: url[1], note: remark || null });
    } else if (SOURCE_ID.test(part) && !/^\d+$/.test(part)) {
      out.push({ kind: 'id', id: part });
    } else {
      out.push({ kind: 'text', text: part });
    }
  }
  return out;
}

const shortHash = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 16);

/** Stable id for a source known only by its URL, so re-imports find the same source. */
export function sourceIdForUrl(url: string): string {
  return `url-${shortHash(url.replace(/\/+$/, ''))}`;
}

export function sourceIdForText(text: string): string {
  return `cite-${shortHash(text.replace(/\s+/g, ' ').trim())}`;
}

export function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}
