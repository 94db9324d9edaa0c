import type { Kysely } from 'kysely';
import {
  PRIORITY_GROUPS,
  type PriorityGroup,
  type PublicFacilities,
  type PublicSummary,
} from '../../../contract/publication.js';
import { publicCount } from '../../core/small-count.js';
import type { Database } from '../../db/index.js';
import { REGION_NAMES } from '../../names/index.js';
import { loadClaims } from '../claims/index.js';
import {
  exchangeStats,
  exchangeUnits,
  loadExchanges,
  unitBreakdown,
  unitReturned,
  type Exchange,
} from '../exchanges/index.js';
import { constructName, loadFacilities, settlementName } from '../facilities/index.js';
import { disagreement, isStale, officialRange } from './figure-doubts.js';
import type { FrozenFigures } from './frozen-figures.js';
import { roundBound, type GroupName, type PersonCounts } from './person-counts.js';
import { holdsSynthetic } from './publication.repository.js';
import { latestPublished, type PublishedRecord } from './published-estimates.js';

/** The estimate's default window for "known whereabouts", shown before one is published. */
const WHEREABOUTS_WINDOW_DAYS = 183;

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

/**
 * What the public routes show from person records: only what an analyst published (the
 * latest published estimate and the aggregates frozen with it), never the live records; and
 * whether the database holds synthetic records, which every public page says.
 */
export interface PersonEvidence {
  published: PublishedRecord | null;
  synthetic: boolean;
}

export async function loadPersonEvidence(db: Kysely<Database>): Promise<PersonEvidence> {
  const [published, synthetic] = await Promise.all([latestPublished(db), holdsSynthetic(db)]);
  return { published, synthetic };
}

function priorityGroups(
  frozen: FrozenFigures | null,
  byCategory: ReturnType<typeof exchangeStats>['byCategory'],
  counts: PersonCounts,
): PriorityGroup[] {
  const released: Record<GroupName, PriorityGroup['released']> = {
    women: byCategory.women,
    civilians: byCategory.civilians,
    seriouslyIllOrWounded: byCategory.seriouslyIllOrWounded,
    age60plus: null,
    disability: null,
    civiliansSince2014: null,
  };
  return PRIORITY_GROUPS.map((group) => {
    const held = frozen ? frozen.priorityHeld[group] : null;
    return {
      group,
      released: released[group],
      held: held === null ? null : counts.groups[group],
      heldMissing: !frozen ? 'not_published' : held === null ? 'not_recorded' : null,
    };
  });
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
  options: { asOf: string; threshold: number; evidence: PersonEvidence; counts: PersonCounts },
): Promise<Summary> {
  const { asOf, threshold, counts } = options;
  const p = options.evidence.published;
  const c = p?.figures ?? null;
  const count = (n: number): PublicCountOf => publicCount(n, threshold);
  const [rows, claims] = await Promise.all([loadExchanges(db, { asOf }), loadClaims(db, { asOf })]);
  const stats = exchangeStats(rows, asOf);
  const numbered = rows.filter(
    (r) => r.kind === 'exchange' || r.kind === 'stage' || r.kind === 'group_total',
  );
  const bodies = rows.filter((r) => r.bodiesReturned !== null);
  const hasPersons = c !== null && c.basis !== 'none';
  const ci = c?.estimatedHeld.ci95;
  const lastExchange = stats.lastExchange;
  const lastBodies =
    bodies
      .map((b) => b.dateTo)
      .sort()
      .at(-1) ?? null;
  const official = {
    pow: officialRange(claims, 'held_pow', asOf),
    civilians: officialRange(claims, 'held_civilians', asOf),
  };
  return {
    asOf,
    syntheticData: options.evidence.synthetic,
    smallCountThreshold: threshold,
    headline: {
      returned: {
        value: stats.returned,
        lowerBound: stats.returnedIsLowerBound,
        asOf: stats.lastExchange,
        sources: sourcesOf(numbered),
        method: 'exchange-count',
        stale: isStale(lastExchange, asOf),
        disagreement: disagreement(claims, ['returned'], stats.returned),
      },
      exchanges: {
        value: stats.exchanges,
        lowerBound: false,
        asOf: stats.lastExchange,
        sources: sourcesOf(numbered),
        method: 'exchange-count',
        stale: isStale(lastExchange, asOf),
        disagreement: disagreement(claims, ['exchanges_held'], stats.exchanges),
      },
      bodiesReturned: {
        value: stats.bodiesReturned,
        lowerBound: false,
        asOf: lastBodies,
        sources: sourcesOf(bodies),
        method: 'bodies-count',
        stale: isStale(lastBodies, asOf),
        disagreement: disagreement(claims, ['bodies_returned'], stats.bodiesReturned),
      },
      estimatedHeld: {
        basis: c?.basis ?? 'none',
        value: hasPersons ? counts.estimatedHeld : null,
        ci95:
          hasPersons && ci ? [roundBound(ci[0], threshold), roundBound(ci[1], threshold)] : null,
        method: hasPersons ? c.estimatedHeld.method : null,
        asOf: p?.asOf ?? asOf,
        inputs: { seenHeld: hasPersons ? counts.seenHeld : null, lists: p?.lists.length ?? 0 },
        caveats: c?.caveats ?? [],
        methodId: 'captivity-estimate',
        published: p
          ? {
              id: p.id,
              publishedAt: p.publishedAt,
              dataVersion: p.dataVersion,
              lists: p.lists,
              population: {
                seenHeld: counts.seenHeld,
                persons: count(p.population.persons),
              },
            }
          : null,
        official,
        stale: p
          ? isStale(p.asOf, asOf)
          : (official.pow?.stale ?? true) && (official.civilians?.stale ?? true),
        disagreement: p
          ? // Civilians' figures count another population than the estimate of everyone held.
            disagreement(
              claims,
              ['held_total', 'held_pow'],
              hasPersons ? c.estimatedHeld.value : null,
            )
          : null,
      },
      whereabouts: {
        basis: c?.basis ?? 'none',
        known: hasPersons ? counts.known : null,
        lastKnown: hasPersons ? counts.lastKnown : null,
        unknown: hasPersons ? counts.unknown : null,
        windowDays: c?.whereabouts.windowDays ?? WHEREABOUTS_WINDOW_DAYS,
        asOf: p?.asOf ?? asOf,
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
    priorityGroups: priorityGroups(c, stats.byCategory, counts),
  };
}

export async function publicFacilities(
  db: Kysely<Database>,
  options: { asOf: string; evidence: PersonEvidence; counts: PersonCounts },
): Promise<PublicFacilities> {
  const { asOf, counts } = options;
  const c = options.evidence.published?.figures;
  const facilities = await loadFacilities(db);
  // Zeros are protected with the small counts (a place showing 0 beside one showing "<5"
  // says where the hidden people are), so every place shows a protected cell once anything
  // is published, and nothing before.
  const hasPersons = c !== undefined && c.basis !== 'none';
  return {
    asOf,
    facilities: facilities.map((f) => {
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
        counts: hasPersons ? counts.facility(f.id) : null,
      };
    }),
    regions: hasPersons ? counts.regions : [],
  };
}
