import { leftOn, type CaptivityTimeline } from './captivity-timeline.js';

export type WhereaboutsStatus = 'known' | 'last_known' | 'unknown';

export interface PersonWhereabouts {
  personId: string;
  status: WhereaboutsStatus;
  facilityId: string | null;
  /** Day of the information that places the person there. */
  asOfInformation: string | null;
  /** Age of that information in days, at the estimate's date. */
  ageDays: number | null;
}

export interface OccupancyInput {
  facilityId: string;
  date: string;
  count: number;
  scope: 'cell' | 'block' | 'facility';
}

export interface FacilityWhereabouts {
  facilityId: string;
  /** Identified persons known to be there (a lower bound). */
  identified: number;
  /** Persons whose last known place it is, with older information. */
  lastKnown: number;
  reports: {
    scope: 'cell' | 'block' | 'facility';
    n: number;
    min: number;
    median: number;
    max: number;
  }[];
  /** The larger of `identified` and the median facility-scope report, as METHODS.md says. */
  estimate: number;
  estimateBasis: 'identified' | 'occupancy_reports';
}

export interface WhereaboutsResult {
  asOf: string;
  windowDays: number;
  held: number;
  known: number;
  lastKnown: number;
  unknown: number;
  persons: PersonWhereabouts[];
  facilities: FacilityWhereabouts[];
}

const DAY = 86_400_000;
const days = (a: string, b: string): number => Math.round((Date.parse(b) - Date.parse(a)) / DAY);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/**
 * Where each captive held at `asOf` is: known when a detention episode or a dated event at
 * a facility places them there within the window and nothing later moved them; last known
 * (with its date) when the information is older; unknown when there is none.
 */
export function whereabouts(
  timelines: CaptivityTimeline[],
  occupancy: OccupancyInput[],
  asOf: string,
  windowDays = 183,
): WhereaboutsResult {
  const persons: PersonWhereabouts[] = [];
  for (const t of timelines) {
    const exit = leftOn(t);
    if (exit && exit.day <= asOf) continue;
    // A placing is what a source says: there from `start`, still there on `info` (the end of
    // the stay if given, else its start), and whether the stay ended before asOf.
    const placings = [
      ...t.episodes
        .filter((e) => e.facilityId && e.from && e.from <= asOf)
        .map((e) => ({
          facilityId: e.facilityId,
          start: e.from ?? asOf,
          info: e.to && e.to < asOf ? e.to : e.to ? asOf : (e.from ?? asOf),
          ended: Boolean(e.toLatest && e.toLatest < asOf),
        })),
      ...t.events
        .filter((e) => e.facilityId && e.from && e.from <= asOf)
        .map((e) => ({
          facilityId: e.facilityId ?? null,
          start: e.from ?? asOf,
          info: e.from ?? asOf,
          ended: false,
        })),
    ];
    if (placings.length === 0) {
      persons.push({
        personId: t.personId,
        status: 'unknown',
        facilityId: null,
        asOfInformation: null,
        ageDays: null,
      });
      continue;
    }
    // The latest placing wins: a transfer or a later episode moves the person on.
    const last = placings.reduce((a, b) =>
      b.start > a.start || (b.start === a.start && b.info > a.info) ? b : a,
    );
    const age = days(last.info, asOf);
    const status: WhereaboutsStatus = !last.ended && age <= windowDays ? 'known' : 'last_known';
    persons.push({
      personId: t.personId,
      status,
      facilityId: last.facilityId,
      asOfInformation: last.info,
      ageDays: age,
    });
  }

  const windowStart = new Date(Date.parse(asOf) - windowDays * DAY).toISOString().slice(0, 10);
  const byFacility = new Map<string, FacilityWhereabouts>();
  const facility = (id: string): FacilityWhereabouts => {
    let f = byFacility.get(id);
    if (!f) {
      f = {
        facilityId: id,
        identified: 0,
        lastKnown: 0,
        reports: [],
        estimate: 0,
        estimateBasis: 'identified',
      };
      byFacility.set(id, f);
    }
    return f;
  };
  for (const p of persons) {
    if (!p.facilityId) continue;
    if (p.status === 'known') facility(p.facilityId).identified++;
    else facility(p.facilityId).lastKnown++;
  }
  const recent = occupancy.filter((o) => o.date >= windowStart && o.date <= asOf);
  const reportsBy = new Map<string, OccupancyInput[]>();
  for (const o of recent) reportsBy.set(o.facilityId, [...(reportsBy.get(o.facilityId) ?? []), o]);
  for (const [id, reports] of reportsBy) {
    const f = facility(id);
    for (const scope of ['cell', 'block', 'facility'] as const) {
      const counts = reports.filter((r) => r.scope === scope).map((r) => r.count);
      if (counts.length)
        f.reports.push({
          scope,
          n: counts.length,
          min: Math.min(...counts),
          median: median(counts),
          max: Math.max(...counts),
        });
    }
  }
  for (const f of byFacility.values()) {
    const whole = f.reports.find((r) => r.scope === 'facility');
    if (whole && whole.median > f.identified) {
      f.estimate = whole.median;
      f.estimateBasis = 'occupancy_reports';
    } else {
      f.estimate = f.identified;
    }
  }
  const count = (s: WhereaboutsStatus): number => persons.filter((p) => p.status === s).length;
  return {
    asOf,
    windowDays,
    held: persons.length,
    known: count('known'),
    lastKnown: count('last_known'),
    unknown: count('unknown'),
    persons,
    facilities: [...byFacility.values()].sort(
      (a, b) => b.estimate - a.estimate || a.facilityId.localeCompare(b.facilityId),
    ),
  };
}
