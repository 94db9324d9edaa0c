import type { Facility } from './facility.js';
import { createFacilityMatcher, type MatchableFacility } from './facility-matcher.js';

export interface Resolution {
  facilityId: string;
  score: number;
  reason: string;
}

export interface FacilityResolver {
  /** The facility a mention names, or null when none matches well enough. */
  resolve(text: string): Resolution | null;
  /** The best guesses for a mention that did not resolve, for a person to choose from. */
  suggest(text: string, limit?: number): { id: string; nameEn: string; score: number }[];
}

/** Guesses below this are noise, not suggestions. */
const SUGGEST_FROM = 0.05;

export function toMatchable(f: Facility): MatchableFacility {
  return {
    id: f.id,
    nameEn: f.nameEn,
    nameUk: f.nameUk ?? '',
    nameRu: f.nameRu ?? '',
    aliases: f.aliases,
    type: f.type,
    territory: f.territory,
    region: f.region ?? '',
    regionCode: f.regionCode ?? '',
    settlement: f.settlement ?? '',
  };
}

/**
 * Resolves facility mentions in imported rows: a gazetteer id is taken as it is; any other
 * text goes through the matcher, and a mention it cannot place stays unresolved (kept as
 * written, reported), never guessed.
 */
export function createFacilityResolver(facilities: Facility[]): FacilityResolver {
  const ids = new Set(facilities.map((f) => f.id));
  const matcher = createFacilityMatcher(facilities.map(toMatchable));
  const cache = new Map<string, Resolution | null>();
  return {
    resolve(text) {
      const t = text.trim();
      if (ids.has(t)) return { facilityId: t, score: 1, reason: 'gazetteer id' };
      const hit = cache.get(t);
      if (hit !== undefined) return hit;
      const best = matcher.match(t, 1).candidates[0];
      const r = best ? { facilityId: best.id, score: best.score, reason: best.reason } : null;
      cache.set(t, r);
      return r;
    },
    suggest(text, limit = 3) {
      return matcher
        .match(text.trim(), limit, SUGGEST_FROM)
        .candidates.map((c) => ({ id: c.id, nameEn: c.nameEn, score: c.score }));
    },
  };
}
