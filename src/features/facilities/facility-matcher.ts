import { analyseMention } from '../../names/index.js';
import type { KeyMatch } from '../../names/index.js';
import {
  buildFacilityIndex,
  wordOfFeature,
  type MatchableFacility,
  type Profile,
} from './facility-index.js';
import { scoreProfile } from './facility-score.js';

export type { MatchableFacility } from './facility-index.js';

export interface FacilityCandidate {
  id: string;
  nameEn: string;
  /** 0..1: how sure the matcher is that the mention means this facility. */
  score: number;
  reason: string;
}

export interface FacilityMatch {
  query: string;
  candidates: FacilityCandidate[];
}

export interface FacilityMatcherOptions {
  /** Candidates scoring below this are not returned. */
  threshold?: number;
  /** Candidates returned when `match` is given no limit. */
  limit?: number;
}

export interface FacilityMatcher {
  /** `threshold` lowers (or raises) the matcher's own for this one mention: suggestions. */
  match(text: string, limit?: number, threshold?: number): FacilityMatch;
  readonly size: number;
}

const CENTRE = 3.5;
const SPREAD = 1;
const SHARE_TEMPERATURE = 0.6;
const MAX_CANDIDATES = 300;

/**
 * Resolves free-text mentions of places of detention to gazetteer entries. Matching reads
 * a mention as facility type + number + town or region (in Ukrainian, Russian or English,
 * any grammatical form, with typos) or as a proper name, and scores each candidate that
 * shares a town, region, name word or exact name with it; an inverted index keeps the
 * candidates few, so a gazetteer of thousands costs about what one of a hundred does.
 */
export function createFacilityMatcher(
  facilities: readonly MatchableFacility[],
  options: FacilityMatcherOptions = {},
): FacilityMatcher {
  const threshold = options.threshold ?? 0.5;
  const defaultLimit = options.limit ?? 5;
  const { places, profiles, byPlace, byWord, byTypeNumber, byExactName, words } =
    buildFacilityIndex(facilities);

  // Word look-ups of the mention being matched, shared by its analysis and its scoring.
  const known = new Map<string, KeyMatch<string>[]>();
  function lookupKnown(key: string): KeyMatch<string>[] {
    let found = known.get(key);
    if (!found) known.set(key, (found = words.lookup(key, { typos: false })));
    return found;
  }
  function lookupWord(key: string): KeyMatch<string>[] {
    const found = lookupKnown(key);
    return found.length > 0 ? found : words.lookup(key);
  }
  const analyseOptions = { knownWord: (k: string) => lookupKnown(k).length > 0 };

  return {
    size: profiles.length,
    match(text, limit = defaultLimit, minScore = threshold) {
      known.clear();
      const a = analyseMention(text, places.index, analyseOptions);
      const exact = byExactName.get(a.keys.join(' ')) ?? [];
      const wordMatches = new Map<number, { key: string; quality: number }[]>();
      for (const i of a.free) {
        const found = lookupWord(a.keys[i] ?? '');
        if (found.length > 0)
          wordMatches.set(
            i,
            found.map((m) => ({ key: m.key, quality: m.quality })),
          );
      }

      // Candidates come from the rarest evidence first: exact names, towns, name words;
      // regions, features and type + number only when nothing rarer names a place.
      const candidates = new Set<Profile>(exact);
      const towns = a.places.filter((h) => h.kind === 'town');
      for (const hit of towns) for (const p of byPlace.get(hit.id) ?? []) candidates.add(p);
      for (const ms of wordMatches.values()) {
        for (const m of ms) for (const p of byWord.get(m.key) ?? []) candidates.add(p);
      }
      const rare = candidates.size > 0;
      for (const hit of a.places) {
        if (hit.kind === 'region' && (!rare || hit.explicit)) {
          for (const p of byPlace.get(hit.id) ?? []) candidates.add(p);
        }
      }
      if (!rare) {
        for (const ft of a.features) {
          const list = byWord.get(wordOfFeature(ft.feature)) ?? [];
          if (list.length <= MAX_CANDIDATES) for (const p of list) candidates.add(p);
        }
      }
      if (towns.length === 0) {
        for (const t of a.types) {
          for (const n of a.numbers) {
            for (const p of byTypeNumber.get(`${t.concept}:${n.value}`) ?? []) candidates.add(p);
          }
        }
      }

      const exactIds = new Set(exact.map((p) => p.facility.id));
      const scored = [...candidates]
        .map((p) => ({ p, e: scoreProfile(p, a, wordMatches, exactIds, false) }))
        .sort((x, y) => y.e.score - x.e.score || (x.p.facility.id < y.p.facility.id ? -1 : 1))
        .slice(0, MAX_CANDIDATES);

      // A mention that fits several facilities equally well identifies none of them: each
      // score is discounted by the candidate's share of the evidence among its rivals.
      const top = scored[0]?.e.score ?? 0;
      const rivals = scored.filter((c) => c.e.score > top - 4 * SHARE_TEMPERATURE);
      const total = rivals.reduce(
        (sum, c) => sum + Math.exp((c.e.score - top) / SHARE_TEMPERATURE),
        0,
      );
      const result: FacilityCandidate[] = [];
      for (const c of rivals) {
        const share = Math.exp((c.e.score - top) / SHARE_TEMPERATURE) / total;
        const absolute = 1 / (1 + Math.exp(-(c.e.score - CENTRE) / SPREAD));
        const score = Math.round(absolute * Math.sqrt(share) * 1000) / 1000;
        if (score < minScore) continue;
        const e = scoreProfile(c.p, a, wordMatches, exactIds, true);
        const reason = [
          e.parts.join(' + ') || 'weak resemblance',
          ...(e.against.length > 0 ? [`but ${e.against.join(', ')}`] : []),
          ...(share < 0.9 ? [`${rivals.length - 1} similar candidate(s)`] : []),
        ].join('; ');
        result.push({ id: c.p.facility.id, nameEn: c.p.facility.nameEn, score, reason });
        if (result.length >= limit) break;
      }
      return { query: text, candidates: result };
    },
  };
}
