import { editDistance } from './edit-distance.js';
import { matchInflected } from './match-inflected.js';

export type KeyMatchKind = 'exact' | 'adjective' | 'inflected' | 'typo';

export interface KeyMatch<T> {
  key: string;
  values: readonly T[];
  kind: KeyMatchKind;
  /** 1 for the same key, less for another form or a typo. */
  quality: number;
}

export interface KeyIndex<T> {
  add(key: string, value: T): void;
  /** Every indexed key the query key may stand for, best first. */
  lookup(queryKey: string, options?: { inflected?: boolean; typos?: boolean }): KeyMatch<T>[];
  readonly size: number;
}

const MIN_STEM = 4;
const CACHE_SIZE = 50_000;
// Case and adjective endings, in match keys, that a typo search may strip.
const ENDING = /^(?:[aeiou]{1,3}|om|mu|omu|ogo|oi|ei|im|aX|iX|ov|ami)$/;

/** Edits a typo may make: none in short keys, where one edit makes another word. */
export function allowedEdits(length: number): number {
  if (length < 4) return 0;
  return length < 8 ? 1 : 2;
}

/** Every string made by deleting up to `depth` letters of `key`, the key included. */
function deletions(key: string, depth: number): Set<string> {
  const out = new Set<string>([key]);
  let frontier = [key];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const s of frontier) {
      for (let i = 0; i < s.length; i++) {
        const v = s.slice(0, i) + s.slice(i + 1);
        if (!out.has(v)) {
          out.add(v);
          next.push(v);
        }
      }
    }
    frontier = next;
  }
  return out;
}

const stripVowels = (key: string): string => key.replace(/[aeiou]{1,2}$/, '');

function trigrams(key: string): string[] {
  const padded = `^${key}$`;
  const out: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3));
  return out;
}

function offerTo<T>(
  found: Map<string, KeyMatch<T>>,
  exact: ReadonlyMap<string, T[]>,
): (key: string, kind: KeyMatchKind, quality: number) => void {
  return function offer(key, kind, quality) {
    const values = exact.get(key);
    if (!values) return;
    const prev = found.get(key);
    if (!prev || prev.quality < quality) found.set(key, { key, values, kind, quality });
  };
}

/** The part of a key an inflected form must keep (see match-inflected.ts). */
const stemOf = (key: string): string => key.slice(0, Math.max(MIN_STEM, key.length - 2));

/**
 * Match keys (see match-key.ts) with their values, found again from a query key that is
 * the same, an inflected form of it, or a typo of it. Inflected forms are found through
 * the stem every form keeps (the key less its last two letters), typos through a
 * symmetric deletion index (one edit) or shared trigrams (two), then a bounded edit
 * distance, so the index stays fast at tens of thousands of keys.
 */
