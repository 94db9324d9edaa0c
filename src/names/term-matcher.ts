import type { FacilityTerm, TermRole } from './facility-vocabulary.js';
import { editDistance } from './edit-distance.js';
import { matchKey } from './match-key.js';
import { normalise } from './normalise.js';

type WordPattern =
  | { kind: 'key'; key: string; bigrams: readonly string[] }
  | { kind: 'stem'; key: string; maxEnding: number; bigrams: readonly string[] }
  | { kind: 'token'; token: string };

const bigramsOf = (key: string): string[] => {
  const out: string[] = [];
  for (let i = 0; i + 2 <= key.length; i++) out.push(key.slice(i, i + 2));
  return out;
};

interface CompiledTerm {
  words: WordPattern[];
  role: TermRole;
  order: number;
}

export interface TermMatch {
  /** How many tokens, from the start position, the term covers. */
  length: number;
  role: TermRole;
}

export interface TermMatcher {
  /**
   * The longest term starting at `start`; `keys[i]` is `matchKey(tokens[i])`. With
   * `typos`, each word of a term may be one edit off (излятор временного содержания).
   */
  match(
    tokens: readonly string[],
    keys: readonly string[],
    start: number,
    typos?: boolean,
  ): TermMatch | undefined;
}

// A stem covers its word forms, not longer words that merely begin with it; number stems
// get less room so перв* takes первый, not Первомайск.
const MAX_STEM_ENDING = 6;
const MAX_NUMBER_STEM_ENDING = 4;
const STEM_INDEX_LENGTH = 3;
// Shorter words are one typo away from too many others (ик, ік, it).
const MIN_TYPO_KEY = 5;
const MIN_TYPO_STEM = 4;
const NONE: readonly CompiledTerm[] = [];
// Unknown words recur between mentions; their candidate terms are kept.
const TYPO_CACHE_SIZE = 10_000;
const LONG_STEM = 8;

function compileWord(word: string, role: TermRole): WordPattern {
  if (word.startsWith('=')) return { kind: 'token', token: normalise(word.slice(1)) };
  if (word.endsWith('*')) {
    const maxEnding = role.kind === 'number' ? MAX_NUMBER_STEM_ENDING : MAX_STEM_ENDING;
    const key = matchKey(normalise(word.slice(0, -1)));
    return { kind: 'stem', key, maxEnding, bigrams: bigramsOf(key) };
  }
  const key = matchKey(normalise(word));
  return { kind: 'key', key, bigrams: bigramsOf(key) };
}

function wordMatches(p: WordPattern, token: string, key: string): boolean {
  switch (p.kind) {
    case 'token':
      return token === p.token;
    case 'key':
      return key === p.key;
    case 'stem':
      return key.startsWith(p.key) && key.length - p.key.length <= p.maxEnding;
  }
}

function wordMatchesWithTypo(p: WordPattern, key: string): boolean {
  if (key.length < MIN_TYPO_KEY || p.kind === 'token') return false;
  // Cheap filter first: a word within e edits of the pattern keeps most of its letter pairs.
  const edits = p.key.length >= LONG_STEM ? 2 : 1;
  let shared = 0;
  for (const b of p.bigrams) if (key.includes(b)) shared++;
  if (shared < p.bigrams.length - 2 * edits) return false;
  if (p.kind === 'key') return p.key.length >= MIN_TYPO_KEY && editDistance(key, p.key, 1) <= 1;
  if (p.kind !== 'stem' || p.key.length < MIN_TYPO_STEM) return false;
  // One typed letter may be two key letters (я → ia), so long stems allow two key edits.
  for (let len = p.key.length - edits; len <= p.key.length + edits; len++) {
    if (len < MIN_TYPO_STEM || len > key.length || key.length - len > p.maxEnding) continue;
    if (editDistance(key.slice(0, len), p.key, edits) <= edits) return true;
  }
  return false;
}

export function createTermMatcher(terms: readonly FacilityTerm[]): TermMatcher {
  const byToken = new Map<string, CompiledTerm[]>();
  const byKey = new Map<string, CompiledTerm[]>();
  const byStem = new Map<string, CompiledTerm[]>();
  const add = (map: Map<string, CompiledTerm[]>, k: string, t: CompiledTerm): void => {
    const list = map.get(k);
    if (list) list.push(t);
    else map.set(k, [t]);
  };
  // Terms by the letter pairs of their first word, to find typo candidates without a scan.
  const byBigram = new Map<string, CompiledTerm[]>();
  terms.forEach((term, order) => {
    const words = term.phrase
      .split(' ')
      .filter((w) => w !== '')
      .map((w) => compileWord(w, term.role));
    const first = words[0];
    if (!first) return;
    const compiled: CompiledTerm = { words, role: term.role, order };
    if (first.kind !== 'token') {
      for (const b of new Set(first.bigrams)) add(byBigram, b, compiled);
    }
    if (first.kind === 'token') add(byToken, first.token, compiled);
    else if (first.kind === 'key') add(byKey, first.key, compiled);
    else add(byStem, first.key.slice(0, STEM_INDEX_LENGTH), compiled);
  });

  const typoCache = new Map<string, CompiledTerm[]>();
  function typoCandidates(key: string): CompiledTerm[] {
    if (key.length < MIN_TYPO_KEY) return [];
    const cached = typoCache.get(key);
    if (cached) return cached;
    if (typoCache.size >= TYPO_CACHE_SIZE) typoCache.clear();
    const found = findTypoCandidates(key);
    typoCache.set(key, found);
    return found;
  }

  function findTypoCandidates(key: string): CompiledTerm[] {
    const shared = new Map<CompiledTerm, number>();
    for (let i = 0; i + 2 <= key.length; i++) {
      for (const t of byBigram.get(key.slice(i, i + 2)) ?? [])
        shared.set(t, (shared.get(t) ?? 0) + 1);
    }
    const out: CompiledTerm[] = [];
    for (const [t, count] of shared) {
      const first = t.words[0];
      if (first && first.kind !== 'token' && count >= first.bigrams.length - 4) out.push(t);
    }
    return out;
  }

  return {
    match(tokens, keys, start, typos = false) {
      const token = tokens[start];
      const key = keys[start];
      if (token === undefined || key === undefined) return undefined;
      const lists = typos
        ? [typoCandidates(key)]
        : [byToken.get(token), byKey.get(key), byStem.get(key.slice(0, STEM_INDEX_LENGTH))];
      let best: CompiledTerm | undefined;
      for (const list of lists)
        for (const c of list ?? NONE) {
          if (start + c.words.length > tokens.length) continue;
          let ok = true;
          for (let i = 0; i < c.words.length && ok; i++) {
            const p = c.words[i];
            const t = tokens[start + i] ?? '';
            const k = keys[start + i] ?? '';
            ok = p !== undefined && (wordMatches(p, t, k) || (typos && wordMatchesWithTypo(p, k)));
          }
          if (!ok) continue;
          if (
            !best ||
            c.words.length > best.words.length ||
            (c.words.length === best.words.length && c.order < best.order)
          ) {
            best = c;
          }
        }
      return best ? { length: best.words.length, role: best.role } : undefined;
    },
  };
}
