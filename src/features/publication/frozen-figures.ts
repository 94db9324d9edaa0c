import type { Kysely } from 'kysely';
import type { PriorityGroup } from '../../../contract/publication.js';
import type { CaptivityCaveatCode } from '../../../contract/estimates.js';
import type { Database } from '../../db/index.js';
import { enteredOn, leftOn, type CaptivityTimeline } from '../../estimation/index.js';
import { estimateCaptivity, loadTimelines } from '../estimates/index.js';
import { loadPersonTraits } from './publication.repository.js';

/**
 * Everything the public pages show that is computed from person records, as counts: frozen
 * when an analyst publishes an estimate, so an import never moves a public number by itself.
 * Records of synthetic sources are left out.
 */
export interface FrozenFigures {
  basis: 'persons' | 'records' | 'none';
  caveats: CaptivityCaveatCode[];
  seenHeld: number;
  estimatedHeld: {
    value: number;
    ci95: [number | null, number | null] | null;
    method: 'mse' | 'lcmcr' | 'seen_only';
  };
  whereabouts: { known: number; lastKnown: number; unknown: number; windowDays: number };
  /** Known held per group; null where no held person's records state the trait at all. */
  priorityHeld: Record<PriorityGroup['group'], number | null>;
  facilities: {
    facilityId: string;
    identified: number;
    lastKnown: number;
    estimate: number;
    /** `occupancy_reports` when the estimate is not the identified count; absent in old rows. */
    estimateBasis?: string;
  }[];
}

/** Who the figure is about: counts, no ids. */
export interface Population {
  /** Persons (or unlinked records) seen held on the day. */
  seenHeld: number;
  /** Persons in the records, held or not, and the sources their records come from. */
  persons: number;
  sources: number;
  /** Records of synthetic sources left out. */
  syntheticRecordsLeftOut: number;
}

export interface FrozenEstimate {
  asOf: string;
  lists: { id: string; title: string | null }[];
  population: Population;
  figures: FrozenFigures;
}

const heldOn = (t: CaptivityTimeline, day: string): boolean => {
  const entry = enteredOn(t);
  const exit = leftOn(t);
  return (entry === null || entry <= day) && !(exit && exit.day <= day);
};

const yearsBefore = (day: string, years: number): string =>
  `${String(Number(day.slice(0, 4)) - years).padStart(4, '0')}${day.slice(4)}`;

function priorityHeld(
  held: CaptivityTimeline[],
  traits: Awaited<ReturnType<typeof loadPersonTraits>>,
  asOf: string,
): FrozenFigures['priorityHeld'] {
  const n = {
    women: 0,
    civilians: 0,
    seriouslyIllOrWounded: 0,
    age60plus: 0,
    disability: 0,
    civiliansSince2014: 0,
  };
  // A zero is shown only where the records could have said otherwise: a group whose trait no
  // held person's records state at all is "not recorded", not 0.
  const stated = { ...n };
  const sixtyBy = yearsBefore(asOf, 60);
  for (const t of held) {
    const p = traits.get(t.personId);
    if (!p) continue;
    if (p.female) n.women++;
    if (p.civilian) n.civilians++;
    if (p.illOrWounded) n.seriouslyIllOrWounded++;
    if (p.disability) n.disability++;
    if (p.bornBy !== null && p.bornBy <= sixtyBy) n.age60plus++;
    if (p.civilian && p.heldBefore2022) n.civiliansSince2014++;
    if (p.stated.sex) stated.women++;
    if (p.stated.category) stated.civilians++;
    if (p.stated.illOrWounded) stated.seriouslyIllOrWounded++;
    if (p.stated.disability) stated.disability++;
    if (p.bornBy !== null) stated.age60plus++;
    if (p.stated.category && p.stated.capture) stated.civiliansSince2014++;
  }
  const out = {} as FrozenFigures['priorityHeld'];
  for (const g of Object.keys(n) as (keyof typeof n)[])
    out[g] = n[g] > 0 || stated[g] > 0 ? n[g] : null;
  return out;
}

/** Computes what publishing freezes: the estimate as of a day on the non-synthetic records. */
export async function freezeEstimate(db: Kysely<Database>, asOf: string): Promise<FrozenEstimate> {
  const set = await loadTimelines(db, false, true);
  // 183 days: the estimate's default window for "known whereabouts".
  const c = await estimateCaptivity(db, asOf, 183, false, set);
  const held = set.timelines.filter((t) => heldOn(t, asOf));
  const traits = await loadPersonTraits(db, true);
  const listIds = c.mse?.lists ?? [];
  const [titles, counts] = await Promise.all([
    listIds.length
      ? db.selectFrom('sources').select(['id', 'title']).where('id', 'in', listIds).execute()
      : Promise.resolve([]),
    db
      .selectFrom('records')
      .innerJoin('sources', 'sources.id', 'records.source_id')
      .select((eb) => [
        'sources.synthetic',
        eb.fn.countAll<number | string>().as('records'),
        eb.fn.count<number | string>('records.source_id').distinct().as('sources'),
      ])
      .groupBy('sources.synthetic')
      .execute(),
  ]);
  const title = new Map(titles.map((s) => [s.id, s.title]));
  const real = counts.find((r) => Number(r.synthetic) !== 1);
  const synthetic = counts.find((r) => Number(r.synthetic) === 1);
  return {
    asOf,
    lists: listIds.map((id) => ({ id, title: title.get(id) ?? null })),
    population: {
      seenHeld: c.seen.held,
      persons: set.timelines.length,
      sources: Number(real?.sources ?? 0),
      syntheticRecordsLeftOut: Number(synthetic?.records ?? 0),
    },
    figures: {
      basis: c.basis,
      caveats: [...new Set(c.caveats.map((x) => x.code))],
      seenHeld: c.seen.held,
      estimatedHeld: c.estimatedHeld,
      whereabouts: {
        known: c.whereabouts.known,
        lastKnown: c.whereabouts.lastKnown,
        unknown: c.whereabouts.unknown,
        windowDays: c.whereabouts.windowDays,
      },
      priorityHeld: priorityHeld(held, traits, asOf),
      facilities: c.facilities.map((f) => ({
        facilityId: f.facilityId,
        identified: f.identified,
        lastKnown: f.lastKnown,
        estimate: Math.round(f.estimate),
        estimateBasis: f.estimateBasis,
      })),
    },
  };
}
