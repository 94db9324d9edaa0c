/**
 * What an anonymous reader can work out from the published person-derived figures by
 * subtraction: every published cell read as the range of true values it allows, then every
 * additive relation the pages imply (a total is the sum of its parts, a part at most the
 * whole) applied over and over until no range narrows. Written apart from the server's own
 * disclosure control, so that the test does not grade the code with the code's own rule.
 */

export interface Range {
  lo: number;
  hi: number;
}

type Cell =
  | { value: number; suppressed: false; roundedTo?: number }
  | { value: null; suppressed: true; below: number | null };

interface Sum {
  total: string;
  parts: string[];
}
interface AtMost {
  part: string;
  whole: string;
}

export interface Published {
  /** Path → the range a published cell allows. */
  cells: Map<string, Range>;
  sums: Sum[];
  atMost: AtMost[];
}

/**
 * The reading of a cell: "≈190" is what rounds to 190; "<5" is 1 to 4 where zeros are shown
 * as 0 elsewhere in the same publication (so a "<5" is not one), else 0 to 4.
 */
export function rangeOf(c: Cell, threshold: number, zerosShown: boolean): Range {
  if (c.suppressed)
    return c.below === null ? { lo: 0, hi: Infinity } : { lo: zerosShown ? 1 : 0, hi: c.below - 1 };
  const r = c.roundedTo;
  if (!r) return { lo: c.value, hi: c.value };
  return {
    lo: Math.max(threshold, c.value - Math.floor(r / 2)),
    hi: c.value + Math.ceil(r / 2) - 1,
  };
}

interface SummaryJson {
  smallCountThreshold: number;
  headline: {
    estimatedHeld: { value: Cell | null; method: string | null; inputs: { seenHeld: Cell } };
    whereabouts: { basis: string; known: Cell; lastKnown: Cell; unknown: Cell };
  };
  priorityGroups: { group: string; held: Cell | null }[];
}
interface FacilitiesJson {
  facilities: {
    id: string;
    regionCode: string | null;
    counts: { identified: Cell; lastKnown: Cell; estimate: Cell } | null;
  }[];
  regions?: { regionCode: string; identified: Cell; lastKnown: Cell }[];
}

/** The cells and relations of the summary and the facilities as served. */
export function readPublished(summary: SummaryJson, places: FacilitiesJson): Published {
  const t = summary.smallCountThreshold;
  const raw = new Map<string, Cell>();
  const put = (path: string, c: Cell | null | undefined) => {
    if (c) raw.set(path, c);
  };
  const sums: Sum[] = [];
  const atMost: AtMost[] = [];
  const h = summary.headline;
  put('seenHeld', h.estimatedHeld.inputs.seenHeld);
  put('estimatedHeld', h.estimatedHeld.value);
  if (h.estimatedHeld.method === 'seen_only')
    sums.push({ total: 'seenHeld', parts: ['estimatedHeld'] });
  put('known', h.whereabouts.known);
  put('lastKnown', h.whereabouts.lastKnown);
  put('unknown', h.whereabouts.unknown);
  sums.push({ total: 'seenHeld', parts: ['known', 'lastKnown', 'unknown'] });
  for (const g of summary.priorityGroups) {
    put(`group:${g.group}`, g.held);
    atMost.push({ part: `group:${g.group}`, whole: 'seenHeld' });
  }
  atMost.push({ part: 'group:civiliansSince2014', whole: 'group:civilians' });
  const byRegion = new Map<string, string[][]>();
  const identified: string[] = [];
  const lastKnown: string[] = [];
  for (const f of places.facilities) {
    if (!f.counts) continue;
    put(`facility:${f.id}:identified`, f.counts.identified);
    put(`facility:${f.id}:lastKnown`, f.counts.lastKnown);
    put(`facility:${f.id}:estimate`, f.counts.estimate);
    identified.push(`facility:${f.id}:identified`);
    lastKnown.push(`facility:${f.id}:lastKnown`);
    atMost.push({ part: `facility:${f.id}:identified`, whole: `facility:${f.id}:estimate` });
    if (f.regionCode) {
      const r = byRegion.get(f.regionCode) ?? [[], []];
      r[0]?.push(`facility:${f.id}:identified`);
      r[1]?.push(`facility:${f.id}:lastKnown`);
      byRegion.set(f.regionCode, r);
    }
  }
  if (identified.length) {
    sums.push({ total: 'known', parts: identified });
    sums.push({ total: 'lastKnown', parts: lastKnown });
  }
  for (const r of places.regions ?? []) {
    put(`region:${r.regionCode}:identified`, r.identified);
    put(`region:${r.regionCode}:lastKnown`, r.lastKnown);
    const [ids, lasts] = byRegion.get(r.regionCode) ?? [[], []];
    sums.push({ total: `region:${r.regionCode}:identified`, parts: ids ?? [] });
    sums.push({ total: `region:${r.regionCode}:lastKnown`, parts: lasts ?? [] });
  }
  const zerosShown = [...raw.values()].some((c) => c.value === 0);
  const cells = new Map([...raw].map(([k, c]) => [k, rangeOf(c, t, zerosShown)]));
  return { cells, sums, atMost };
}

