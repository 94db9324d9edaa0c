import { createHmac, hash } from 'node:crypto';

let idKey: string | undefined;

/**
 * The key of person-level ids (POLON_ID_KEY), set where the configuration is read (the CLI,
 * the server, an import's worker thread). Keyed, an id seen in a URL, an export or a review
 * file cannot be turned back into the source's record number (often a document number) by
 * trying them all; unset, ids are the plain SHA-256 of earlier versions.
 */
export function useIdKey(key: string | undefined): void {
  idKey = key;
}

export const idKeyInUse = (): string | undefined => idKey;

/** HMAC-SHA-256 of `text` under the id key, or its plain SHA-256 without one (hex). */
export function idHash(text: string): string {
  // The one-shot hash when unkeyed: a large import computes a million of these.
  return idKey
    ? createHmac('sha256', idKey).update(text).digest('hex')
    : hash('sha256', text, 'hex');
}

/** What the database keeps to tell the key its ids were made with from another: not the key. */
export const idKeyCheck = (key: string): string =>
  createHmac('sha256', key).update('polon id key check').digest('hex');
