import type { Kysely } from 'kysely';
import type {
  PriorityGroup,
  PublicFacilities,
  PublicSummary,
} from '../../../contract/publication.js';
import { publicCount } from '../../core/small-count.js';
import type { Database } from '../../db/index.js';
import { enteredOn, leftOn, type CaptivityTimeline } from '../../estimation/index.js';
import { REGION_NAMES } from '../../names/index.js';
import { loadClaims } from '../claims/index.js';
import {
  estimateCaptivity,
  loadTimelines,
  type CaptivityEstimate,
  type TimelineSet,
} from '../estimates/index.js';
import {
  exchangeStats,
  exchangeUnits,
  loadExchanges,
  unitBreakdown,
  unitReturned,
  type Exchange,
} from '../exchanges/index.js';
import { constructName, loadFacilities, settlementName } from '../facilities/index.js';
import { loadPersonTraits, type PersonTraits } from './publication.repository.js';

const REGIONS_BY_CODE = new Map(REGION_NAMES.map((r) => [r.code, r]));

type SourceRef = { id: string; title: string | null; url: string | null };
type Summary = PublicSummary;
type PublicCountOf = ReturnType<typeof publicCount>;

/** Distinct sources of some rows, in first-cited order. */
const sourcesOf = (rows: { sources: SourceRef[] }[]): SourceRef[] => {
  const seen = new Map<string, SourceRef>();
  for (const r of rows)
    for (const s of r.sources)
      if (!seen.has(s.id)) seen.set(s.id, { id: s.id, title: s.title, url: s.url });
  return [...seen.values()];
};

const PUBLISHED_HELD = ['held_pow', 'held_civilians', 'held_total'] as const;

const heldOn = (t: CaptivityTimeline, day: string): boolean => {
  const entry = enteredOn(t);
  const exit = leftOn(t);
  return (entry === null || entry <= day) && !(exit && exit.day <= day);
};

const yearsBefore = (day: string, years: number): string =>
  `${String(Number(day.slice(0, 4)) - years).padStart(4, '0')}${day.slice(4)}`;

/** What both public routes derive from person records: computed once per data version. */
export interface PersonEvidence {
  captivity: CaptivityEstimate;
  timelines: TimelineSet;
}

export async function loadPersonEvidence(
  db: Kysely<Database>,
  asOf: string,
): Promise<PersonEvidence> {
  const timelines = await loadTimelines(db);
  // 183 days: the estimate's default window for "known whereabouts".
  const captivity = await estimateCaptivity(db, asOf, 183, false, timelines);
  return { captivity, timelines };
}

async function priorityGroups(
  db: Kysely<Database>,
  timelines: CaptivityTimeline[],
  asOf: string,
  byCategory: ReturnType<typeof exchangeStats>['byCategory'],
  threshold: number,
  hasPersons: boolean,
): Promise<PriorityGroup[]> {
  const held: Record<PriorityGroup['group'], number> = {
    women: 0,
    civilians: 0,
    seriouslyIllOrWounded: 0,
    age60plus: 0,
    disability: 0,
    civiliansSince2014: 0,
  };
  if (hasPersons) {
    const traits = await loadPersonTraits(db);
    const sixtyBy = yearsBefore(asOf, 60);
    for (const t of timelines) {
      if (!heldOn(t, asOf)) continue;
      const p: PersonTraits | undefined = traits.get(t.personId);
      if (!p) continue;
      if (p.female) held.women++;
      if (p.civilian) held.civilians++;
      if (p.illOrWounded) held.seriouslyIllOrWounded++;
      if (p.disability) held.disability++;
      if (p.bornBy !== null && p.bornBy <= sixtyBy) held.age60plus++;
      if (p.civilian && p.heldBefore2022) held.civiliansSince2014++;
    }
  }
  const released: Record<PriorityGroup['group'], PriorityGroup['released']> = {
    women: byCategory.women,
    civilians: byCategory.civilians,
    seriouslyIllOrWounded: byCategory.seriouslyIllOrWounded,
    age60plus: null,
    disability: null,
    civiliansSince2014: null,
  };
  return (Object.keys(held) as PriorityGroup['group'][]).map((group) => ({
    group,
    released: released[group],
    held: hasPersons ? publicCount(held[group], threshold) : null,
  }));
}

function timeline(rows: Exchange[], asOf: string): Summary['timeline'] {
  let cumulative = 0;
  return exchangeUnits(rows)
    .filter((u) => u.date <= asOf)
    .map((u) => {
      const t = unitReturned(u, asOf);
      cumulative += t.value;
      return {
        date: u.date,
        returned: t.value,
        lowerBound: t.lowerBound,
        cumulative,
        military: unitBreakdown(u, asOf, 'military'),
        civilians: unitBreakdown(u, asOf, 'civilians'),
        men: unitBreakdown(u, asOf, 'men'),
        women: unitBreakdown(u, asOf, 'women'),
      };
    });
}

