import { FACILITY_TERMS } from './facility-vocabulary.js';
import type { FacilityConcept } from './facility-vocabulary.js';
import { matchKey } from './match-key.js';
import { tokenise } from './normalise.js';
import { CARDINAL_WORDS, ORDINAL_TERMS } from './number-words.js';
import type { PlaceHit, PlaceIndex } from './place-index.js';
import { STOP_WORDS } from './stop-words.js';
import { createTermMatcher } from './term-matcher.js';

/** What a mention of a place of detention says, word by word. */
export interface MentionAnalysis {
  tokens: string[];
  keys: string[];
  types: { concept: FacilityConcept; tokens: number[] }[];
  /** Facility numbers (СИЗО-2 → 2); not years, cell or house numbers. */
  numbers: { value: number; token: number }[];
  features: { feature: string; tokens: number[] }[];
  places: PlaceHit[];
  /** Tokens that carry nothing to match: stop words, ФКУ ГУФСИН, markers, years. */
  ignorable: boolean[];
  /** Tokens none of the above explains: candidates for words of a proper name. */
  free: number[];
  /** Where a relative clause begins ("… where ICRC visited"): what follows describes. */
  clauseStart: number;
}

export interface AnalyseOptions {
  /**
   * Whether a word is a known name word; such words are never read as a misspelt
   * vocabulary term. Without it, no term is looked for with typos.
   */
  knownWord?: (key: string) => boolean;
}

const terms = createTermMatcher([...FACILITY_TERMS, ...ORDINAL_TERMS]);
const DIGITS = /^\d+$/;
// Numbers after these are cell, block or house numbers, not the facility's own; a house
// number may also come before a street ("26 Shevchenko Boulevard").
const NUMBER_AFTER = new Set(['street', 'boulevard', 'cell', 'building']);
const NUMBER_BEFORE = new Set(['street', 'boulevard']);
const PRISON_LETTER = new Set(['т', 't']);
const RELATIVE = new Set(
  'where which who that whose де куди який яка яке які котрий де где куда который которая которое которые'.split(
    ' ',
  ),
);

/**
 * Splits a mention into what it says: facility types (СИЗО, penal colony), numbers,
 * translatable features (basement, school), places (towns and regions, via `places`), and
 * the words left over, which may be a proper name (Izolyatsia, Lefortovo).
 */
export function analyseMention(
  text: string,
  places: PlaceIndex,
  options: AnalyseOptions = {},
): MentionAnalysis {
  const tokens = tokenise(text);
  const keys = tokens.map(matchKey);
  const n = tokens.length;
  const ignorable = new Array<boolean>(n).fill(false);
  const used = new Array<boolean>(n).fill(false);
  const types: MentionAnalysis['types'] = [];
  const features: MentionAnalysis['features'] = [];
  const numberAt = new Map<number, number>();
  const regionMarkers = new Set<number>();
  const numberMarkers = new Set<number>();
  const numberAfter = new Set<number>();
  const numberBefore = new Set<number>();
  const typeTokens = new Set<number>();

  for (let i = 0; i < n;) {
    const m = terms.match(tokens, keys, i);
    if (!m) {
      i++;
      continue;
    }
    const span = Array.from({ length: m.length }, (_, k) => i + k);
    for (const k of span) used[k] = true;
    const role = m.role;
    switch (role.kind) {
      case 'type':
        types.push({ concept: role.concept, tokens: span });
        for (const k of span) typeTokens.add(k);
        break;
      case 'feature':
        features.push({ feature: role.feature, tokens: span });
        if (NUMBER_AFTER.has(role.feature)) for (const k of span) numberAfter.add(k);
        if (NUMBER_BEFORE.has(role.feature)) for (const k of span) numberBefore.add(k);
        break;
      case 'number':
        numberAt.set(i, role.value);
        break;
      case 'number-marker':
        for (const k of span) numberMarkers.add(k);
        for (const k of span) ignorable[k] = true;
        break;
      case 'region-marker':
        for (const k of span) regionMarkers.add(k);
        for (const k of span) ignorable[k] = true;
        break;
      default:
        for (const k of span) ignorable[k] = true;
    }
    i += m.length;
  }

  for (let i = 0; i < n; i++) {
    const token = tokens[i] ?? '';
    if (used[i]) continue;
    if (DIGITS.test(token)) {
      used[i] = true;
      const value = Number(token);
      const address =
        !typeTokens.has(i - 1) &&
        (numberAfter.has(i - 1) ||
          numberAfter.has(i - 2) ||
          numberBefore.has(i + 1) ||
          numberBefore.has(i + 2));
      if (token.length <= 3 && !address) numberAt.set(i, value);
      else ignorable[i] = true;
    } else if (numberMarkers.has(i - 1) && CARDINAL_WORDS.has(token)) {
      used[i] = true;
      numberAt.set(i, CARDINAL_WORDS.get(token) ?? 0);
    } else if (PRISON_LETTER.has(token) && DIGITS.test(tokens[i + 1] ?? '')) {
      used[i] = true;
      types.push({ concept: 'prison', tokens: [i] });
    } else if (STOP_WORDS.has(token)) {
      ignorable[i] = true;
    }
  }

  const eligible = tokens.map((_, i) => !used[i] && !ignorable[i]);
  const hits = places.recognise(keys, eligible, regionMarkers, options.knownWord);
  const placed = new Set(hits.flatMap((h) => h.tokens));
  const free: number[] = [];
  const { knownWord } = options;
  for (let i = 0; i < n; i++) {
    if (!eligible[i] || placed.has(i)) continue;
    const key = keys[i] ?? '';
    // A word that is neither a place nor a known name word may be a misspelt term.
    const m = knownWord && !knownWord(key) ? terms.match(tokens, keys, i, true) : undefined;
    const role = m?.role;
    const span = Array.from({ length: m?.length ?? 1 }, (_, k) => i + k);
    if (role?.kind === 'type') types.push({ concept: role.concept, tokens: span });
    else if (role?.kind === 'feature') features.push({ feature: role.feature, tokens: span });
    else if (role && role.kind !== 'number') ignorable[i] = true;
    else free.push(i);
    if (role) {
      for (const k of span) {
        ignorable[k] = role.kind !== 'type' && role.kind !== 'feature';
        const t = types.findIndex((x) => x.tokens.includes(k) && !span.includes(x.tokens[0] ?? -1));
        if (t >= 0) types.splice(t, 1);
      }
      i += span.length - 1;
    }
  }
  const clause = tokens.findIndex((t, i) => i > 0 && RELATIVE.has(t));

  const numbers = [...numberAt.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([token, value]) => ({ value, token }));
  return {
    tokens,
    keys,
    types,
    numbers,
    features,
    places: hits,
    ignorable,
    free,
    clauseStart: clause < 0 ? n : clause,
  };
}
