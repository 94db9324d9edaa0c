import type { PriorityGroup } from '../../../contract/publication.js';
import { controlDisclosure, roundTo } from '../../core/disclosure-control.js';
import type { PublicCount } from '../../core/small-count.js';
import type { CaptivityEstimate } from '../estimates/index.js';

export type GroupName = PriorityGroup['group'];

/** Every person-derived count the public pages show, after disclosure control. */
export interface PersonCounts {
  seenHeld: PublicCount;
  estimatedHeld: PublicCount;
  known: PublicCount;
  lastKnown: PublicCount;
  unknown: PublicCount;
  groups: Record<GroupName, PublicCount>;
  facility(id: string): { identified: PublicCount; lastKnown: PublicCount; estimate: PublicCount };
  regions: { regionCode: string; identified: PublicCount; lastKnown: PublicCount }[];
}

const NO_REGION = '';

/**
 * The public figures as one set of linked tables, protected together (disclosure-control.ts):
 * held = known + last known + unknown; known and last known = the sums over regions = the
 * sums over facilities. A facility estimate that is its identified count is the same cell;
 * one from occupancy reports, the priority groups and the estimate stand alone.
 */
export function protectPersonCounts(input: {
  captivity: CaptivityEstimate;
  groups: Record<GroupName, number>;
  /** The facilities published, with their region. */
  facilities: { id: string; regionCode: string | null }[];
  threshold: number;
}): PersonCounts {
  const c = input.captivity;
  const counts = new Map<string, number>();
  const unpublished = new Set<string>();
  const sums: { total: string; parts: string[] }[] = [];
  counts.set('seenHeld', c.seen.held);
  const mse = c.estimatedHeld.method !== 'seen_only';
  if (mse) counts.set('estimatedHeld', c.estimatedHeld.value);
  counts.set('known', c.whereabouts.known);
  counts.set('lastKnown', c.whereabouts.lastKnown);
  counts.set('unknown', c.whereabouts.unknown);
  // The whereabouts split counts the persons held as of the day, as the seen count does; were
  // they ever to differ, the sum would not hold and a reader could not use it either.
  if (c.seen.held === c.whereabouts.known + c.whereabouts.lastKnown + c.whereabouts.unknown)
    sums.push({ total: 'seenHeld', parts: ['known', 'lastKnown', 'unknown'] });
  for (const [g, n] of Object.entries(input.groups)) counts.set(`group:${g}`, n);

  const byId = new Map(c.facilities.map((f) => [f.facilityId, f]));
  const regionOf = new Map(input.facilities.map((f) => [f.id, f.regionCode ?? NO_REGION]));
  // A place the persons name that is not published still adds to the sums: it is a hidden cell.
  for (const f of c.facilities)
    if (!regionOf.has(f.facilityId)) {
      regionOf.set(f.facilityId, NO_REGION);
      unpublished
        .add(`facility:${f.facilityId}:identified`)
        .add(`facility:${f.facilityId}:lastKnown`);
    }
  const inRegion = new Map<string, string[]>();
  for (const [id, region] of regionOf) {
    const k = byId.get(id);
    counts.set(`facility:${id}:identified`, k?.identified ?? 0);
    counts.set(`facility:${id}:lastKnown`, k?.lastKnown ?? 0);
    if (k?.estimateBasis === 'occupancy_reports')
      counts.set(`facility:${id}:estimate`, Math.round(k.estimate));
    inRegion.set(region, [...(inRegion.get(region) ?? []), id]);
  }
  for (const what of ['identified', 'lastKnown'] as const) {
    const regions: string[] = [];
    for (const [region, ids] of inRegion) {
      const key = `region:${region}:${what}`;
      const parts = ids.map((id) => `facility:${id}:${what}`);
      counts.set(
        key,
        parts.reduce((a, p) => a + (counts.get(p) ?? 0), 0),
      );
      if (region === NO_REGION) unpublished.add(key);
      sums.push({ total: key, parts });
      regions.push(key);
    }
    sums.push({ total: what === 'identified' ? 'known' : 'lastKnown', parts: regions });
  }

  const cells = controlDisclosure({ counts, sums, unpublished }, { threshold: input.threshold });
  const cell = (k: string): PublicCount => {
    const x = cells.get(k);
    if (!x) throw new Error(`no protected cell ${k}`);
    return x;
  };
  const groups = Object.fromEntries(
    Object.keys(input.groups).map((g) => [g, cell(`group:${g}`)]),
  ) as Record<GroupName, PublicCount>;
  return {
    seenHeld: cell('seenHeld'),
    estimatedHeld: cell(mse ? 'estimatedHeld' : 'seenHeld'),
    known: cell('known'),
    lastKnown: cell('lastKnown'),
    unknown: cell('unknown'),
    groups,
    facility: (id) => {
      const identified = cell(`facility:${id}:identified`);
      return {
        identified,
        lastKnown: cell(`facility:${id}:lastKnown`),
        estimate: counts.has(`facility:${id}:estimate`)
          ? cell(`facility:${id}:estimate`)
          : identified,
      };
    },
    regions: [...inRegion.keys()]
      .filter((r) => r !== NO_REGION)
      .sort()
      .map((regionCode) => ({
        regionCode,
        identified: cell(`region:${regionCode}:identified`),
        lastKnown: cell(`region:${regionCode}:lastKnown`),
      })),
  };
}

/** An interval bound from person records, rounded as the counts are. */
export const roundBound = (n: number | null, threshold: number): number | null =>
  n === null ? null : roundTo(Math.round(n), Math.max(1, threshold));
