import { AppError } from '../core/app-error.js';

/**
 * The hierarchical log-linear models searched: all main effects, any subset of two-way
 * interactions and, when allowed, three-way interactions whose three two-way terms are all
 * present. A term is the bit mask of its lists (0 is the intercept), because with 0/1 coding
 * the column of a term is the indicator "on every list of the term" and the product of two
 * columns is the column of the union of their masks: the fitter relies on that.
 */
export interface LogLinearModel {
  /** Term masks: intercept (0) first, then main effects, two-way, three-way terms. */
  terms: Int32Array;
}

export type MaxOrder = 2 | 3;

/** Three-way terms multiply the model space quickly; beyond four lists they are not searched. */
export const MAX_LISTS_FOR_THREE_WAY = 4;

export function popcount(mask: number): number {
  let c = 0;
  for (let m = mask; m !== 0; m &= m - 1) c++;
  return c;
}

/** All masks with `order` bits among k, in lexicographic order of their list indices. */
export function interactionMasks(k: number, order: number): number[] {
  const out: number[] = [];
  const pick = (start: number, left: number, mask: number): void => {
    if (left === 0) {
      out.push(mask);
      return;
    }
    for (let i = start; i <= k - left; i++) pick(i + 1, left - 1, mask | (1 << i));
  };
  pick(0, order, 0);
  return out;
}

export function termName(mask: number, lists: readonly string[]): string {
  const names: string[] = [];
  lists.forEach((name, i) => {
    if (mask & (1 << i)) names.push(name);
  });
  return names.join(':');
}

/** Term names as the output shows them: the intercept is implicit and not listed. */
export function modelTermNames(model: LogLinearModel, lists: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of model.terms) if (t !== 0) out.push(termName(t, lists));
  return out;
}

function sortTerms(masks: number[]): Int32Array {
  const rest = masks.filter((m) => m !== 0);
  rest.sort((a, b) => popcount(a) - popcount(b) || lexKey(a) - lexKey(b));
  return Int32Array.from([0, ...rest]);
}

/** Orders same-order terms by their list indices (A:B before A:C before B:C). */
function lexKey(mask: number): number {
  let key = 0;
  for (let i = 0; i < 31; i++) if (mask & (1 << i)) key = key * 32 + i;
  return key;
}

export function mainEffectMasks(k: number): number[] {
  return Array.from({ length: k }, (_, i) => 1 << i);
}

export function independenceModel(k: number): LogLinearModel {
  return { terms: sortTerms(mainEffectMasks(k)) };
}

/**
 * Every model of the search. With k lists there are 2^(k(k−1)/2) two-way subsets (32,768
 * for six lists); three-way terms add the subsets of the "triangles" each two-way subset
 * contains. The independence model comes first.
 */
export function enumerateModels(k: number, maxOrder: MaxOrder): LogLinearModel[] {
  if (maxOrder === 3 && k > MAX_LISTS_FOR_THREE_WAY) {
    throw new AppError(
      'invalid_input',
      `three-way interactions are searched for at most ${MAX_LISTS_FOR_THREE_WAY} lists, not ${k}; fix: use maxOrder 2 or fewer lists`,
    );
  }
  const mains = mainEffectMasks(k);
  const pairs = interactionMasks(k, 2);
  const triples = maxOrder === 3 ? interactionMasks(k, 3) : [];
  const tripleParts = triples.map((t) => subMasks(t, 2));
  const models: LogLinearModel[] = [];
  const nSubsets = 2 ** pairs.length;
  for (let g = 0; g < nSubsets; g++) {
    // Gray-code order: each model differs from the previous by one two-way term, so the
    // search can start each fit from the previous estimate.
    const s = g ^ (g >> 1);
    const chosen: number[] = [];
    pairs.forEach((p, i) => {
      if (s & (1 << i)) chosen.push(p);
    });
    const allowed = triples.filter((_, i) =>
      (tripleParts[i] ?? []).every((m) => chosen.includes(m)),
    );
    const nTriple = 2 ** allowed.length;
    for (let u = 0; u < nTriple; u++) {
      // Built in canonical order (mains, pairs, triples, each lexicographic): no sort needed.
      const terms = [0, ...mains, ...chosen];
      allowed.forEach((t, i) => {
        if (u & (1 << i)) terms.push(t);
      });
      models.push({ terms: Int32Array.from(terms) });
    }
  }
  return models;
}

/** The sub-terms of `mask` with `order` bits (for hierarchy checks). */
export function subMasks(mask: number, order: number): number[] {
  const bits: number[] = [];
  for (let i = 0; i < 31; i++) if (mask & (1 << i)) bits.push(1 << i);
  const out: number[] = [];
  const pick = (start: number, left: number, m: number): void => {
    if (left === 0) {
      out.push(m);
      return;
    }
    for (let i = start; i <= bits.length - left; i++) pick(i + 1, left - 1, m | (bits[i] ?? 0));
  };
  pick(0, order, 0);
  return out;
}

/**
 * Parses terms written "A", "A:B" into a model, adding the main effects the user left out
 * (every model here contains all of them) and rejecting a model that is not hierarchical.
 */
export function parseModel(terms: readonly string[], lists: readonly string[]): LogLinearModel {
  const index = new Map(lists.map((name, i) => [name, i]));
  const masks = new Set<number>(mainEffectMasks(lists.length));
  for (const term of terms) {
    let mask = 0;
    for (const name of term.split(':')) {
      const i = index.get(name);
      if (i === undefined) {
        throw new AppError(
          'invalid_input',
          `term "${term}" names "${name}", which is not one of the lists (${lists.join(', ')}); fix: write terms as list names joined by ":"`,
        );
      }
      if (mask & (1 << i)) {
        throw new AppError(
          'invalid_input',
          `term "${term}" names "${name}" twice; fix: name each list once per term`,
        );
      }
      mask |= 1 << i;
    }
    masks.add(mask);
  }
  for (const mask of masks) {
    const order = popcount(mask);
    if (order < 2) continue;
    for (const sub of subMasks(mask, order - 1)) {
      if (!masks.has(sub)) {
        throw new AppError(
          'invalid_input',
          `term "${termName(mask, lists)}" needs its lower-order term "${termName(sub, lists)}" (models must be hierarchical); fix: add "${termName(sub, lists)}"`,
        );
      }
    }
  }
  return { terms: sortTerms([...masks]) };
}
