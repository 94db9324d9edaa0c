import { FACILITY_TYPE_LABELS, facilityTypeAffinity } from '../../names/index.js';
import type { FacilityConcept, MentionAnalysis, PlaceHit } from '../../names/index.js';
import { CYRILLIC, wordOfFeature, type Profile } from './facility-index.js';

/*
 * How well one facility's profile fits an analysed mention: a sum of evidence weights,
 * and, for the candidates the matcher returns, the reasons in words.
 *
 * Evidence weights, in points of a log-odds-like sum. A town or a number pins a facility
 * down about as well as each other; a type alone does not. A number that contradicts the
 * facility's, or a place that is not the facility's, outweighs almost any agreement, since
 * "SIZO-3 Taganrog" must not become SIZO-2 Taganrog.
 */
const W = {
  town: 3,
  explicitRegion: 2.5,
  bareRegion: 1.5,
  townAndRegion: 0.3,
  type: 1.5,
  typeUnknown: -0.8,
  typeConflict: -1.5,
  number: 3,
  numberMissing: -0.3,
  numberConflict: -4,
  numberUnrecorded: -1.2,
  looseNumber: 0.5,
  placeConflict: -4,
  otherPlaceWord: -1,
  otherTownOfRegion: -2,
  exactName: 4,
  townNamed: 0.6,
  allExplained: 1,
  otherFacilityWord: -0.5,
  unknownWord: -0.8,
  // A word in another script than every name of the facility could not have been checked.
  unverifiableWord: -0.3,
  // An unknown word beside a type and number, with no known place, is most likely a town.
  unknownWordNoPlace: -1.5,
  wordPenaltyCap: -2.5,
} as const;

export interface Evidence {
  score: number;
  parts: string[];
  against: string[];
}

function placeHow(hit: PlaceHit): string {
  if (hit.how === 'typo') return 'with a typo';
  const lang = hit.lang === 'uk' || hit.lang === 'ru' ? `${hit.lang} ` : '';
  if (hit.lang === 'adjective' || hit.how === 'adjective') return `${lang}adjective form`;
  if (hit.how === 'inflected') return `${lang}inflected form`;
  if (hit.lang === 'alt') return 'variant spelling';
  return lang === '' ? '' : `${lang}form`;
}

const describePlace = (hit: PlaceHit): string => {
  const how = placeHow(hit);
  return `${hit.kind} ${hit.label}${how ? ` (${how})` : ''}`;
};

