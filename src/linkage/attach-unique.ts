import type { CandidatePairs } from './candidate-pairs.js';
import type { CompiledRecords } from './compile-records.js';
import { levelOf } from './compare-records.js';
import { jaroWinkler } from './jaro-winkler.js';

/** Union–find over records, as the clustering keeps it. */
export interface ClusterState {
  find(x: number): number;
  list(root: number): number[];
  union(ra: number, rb: number): void;
  /** Whether joining the two clusters would put clearly different people together. */
  conflicts(la: number[], lb: number[]): boolean;
  /**
   * How well two clusters agree, field by field at their best (bits): a cluster's records
   * together may agree with a mention on more than any one of them does.
   */
  profile?(la: number[], lb: number[]): number;
}

/** Bits by which one candidate's profile must beat the next for the mention to go to it. */
const PROFILE_MARGIN = 3;

const ONE_YEAR_APART = 6;

/**
 * Family and given name agree (exactly, as equivalent spellings, or one letter off) and
 * nothing speaks against it; a surname only phonetically alike (Голейко, Голюк) must also
 * be spelt alike.
 */
export function namesAgree(c: CompiledRecords, pattern: number, i: number, j: number): boolean {
  const family = levelOf(pattern, 0);
  const given = levelOf(pattern, 1);
  if (family < 1 || family > 3) return false;
  // A surname and a unit, no given name (a fellow prisoner's "Хузамобишин, 115 ОМБр").
  const unitOnly = given === 0 && levelOf(pattern, 5) === 1;
  if (!unitOnly && (given < 1 || given > 3)) return false;
  if (levelOf(pattern, 3) === ONE_YEAR_APART || levelOf(pattern, 5) === 2) return false;
  if (family !== 2) return true;
  const a = c.family.keyTexts[c.family.key[i] as number] as string;
  const b = c.family.keyTexts[c.family.key[j] as number] as string;
  return jaroWinkler(a, b) >= SPELT_ALIKE;
}

const SPELT_ALIKE = 0.9;

/**
 * Second pass of the clustering: a record (or cluster) whose namesakes, among all the
 * records it could be, may all be one person is joined to them, even when the pair's
 * weight stays below the threshold.
 *
 * Why: a pair's weight measures how common the name is by counting records, and the
 * person's own other records count as namesakes — five lists naming one rare "Дорошенко
 * Олександр" make a name-only mention of him look five times as doubtful. Once the sure
 * pairs are joined, namesakes can be counted as people: if no two of the clusters sharing
 * the name (and not clearly someone else) are clearly different people, there is one
 * candidate. Two namesakes told apart by their dates or fathers leave it apart.
 */
export function attachUniquePartners(
  pairs: CandidatePairs,
  /** Candidate pair indices whose names agree and which are no hard conflict. */
  namePairs: readonly number[],
  weightOf: (k: number) => number,
  floorWeight: number,
  maxClusterSize: number,
  skip: (a: number, b: number) => boolean,
  state: ClusterState,
  /**
   * Each record's list; when given, a cluster already holding a record of a list is no
   * candidate for another record of that list.
   */
  source?: ArrayLike<number>,
): number {
  // Each record's name partners in compressed rows (typed arrays, not an array per record):
  // at a million records there are millions of name pairs.
  let top = 0;
  for (const k of namePairs) top = Math.max(top, pairs.a[k] as number, pairs.b[k] as number);
  const start = new Int32Array(top + 2);
  for (const k of namePairs) {
    const a = (pairs.a[k] as number) + 1;
    const b = (pairs.b[k] as number) + 1;
    start[a] = (start[a] as number) + 1;
    start[b] = (start[b] as number) + 1;
  }
  for (let x = 0; x <= top; x++) start[x + 1] = (start[x + 1] as number) + (start[x] as number);
  const fill = start.slice(0, top + 1);
  const partnerOf = new Int32Array(start[top + 1] as number);
  const attachable: { k: number; w: number }[] = [];
  for (const k of namePairs) {
    const a = pairs.a[k] as number;
    const b = pairs.b[k] as number;
    partnerOf[fill[a] as number] = b;
    fill[a] = (fill[a] as number) + 1;
    partnerOf[fill[b] as number] = a;
    fill[b] = (fill[b] as number) + 1;
    const w = weightOf(k);
    if (w >= floorWeight) attachable.push({ k, w });
  }
  attachable.sort((x, y) => y.w - x.w || x.k - y.k);
  /** Whether the two clusters hold records of one list. */
  const sharesList = (la: number[], lb: number[]): boolean => {
    if (!source) return false;
    const mine = new Set<number>();
    for (const x of la) mine.add(source[x] as number);
    return lb.some((y) => mine.has(source[y] as number));
  };
  // Every cluster sharing its name with a record of `members` that may be the same person
  // may be one person with every other: no two of them are clearly different people. A
  // cluster is not a candidate when it clearly differs from `members`, or when it already
  // holds a record of one of their lists: a list names a person once, so "Олександр
  // Коваленко" in the press is not the namesake whom the press has named already.
  const onePersonAround = (members: number[], own: number, target: number): boolean => {
    const roots = new Set<number>();
    for (const x of members) {
      if (x > top) continue;
      for (let p = start[x] as number; p < (start[x + 1] as number); p++) {
        const r = state.find(partnerOf[p] as number);
        if (r === own) continue;
        roots.add(r);
        if (roots.size > 8) return false;
      }
    }
    const lists: number[][] = [];
    const listRoots: number[] = [];
    for (const r of roots) {
      const l = state.list(r);
      if (sharesList(members, l)) continue;
      if (state.conflicts(members, l)) continue;
      lists.push(l);
      listRoots.push(r);
      if (lists.length > 4) return false;
    }
    let onePerson = true;
    for (let p = 0; p < lists.length && onePerson; p++) {
      for (let q = p + 1; q < lists.length; q++) {
        if (state.conflicts(lists[p] as number[], lists[q] as number[])) {
          onePerson = false;
          break;
        }
      }
    }
    if (onePerson) return true;
    // Two different people fit: the mention goes to one only if it fits him clearly better.
    if (!state.profile) return false;
    let best = -Infinity;
    let second = -Infinity;
    let bestRoot = -1;
    lists.forEach((l, k) => {
      const w = state.profile?.(members, l) as number;
      if (w > best) {
        second = best;
        best = w;
        bestRoot = listRoots[k] as number;
      } else if (w > second) second = w;
    });
    return bestRoot === target && best - second >= PROFILE_MARGIN;
  };
  let attached = 0;
  for (const { k } of attachable) {
    const a = pairs.a[k] as number;
    const b = pairs.b[k] as number;
    const ra = state.find(a);
    const rb = state.find(b);
    if (ra === rb || skip(a, b)) continue;
    const la = state.list(ra);
    const lb = state.list(rb);
    if (la.length + lb.length > maxClusterSize) continue;
    if (state.conflicts(la, lb)) continue;
    if (sharesList(la, lb)) continue;
    if (!onePersonAround(la, ra, rb) || !onePersonAround(lb, rb, ra)) continue;
    state.union(ra, rb);
    attached++;
  }
  return attached;
}