/** Narrow every range by every relation until nothing changes: every subtraction there is. */
export function narrow(p: Published): Map<string, Range> {
  const r = new Map([...p.cells].map(([k, v]) => [k, { ...v }]));
  const get = (k: string): Range => {
    let x = r.get(k);
    if (!x) r.set(k, (x = { lo: 0, hi: Infinity }));
    return x;
  };
  const tighten = (k: string, lo: number, hi: number): boolean => {
    const x = get(k);
    const nlo = Math.max(x.lo, lo);
    const nhi = Math.min(x.hi, hi);
    if (nlo === x.lo && nhi === x.hi) return false;
    x.lo = nlo;
    x.hi = nhi;
    return true;
  };
  for (let round = 0; round < 1000; round++) {
    let changed = false;
    for (const s of p.sums) {
      const parts = s.parts.map(get);
      const lo = parts.reduce((a, x) => a + x.lo, 0);
      const hi = parts.reduce((a, x) => a + x.hi, 0);
      changed = tighten(s.total, lo, hi) || changed;
      const t = get(s.total);
      s.parts.forEach((k, i) => {
        const x = parts[i] ?? { lo: 0, hi: Infinity };
        // The total less every other part: the subtraction the issue describes.
        changed = tighten(k, t.lo - (hi - x.hi), t.hi - (lo - x.lo)) || changed;
      });
    }
    for (const a of p.atMost) {
      changed = tighten(a.part, 0, get(a.whole).hi) || changed;
      changed = tighten(a.whole, get(a.part).lo, Infinity) || changed;
    }
    if (!changed) break;
  }
  return r;
}

/** Cells whose worked-out range is one count from 1 to threshold − 1. */
export function recovered(ranges: Map<string, Range>, threshold: number): string[] {
  return [...ranges]
    .filter(([, x]) => x.lo === x.hi && x.lo >= 1 && x.lo < threshold)
    .map(([k, x]) => `${k} = ${x.lo}`);
}

/**
 * Cells whose change between two snapshots is worked out exactly (and is not zero): each
 * change lies between the difference of the two ranges, and the changes obey the same sums
 * (a total's change is the sum of its parts' changes), narrowed together.
 */
export function exactChanges(
  before: Map<string, Range>,
  after: Map<string, Range>,
  sums: Published['sums'],
): string[] {
  const cells = new Map<string, Range>();
  for (const [k, a] of after) {
    const b = before.get(k);
    if (b) cells.set(k, { lo: a.lo - b.hi, hi: a.hi - b.lo });
  }
  const known = (k: string) => cells.has(k);
  const changes = narrow({
    cells,
    sums: sums.filter((s) => known(s.total) && s.parts.every(known)),
    atMost: [],
  });
  return [...changes]
    .filter(([, x]) => x.lo === x.hi && x.lo !== 0)
    .map(([k, x]) => `${k} changed by ${x.lo}`);
}