/** Scores one facility against an analysed mention. */
export function scoreProfile(
  p: Profile,
  a: MentionAnalysis,
  wordMatches: ReadonlyMap<number, { key: string; quality: number }[]>,
  exactIds: ReadonlySet<string>,
  explain: boolean,
): Evidence {
  let s = 0;
  // Reasons are written only for the candidates returned; scoring the rest skips them.
  const parts: string[] | undefined = explain ? [] : undefined;
  const against: string[] | undefined = explain ? [] : undefined;
  let evidence = false;
  let otherTown = false;
  const explained = new Set<number>();

  if (exactIds.has(p.facility.id)) {
    s += W.exactName;
    evidence = true;
    parts?.push('exact name');
  }

  if (a.types.length > 0) {
    let best = 0;
    let bestType: FacilityConcept | undefined;
    for (const t of a.types) {
      for (const f of p.types) {
        const c = facilityTypeAffinity(t.concept, f);
        if (c > best) [best, bestType] = [c, t.concept];
      }
    }
    if (best > 0 && bestType) {
      s += W.type * best;
      evidence = true;
      parts?.push(`type ${FACILITY_TYPE_LABELS[bestType]}${best === 1 ? '' : ' (related)'}`);
      // A loosely related type (a camp for a colony) does not account for the word.
      if (best >= 0.5) for (const t of a.types) for (const k of t.tokens) explained.add(k);
    }
    if (best < 1) {
      const penalty = p.types.size === 0 ? W.typeUnknown : W.typeConflict * (1 - best);
      s += penalty;
      if (best === 0)
        against?.push(`type ${FACILITY_TYPE_LABELS[a.types[0]?.concept ?? 'sizo']} not recorded`);
    }
  }

  if (a.numbers.length > 0) {
    const hit = a.numbers.find((n) => p.numbers.has(n.value));
    if (hit) {
      s += W.number;
      evidence = true;
      parts?.push(`number ${hit.value}`);
      explained.add(hit.token);
    } else if (p.numbers.size > 0) {
      s += W.numberConflict;
      against?.push(`number ${a.numbers[0]?.value} ≠ ${[...p.numbers].join('/')}`);
    } else {
      const loose = a.numbers.find((n) => p.looseNumbers.has(n.value));
      if (loose) {
        s += W.looseNumber;
        explained.add(loose.token);
      } else {
        s += W.numberUnrecorded;
        against?.push(`number ${a.numbers[0]?.value} not recorded`);
      }
    }
  } else if (p.numbers.size > 0) {
    s += W.numberMissing;
  }

  let town = 0;
  let townHit: PlaceHit | undefined;
  let region = 0;
  let regionHit: PlaceHit | undefined;
  for (const hit of a.places) {
    if (hit.kind === 'town') {
      const weight = p.towns.get(hit.id);
      if (weight !== undefined && W.town * weight * hit.quality > town) {
        town = W.town * weight * hit.quality;
        townHit = hit;
      }
    } else if (p.regions.has(hit.id)) {
      const v = (hit.explicit ? W.explicitRegion : W.bareRegion) * hit.quality;
      if (v > region) [region, regionHit] = [v, hit];
    }
  }
  if (townHit) for (const k of townHit.tokens) explained.add(k);
  if (regionHit) for (const k of regionHit.tokens) explained.add(k);
  if (townHit) {
    s += town + (regionHit ? W.townAndRegion : 0);
    evidence = true;
    parts?.push(describePlace(townHit));
    if (townHit.id === p.settlementTown && p.townNamed && a.numbers.length === 0) {
      s += W.townNamed;
    }
  } else if (regionHit) {
    s += region;
    evidence = true;
    parts?.push(describePlace(regionHit));
    // "SIZO-2 Belgorod" may mean the region's SIZO-2, but it names the town first.
    const sameWords = a.places.find(
      (h) => h.kind === 'town' && h.tokens.some((k) => regionHit.tokens.includes(k)),
    );
    if (sameWords && !regionHit.explicit) {
      s += W.otherTownOfRegion;
      otherTown = true;
      against?.push(`the mention names the town ${sameWords.label}`);
    }
  }
  // Words of a place that is not this facility's ("Nova" of Nova Kakhovka for Kakhovka).
  let stray = 0;
  let strayLabel = '';
  for (const h of a.places) {
    if (h.kind === 'region' && !h.explicit) continue;
    for (const k of h.tokens) {
      if (explained.has(k)) continue;
      explained.add(k);
      stray++;
      strayLabel ||= h.label;
    }
  }
  if (stray > 0) {
    if (!townHit && !regionHit) {
      s += W.placeConflict;
      against?.push(`the mention names ${strayLabel}`);
    } else {
      s += W.otherPlaceWord * Math.min(2, stray);
    }
  }

  let wordScore = 0;
  let wordPenalty = 0;
  let unverifiable = 0;
  const named: string[] = [];
  for (const ft of a.features) {
    const w = p.words.get(wordOfFeature(ft.feature));
    if (w !== undefined) {
      wordScore += w;
      if (explain) named.push(ft.tokens.map((k) => a.tokens[k] ?? '').join(' '));
    } else {
      wordPenalty += W.otherFacilityWord;
    }
  }
  for (const i of a.free) {
    if (explained.has(i)) continue;
    const matches = wordMatches.get(i) ?? [];
    let best = 0;
    for (const m of matches) {
      const w = p.words.get(m.key);
      if (w !== undefined) best = Math.max(best, w * m.quality);
    }
    if (best > 0) {
      wordScore += best;
      if (explain) named.push(a.tokens[i] ?? '');
    } else if (matches.length > 0) {
      wordPenalty += W.otherFacilityWord * Math.min(...matches.map((m) => m.quality)) * 2;
    } else if (a.places.length === 0 && p.settlementTown) {
      wordPenalty += W.unknownWordNoPlace;
    } else if (!p.hasCyrillicName && CYRILLIC.test(a.tokens[i] ?? '')) {
      unverifiable += W.unverifiableWord;
    } else {
      wordPenalty += W.unknownWord;
    }
  }
  s += wordScore + Math.max(W.wordPenaltyCap, wordPenalty + unverifiable);
  // Everything the mention says fits this facility: worth more than any single part.
  const unexplainedTypes = a.types.some((t) => t.tokens.some((k) => !explained.has(k)));
  const fits =
    wordPenalty === 0 &&
    stray === 0 &&
    !otherTown &&
    !unexplainedTypes &&
    a.numbers.every((n) => explained.has(n.token)) &&
    (evidence || wordScore > 0);
  if (fits) s += unverifiable === 0 ? W.allExplained : W.allExplained / 2;
  if (named.length > 0) parts?.push(`name ${named.map((n) => `"${n}"`).join(' ')}`);
  if (wordPenalty < 0 && named.length === 0 && evidence) against?.push('other words unexplained');

  return { score: s, parts: parts ?? [], against: against ?? [] };
}
