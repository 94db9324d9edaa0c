import type { PriorityGroup } from '../../../contract/publication.js';
import { controlDisclosure, roundTo } from '../../core/disclosure-control.js';
import type { PublicCount } from '../../core/small-count.js';
import type { FrozenFigures } from './frozen-figures.js';

export type GroupName = PriorityGroup['group'];

/** Every person-derived count the public pages show, after disclosure control. */
export interface PersonCounts {
  seenHeld: PublicCount;
  estimatedHeld: PublicCount;
  known: PublicCount;
  lastKnown: PublicCount;
  unknown: PublicCount;
  /** null where no held person's records state the trait. */
  groups: Record<GroupName, PublicCount | null>;
  facility(id: string): { identified: PublicCount; lastKnown: PublicCount; estimate: PublicCount };
  regions: { regionCode: string; identified: PublicCount; lastKnown: PublicCount }[];
}

const NO_REGION = '';

const NOTHING_PUBLISHED: FrozenFigures = {
  basis: 'none',
  caveats: [],
  seenHeld: 0,
  estimatedHeld: { value: 0, ci95: null, method: 'seen_only' },
  whereabouts: { known: 0, lastKnown: 0, unknown: 0, windowDays: 183 },
  priorityHeld: {
    women: null,
    civilians: null,
    seriouslyIllOrWounded: null,
    age60plus: null,
    disability: null,
    civiliansSince2014: null,
  },
  facilities: [],
};

/**
 * The public figures as one set of linked tables, protected together (disclosure-control.ts):
 * held = known + last known + unknown; known and last known = the sums over regions = the
 * sums over facilities. A facility estimate that is its identified count is the same cell;
 * one from occupancy reports, the priority groups and the estimate stand alone.
 */
export function protectPersonCounts(input: {
  /** The figures an analyst published; null before anything is. */
  figures: FrozenFigures | null;
  /** The facilities published, with their region. */
  facilities: { id: string; regionCode: string | null }[];
  threshold: number;
}): PersonCounts {
  const c = input.figures ?? NOTHING_PUBLISHED;
  const counts = new Map<string, number>();
  const unpublished = new Set<string>();
  const sums: { total: string; parts: string[] }[] = [];
  counts.set('seenHeld', c.seenHeld);
  const mse = c.estimatedHeld.method !== 'seen_only';
  if (mse) counts.set('estimatedHeld', c.estimatedHeld.value);
  counts.set('known', c.whereabouts.known);
  counts.set('lastKnown', c.whereabouts.lastKnown);
  counts.set('unknown', c.whereabouts.unknown);
  // The whereabouts split counts the persons held as of the day, as the seen count does; were
  // they ever to differ, the sum would not hold and a reader could not use it either.
  if (c.seenHeld === c.whereabouts.known + c.whereabouts.lastKnown + c.whereabouts.unknown)
    sums.push({ total: 'seenHeld', parts: ['known', 'lastKnown', 'unknown'] });
  // A group no held person's records state is "not recorded": no cell, nothing to protect.
  for (const [g, n] of Object.entries(c.priorityHeld)) if (n !== null) counts.set(`group:${g}`, n);

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
    Object.entries(c.priorityHeld).map(([g, n]) => [g, n === null ? null : cell(`group:${g}`)]),
  ) as Record<GroupName, PublicCount | null>;
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