export async function publicSummary(
  db: Kysely<Database>,
  options: { asOf: string; threshold: number; evidence: PersonEvidence },
): Promise<Summary> {
  const { asOf, threshold } = options;
  const c = options.evidence.captivity;
  const count = (n: number): PublicCountOf => publicCount(n, threshold);
  const [rows, claims] = await Promise.all([loadExchanges(db, { asOf }), loadClaims(db, { asOf })]);
  const stats = exchangeStats(rows, asOf);
  const numbered = rows.filter(
    (r) => r.kind === 'exchange' || r.kind === 'stage' || r.kind === 'group_total',
  );
  const bodies = rows.filter((r) => r.bodiesReturned !== null);
  const hasPersons = c.basis !== 'none';
  const ci = c.estimatedHeld.ci95;
  return {
    asOf,
    smallCountThreshold: threshold,
    headline: {
      returned: {
        value: stats.returned,
        lowerBound: stats.returnedIsLowerBound,
        asOf: stats.lastExchange,
        sources: sourcesOf(numbered),
        method: 'exchange-count',
      },
      exchanges: {
        value: stats.exchanges,
        lowerBound: false,
        asOf: stats.lastExchange,
        sources: sourcesOf(numbered),
        method: 'exchange-count',
      },
      bodiesReturned: {
        value: stats.bodiesReturned,
        lowerBound: false,
        asOf:
          bodies
            .map((b) => b.dateTo)
            .sort()
            .at(-1) ?? null,
        sources: sourcesOf(bodies),
        method: 'bodies-count',
      },
      estimatedHeld: {
        basis: c.basis,
        value: hasPersons ? count(c.estimatedHeld.value) : null,
        ci95:
          hasPersons && ci
            ? [ci[0] === null ? null : Math.round(ci[0]), ci[1] === null ? null : Math.round(ci[1])]
            : null,
        method: hasPersons ? c.estimatedHeld.method : null,
        asOf,
        inputs: { seenHeld: count(c.seen.held), lists: c.mse?.lists.length ?? 0 },
        caveats: [...new Set(c.caveats.map((x) => x.code))],
        methodId: 'captivity-estimate',
      },
      whereabouts: {
        basis: c.basis,
        known: count(c.whereabouts.known),
        lastKnown: count(c.whereabouts.lastKnown),
        unknown: count(c.whereabouts.unknown),
        windowDays: c.whereabouts.windowDays,
        asOf,
        method: 'whereabouts',
      },
    },
    publishedHeld: claims
      .filter((cl): cl is typeof cl & { metric: (typeof PUBLISHED_HELD)[number] } =>
        (PUBLISHED_HELD as readonly string[]).includes(cl.metric),
      )
      .map((cl) => ({
        metric: cl.metric,
        value: cl.value,
        qualifier: cl.qualifier,
        asOf: cl.asOf,
        who: cl.who,
        sources: cl.sources,
      }))
      .sort((a, b) =>
        a.asOf < b.asOf ? 1 : a.asOf > b.asOf ? -1 : a.metric.localeCompare(b.metric),
      ),
    timeline: timeline(rows, asOf),
    priorityGroups: await priorityGroups(
      db,
      options.evidence.timelines.timelines,
      asOf,
      stats.byCategory,
      threshold,
      hasPersons,
    ),
  };
}

export async function publicFacilities(
  db: Kysely<Database>,
  options: { asOf: string; threshold: number; evidence: PersonEvidence },
): Promise<PublicFacilities> {
  const { asOf, threshold } = options;
  const c = options.evidence.captivity;
  const facilities = await loadFacilities(db);
  const known = new Map(c.facilities.map((f) => [f.facilityId, f]));
  const hasPersons = c.basis !== 'none';
  return {
    asOf,
    facilities: facilities.map((f) => {
      const k = known.get(f.id);
      const nameUk = f.nameUk ?? constructName(f, 'uk');
      const nameRu = f.nameRu ?? constructName(f, 'ru');
      return {
        id: f.id,
        nameEn: f.nameEn,
        nameUk,
        nameRu,
        constructedNames: [
          ...(!f.nameUk && nameUk ? (['uk'] as const) : []),
          ...(!f.nameRu && nameRu ? (['ru'] as const) : []),
        ],
        aliases: f.aliases,
        type: f.type,
        territory: f.territory,
        region: f.region,
        regionUk: (f.regionCode && REGIONS_BY_CODE.get(f.regionCode)?.uk) ?? null,
        regionRu: (f.regionCode && REGIONS_BY_CODE.get(f.regionCode)?.ru) ?? null,
        regionCode: f.regionCode,
        settlement: f.settlement,
        settlementUk: settlementName(f.settlement, 'uk'),
        settlementRu: settlementName(f.settlement, 'ru'),
        lat: f.lat,
        lon: f.lon,
        coordPrecision: f.coordPrecision,
        held: f.held,
        status: f.status,
        sources: f.sources.map((s) => ({ id: s.id, title: s.title, url: s.url })),
        counts: hasPersons
          ? {
              identified: publicCount(k?.identified ?? 0, threshold),
              lastKnown: publicCount(k?.lastKnown ?? 0, threshold),
              estimate: publicCount(Math.round(k?.estimate ?? 0), threshold),
            }
          : null,
      };
    }),
  };
}