export function createKeyIndex<T>(): KeyIndex<T> {
  const exact = new Map<string, T[]>();
  const byStem = new Map<string, string[]>();
  const keys: string[] = [];
  // Words recur from mention to mention (town names, type words, the same unknown word), so
  // results are kept; adding a key invalidates them.
  const cache = new Map<string, KeyMatch<T>[]>();
  // One edit: a symmetric deletion index (two keys one edit apart share a string made by
  // deleting at most one letter from each), so the common typo costs a dozen map reads.
  const byDeletion = new Map<string, number[]>();
  // Two edits, tried only when one finds nothing: shared trigrams, then edit distance.
  const byTrigram = new Map<string, number[]>();
  let counts = new Uint16Array(64);

  const push = (map: Map<string, number[]>, k: string, id: number): void => {
    const list = map.get(k);
    if (list) list.push(id);
    else map.set(k, [id]);
  };

  function verify(
    queryKey: string,
    id: number,
    stripEnding: boolean,
    maxEdits: number,
    out: [string, number][],
  ): void {
    const key = keys[id] ?? '';
    const target = stripEnding ? stripVowels(key) : key;
    if (Math.abs(target.length - queryKey.length) > maxEdits) return;
    const allowed = Math.min(maxEdits, allowedEdits(target.length));
    const d = editDistance(queryKey, target, allowed);
    if (d <= allowed) out.push([key, d]);
  }

  function typoSearch(queryKey: string, stripEnding: boolean): [string, number][] {
    const maxEdits = allowedEdits(queryKey.length);
    if (maxEdits === 0) return [];
    const out: [string, number][] = [];
    const seen = new Set<number>();
    for (const v of deletions(queryKey, 1)) {
      for (const id of byDeletion.get(v) ?? []) {
        if (!seen.has(id)) {
          seen.add(id);
          verify(queryKey, id, stripEnding, 1, out);
        }
      }
    }
    if (out.length > 0 || maxEdits < 2) return out;
    if (counts.length < keys.length) counts = new Uint16Array(keys.length * 2);
    const touched: number[] = [];
    for (const g of new Set(trigrams(queryKey))) {
      for (const id of byTrigram.get(g) ?? []) {
        if (counts[id] === 0) touched.push(id);
        counts[id] = (counts[id] ?? 0) + 1;
      }
    }
    // Two edits spoil at most eight trigrams of the query.
    const needed = Math.max(2, queryKey.length - 8);
    for (const id of touched) {
      const count = counts[id] ?? 0;
      counts[id] = 0;
      if (count >= needed) verify(queryKey, id, stripEnding, maxEdits, out);
    }
    return out;
  }

  function search(queryKey: string, inflected: boolean, typos: boolean): KeyMatch<T>[] {
    const found = new Map<string, KeyMatch<T>>();
    const offer = offerTo(found, exact);
    if (exact.has(queryKey)) offer(queryKey, 'exact', 1);
    if (inflected) {
      for (let len = MIN_STEM; len <= queryKey.length; len++) {
        for (const key of byStem.get(queryKey.slice(0, len)) ?? []) {
          if (key === queryKey) continue;
          const m = matchInflected(queryKey, key);
          if (m) offer(key, m.kind, m.quality);
        }
      }
    }
    if (typos && found.size === 0) {
      for (const [key, d] of typoSearch(queryKey, false)) offer(key, 'typo', 1 - 0.12 * d);
      // A typo in an inflected form (у Куррстку): drop the ending, then look again.
      for (let cut = 1; found.size === 0 && cut <= 3 && queryKey.length - cut >= 5; cut++) {
        if (!ENDING.test(queryKey.slice(-cut))) continue;
        for (const [key, d] of typoSearch(queryKey.slice(0, -cut), true)) {
          offer(key, 'typo', 0.95 - 0.12 * d);
        }
      }
    }
    return [...found.values()].sort((a, b) => b.quality - a.quality);
  }

  return {
    get size() {
      return exact.size;
    },
    add(key, value) {
      if (key === '') return;
      const existing = exact.get(key);
      if (existing) {
        if (!existing.includes(value)) existing.push(value);
        return;
      }
      exact.set(key, [value]);
      cache.clear();
      if (key.length >= MIN_STEM) {
        const stem = stemOf(key);
        const list = byStem.get(stem);
        if (list) list.push(key);
        else byStem.set(stem, [key]);
      }
      const id = keys.push(key) - 1;
      const stripped = stripVowels(key);
      const variants = deletions(key, 1);
      if (stripped !== key) for (const v of deletions(stripped, 1)) variants.add(v);
      for (const v of variants) push(byDeletion, v, id);
      const grams = new Set(trigrams(key));
      if (stripped !== key) for (const g of trigrams(stripped)) grams.add(g);
      for (const g of grams) push(byTrigram, g, id);
    },
    lookup(queryKey, options = {}) {
      const inflected = options.inflected !== false;
      const typos = options.typos !== false;
      const cacheKey = `${inflected ? 'i' : '-'}${typos ? 't' : '-'}${queryKey}`;
      const cached = cache.get(cacheKey);
      if (cached) return cached;
      if (cache.size >= CACHE_SIZE) cache.clear();
      const result = search(queryKey, inflected, typos);
      cache.set(cacheKey, result);
      return result;
    },
  };
}
