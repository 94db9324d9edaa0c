import type { CompiledRecords, NameColumn } from './compile-records.js';

/** What a blocking key may be built from. */
export type BlockingPart =
  | 'familyKey'
  | 'familyEquivalence'
  | 'familyPrefix'
  | 'familySuffix'
  | 'givenName'
  | 'patronymicName'
  | 'birthYear'
  | 'birthDate'
  | 'unit';

/** Records sharing every part of a rule's key are compared; each rule has one or two parts. */
export interface BlockingRule {
  name: string;
  parts: readonly [BlockingPart] | readonly [BlockingPart, BlockingPart];
  /** Overrides the block size above which this rule compares neighbours only. */
  maxBlockSize?: number;
  /** Overrides the neighbourhood window in this rule's oversized blocks. */
  window?: number;
  /**
   * Order of neighbours in oversized blocks: by birth date (default), by family name, or by
   * family name read backwards (so a typo near its start still sorts it by its original).
   */
  sortBy?: 'birth' | 'family' | 'familyBackwards';
}

/**
 * The default rules, each catching what the others miss: a surname in another script
 * (phonetic surname + given name), a given name in a form Polon does not know (surname +
 * year), a misspelt surname (given name + full date), no date at all (surname +
 * patronymic, surname + unit), a misspelt surname and given name (patronymic + date), a
 * surname misspelt after its third letter and no date (given name + surname prefix).
 */
export const DEFAULT_BLOCKING_RULES: readonly BlockingRule[] = [
  { name: 'phonetic surname + given name', parts: ['familyEquivalence', 'givenName'] },
  { name: 'surname + birth year', parts: ['familyKey', 'birthYear'] },
  { name: 'given name + birth date', parts: ['givenName', 'birthDate'] },
  { name: 'surname + patronymic', parts: ['familyKey', 'patronymicName'] },
  { name: 'phonetic surname + unit', parts: ['familyEquivalence', 'unit'] },
  { name: 'patronymic + birth date', parts: ['patronymicName', 'birthDate'] },
  // Coarse blocks: compared as neighbours in surname order, so a typo meets its original.
  {
    name: 'given name + surname prefix',
    parts: ['givenName', 'familyPrefix'],
    maxBlockSize: 40,
    sortBy: 'family',
  },
  // A surname misspelt in its first letters (Туенко, Туренко) and no date.
  {
    name: 'given name + surname ending',
    parts: ['givenName', 'familySuffix'],
    maxBlockSize: 8,
    // Few neighbours: the rule is for a typo meeting its original, next to it backwards.
    window: 3,
    sortBy: 'familyBackwards',
  },
  // A surname misspelt and a unit, no given name or date (a fellow prisoner's memory).
  {
    name: 'unit + surname prefix',
    parts: ['unit', 'familyPrefix'],
    maxBlockSize: 12,
    window: 3,
    sortBy: 'family',
  },
  {
    name: 'unit + surname ending',
    parts: ['unit', 'familySuffix'],
    maxBlockSize: 8,
    window: 3,
    sortBy: 'familyBackwards',
  },
  // A record with little besides its surname (a testimony naming "Хузамобишин, 115 ОМБр")
  // meets the other holders of a rare surname; a common one is left to the rules above.
  { name: 'surname', parts: ['familyEquivalence'], maxBlockSize: 12, window: 2 },
];

export interface BlockingOptions {
  /** Blocks up to this size are compared all-pairs; larger ones by sorted neighbourhood. */
  maxBlockSize: number;
  /** Window of the sorted neighbourhood in oversized blocks. */
  window: number;
}

export const DEFAULT_BLOCKING_OPTIONS: BlockingOptions = { maxBlockSize: 400, window: 12 };

/** The blocks of one rule, in compressed-row form. */
export interface RuleBlocks {
  /** Block id of each record, -1 when a part is missing. */
  blockOf: Int32Array;
  /** Position of each record inside its block's member list. */
  position: Int32Array;
  /** Records grouped by block; block b is members[start[b] .. start[b + 1]). */
  members: Int32Array;
  start: Int32Array;
  blockCount: number;
  /** Blocks larger than this were compared as sorted neighbourhoods. */
  maxBlockSize: number;
  /** Neighbourhood window in oversized blocks. */
  window: number;
}

/**
 * Block ids of (part, part) keys in an open-addressing table of typed arrays: a Map keyed
 * on a × 2^22 + b held heap numbers for millions of records and kept the garbage collector
 * busy. New keys get the next id.
 */
class PairIds {
  private readonly mask: number;
  private readonly keyA: Int32Array;
  private readonly keyB: Int32Array;
  private readonly ids: Int32Array;
  private next = 0;
  constructor(records: number) {
    let capacity = 16;
    while (capacity < records * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.keyA = new Int32Array(capacity);
    this.keyB = new Int32Array(capacity);
    this.ids = new Int32Array(capacity).fill(-1);
  }
  id(a: number, b: number): number {
    let h = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77)) >>> 0;
    h = (h ^ (h >>> 15)) & this.mask;
    for (;;) {
      const id = this.ids[h] as number;
      if (id < 0) {
        this.keyA[h] = a;
        this.keyB[h] = b;
        this.ids[h] = this.next;
        return this.next++;
      }
      if (this.keyA[h] === a && this.keyB[h] === b) return id;
      h = (h + 1) & this.mask;
    }
  }
}

function nameValue(col: NameColumn, i: number): number {
  const e = col.equivalence[i] as number;
  if (e >= 0) return e;
  const k = col.key[i] as number;
  return k < 0 ? -1 : col.equivalenceCount + k;
}

function partValue(c: CompiledRecords, part: BlockingPart, i: number): number {
  switch (part) {
    case 'familyKey':
      return c.family.key[i] as number;
    case 'familyEquivalence':
      return nameValue(c.family, i);
    case 'familyPrefix':
      return c.familyPrefix[i] as number;
    case 'familySuffix':
      return c.familySuffix[i] as number;
    case 'givenName':
      return nameValue(c.given, i);
    case 'patronymicName':
      return nameValue(c.patronymic, i);
    case 'birthYear': {
      const y = c.year[i] as number;
      return y === 0 ? -1 : y;
    }
    case 'birthDate': {
      const d = c.day[i] as number;
      if (d === 0) return -1;
      return Date.UTC(c.year[i] as number, (c.month[i] as number) - 1, d) / 86_400_000 + 50_000;
    }
    case 'unit':
      return c.unit[i] as number;
  }
}

/** Order inside an oversized block: by birth date, then given name, then surname. */
function neighbourhoodKey(c: CompiledRecords, i: number): number {
  const date = (c.year[i] as number) * 512 + (c.month[i] as number) * 32 + (c.day[i] as number);
  return date * 8192 + (((c.given.key[i] as number) + 1) % 8192);
}

const backwards = (s: string): string => {
  let out = '';
  for (let k = s.length - 1; k >= 0; k--) out += s.charAt(k);
  return out;
};

/** Rank of each text in sorted order (equal texts, equal ranks). */
function textRanks(texts: readonly string[]): Int32Array {
  const ids = Array.from(texts.keys()).sort((x, y) => {
    const a = texts[x] as string;
    const b = texts[y] as string;
    return a < b ? -1 : a > b ? 1 : 0;
  });
  const rank = new Int32Array(texts.length);
  ids.forEach((id, r) => (rank[id] = r));
  return rank;
}

export function buildRuleBlocks(
  c: CompiledRecords,
  rule: BlockingRule,
  options: BlockingOptions,
): RuleBlocks {
  const n = c.size;
  const blockOf = new Int32Array(n).fill(-1);
  const ids = new PairIds(n);
  const counts: number[] = [];
  const [p1, p2] = rule.parts;
  for (let i = 0; i < n; i++) {
    const a = partValue(c, p1, i);
    if (a < 0) continue;
    let b = 0;
    if (p2 !== undefined) {
      b = partValue(c, p2, i);
      if (b < 0) continue;
    }
    const id = ids.id(a, b);
    if (id === counts.length) counts.push(0);
    blockOf[i] = id;
    counts[id] = (counts[id] as number) + 1;
  }
  const blockCount = counts.length;
  const start = new Int32Array(blockCount + 1);
  for (let b = 0; b < blockCount; b++) start[b + 1] = (start[b] as number) + (counts[b] as number);
  const fill = start.slice(0, blockCount);
  const members = new Int32Array(start[blockCount] as number);
  for (let i = 0; i < n; i++) {
    const b = blockOf[i] as number;
    if (b < 0) continue;
    members[fill[b] as number] = i;
    fill[b] = (fill[b] as number) + 1;
  }
  const position = new Int32Array(n).fill(-1);
  const maxBlockSize = rule.maxBlockSize ?? options.maxBlockSize;
  // Oversized blocks are sorted on one number per record (the rank of its surname, or its
  // date and given name), so the sort compares numbers, not strings, at a million records.
  let order: Float64Array | undefined;
  const orderOf = (): Float64Array => {
    if (order) return order;
    order = new Float64Array(n);
    if (rule.sortBy === 'family' || rule.sortBy === 'familyBackwards') {
      const texts = rule.sortBy === 'family' ? c.family.keyTexts : c.family.keyTexts.map(backwards);
      const rank = textRanks(texts);
      for (let i = 0; i < n; i++) {
        const k = c.family.key[i] as number;
        order[i] = k < 0 ? -1 : (rank[k] as number);
      }
    } else {
      for (let i = 0; i < n; i++) order[i] = neighbourhoodKey(c, i);
    }
    return order;
  };
  for (let b = 0; b < blockCount; b++) {
    const s = start[b] as number;
    const e = start[b + 1] as number;
    if (e - s > maxBlockSize) {
      const key = orderOf();
      members.subarray(s, e).sort((x, y) => (key[x] as number) - (key[y] as number) || x - y);
    }
    for (let k = s; k < e; k++) position[members[k] as number] = k - s;
  }
  return {
    blockOf,
    position,
    members,
    start,
    blockCount,
    maxBlockSize,
    window: rule.window ?? options.window,
  };
}

export function buildBlocks(
  c: CompiledRecords,
  rules: readonly BlockingRule[] = DEFAULT_BLOCKING_RULES,
  options: BlockingOptions = DEFAULT_BLOCKING_OPTIONS,
): RuleBlocks[] {
  return rules.map((rule) => buildRuleBlocks(c, rule, options));
}
