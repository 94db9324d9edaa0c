import {
  FACILITY_TYPE_LABELS,
  analyseMention,
  createKeyIndex,
  createPlaceIndex,
  facilityTypeAffinity,
  matchKey,
  placesFromTables,
  tokenise,
} from '../../names/index.js';
import type {
  FacilityConcept,
  KeyIndex,
  KeyMatch,
  MentionAnalysis,
  PlaceHit,
  PlaceIndex,
  PlaceInput,
} from '../../names/index.js';

/** What the matcher needs to know of a gazetteer entry (a row of facilities.csv). */
export interface MatchableFacility {
  id: string;
  nameEn: string;
  nameUk: string;
  nameRu: string;
  aliases: string[];
  type: string;
  territory: string;
  region: string;
  regionCode: string;
  settlement: string;
}

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

/*
 * Evidence weights, in points of a log-odds-like sum. A town or a number pins a facility
 * down about as well as each other; a type alone does not. A number that contradicts the
 * facility's, or a place that is not the facility's, outweighs almost any agreement, since
 * "SIZO-3 Taganrog" must not become SIZO-2 Taganrog.
 */
const W = {
  town: 3,
  secondaryTown: 0.8,
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
const CENTRE = 3.5;
const SPREAD = 1;
const SHARE_TEMPERATURE = 0.6;
const MAX_CANDIDATES = 300;

// The gazetteer's type codes that name a kind of place a mention can name.
const TYPE_OF_FIELD: Readonly<Record<string, FacilityConcept>> = {
  sizo: 'sizo',
  penal_colony: 'penal_colony',
  prison: 'prison',
  temporary_detention: 'temporary_detention',
  police_station: 'police_station',
  filtration_point: 'filtration_point',
  camp: 'camp',
};

// Source notes kept in aliases, e.g. "(MIHR spelling)", "(Inferno page title/URL say "No. 2")".
const ANNOTATION =
  /\([^()]*\b(?:spelling|wording|says?|as given|BBC|MIHR|Inferno|URL|unspecified|possible|opened|unnamed)\b[^()]*\)/giu;

interface Profile {
  facility: MatchableFacility;
  types: Set<FacilityConcept>;
  numbers: Set<number>;
  looseNumbers: Set<number>;
  settlementTown: string | undefined;
  towns: Map<string, number>;
  regions: Set<string>;
  words: Map<string, number>;
  /** Known by its town's name alone, or with its type but no number (Оленівка, СІЗО Сімферополя). */
  townNamed: boolean;
  hasCyrillicName: boolean;
}

const CYRILLIC = /\p{Script=Cyrillic}/u;
const DESCRIPTIVE = 0.5;

const keyString = (text: string): string => tokenise(text).map(matchKey).join(' ');
const featureWords = new Map<string, string>();
function wordOfFeature(feature: string): string {
  let w = featureWords.get(feature);
  if (w === undefined) featureWords.set(feature, (w = `@${feature}`));
  return w;
}

function add<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function facilityNames(f: MatchableFacility): string[] {
  return [f.nameEn, f.nameUk, f.nameRu, ...f.aliases]
    .map((n) => n.replace(ANNOTATION, ' ').trim())
    .filter((n) => n !== '');
}

/** "Udarny (Zubovo-Polyansky District)" → main "Udarny", context "Zubovo-Polyansky District". */
function splitSettlement(settlement: string): { main: string; other: string[] } {
  const main = settlement.replace(/\(.*$/u, '').trim();
  const other = [...settlement.matchAll(/\(([^()]*)\)/gu)]
    .map((m) => (m[1] ?? '').replace(ANNOTATION, '').trim())
    .filter((s) => s !== '' && !/\b(?:as given|outskirts|may mean)\b/iu.test(s));
  return { main, other };
}

interface Places {
  index: PlaceIndex;
  townOf: Map<string, string>;
}

/** The built-in towns and regions, plus the gazetteer's settlements and regions missing there. */
function buildPlaces(facilities: readonly MatchableFacility[]): Places {
  const places = placesFromTables();
  const byKey = new Map<string, string>();
  const regionIds = new Set<string>();
  for (const p of places) {
    if (p.kind === 'region') regionIds.add(p.id);
    else for (const f of p.forms) byKey.set(keyString(f.text), p.id);
  }
  const extra = new Map<string, PlaceInput>();
  const townOf = new Map<string, string>();
  for (const f of facilities) {
    const { main, other } = splitSettlement(f.settlement);
    if (main === '') continue;
    const known =
      byKey.get(keyString(main)) ?? other.map((o) => byKey.get(keyString(o))).find(Boolean);
    const id = known ?? `town:${main}`;
    townOf.set(f.id, id);
    if (!known && !extra.has(id)) {
      const alternatives = other.filter((o) => !/district|raion|район/iu.test(o));
      extra.set(id, {
        id,
        kind: 'town',
        label: main,
        region: f.regionCode,
        forms: [
          { text: main, lang: 'en' },
          ...alternatives.map((text) => ({ text, lang: 'alt' as const })),
        ],
      });
      byKey.set(keyString(main), id);
    }
    const regionId = `region:${f.regionCode}`;
    if (f.regionCode !== '' && !regionIds.has(regionId) && !extra.has(regionId)) {
      const stem = f.region.replace(
        /\b(?:oblast|krai|region|republic of|autonomous okrug)\b/giu,
        '',
      );
      extra.set(regionId, {
        id: regionId,
        kind: 'region',
        label: f.region,
        region: f.regionCode,
        forms: [{ text: stem.trim() || f.region, lang: 'adjective' }],
      });
    }
  }
  return { index: createPlaceIndex([...places, ...extra.values()]), townOf };
}

function buildProfile(f: MatchableFacility, places: Places): Profile {
  const settlementTown = places.townOf.get(f.id);
  const p: Profile = {
    facility: f,
    types: new Set(),
    numbers: new Set(),
    looseNumbers: new Set(),
    settlementTown,
    towns: new Map(settlementTown ? [[settlementTown, 1]] : []),
    regions: new Set(f.regionCode ? [`region:${f.regionCode}`] : []),
    words: new Map(),
    townNamed: false,
    hasCyrillicName: CYRILLIC.test(`${f.nameUk}${f.nameRu}${f.aliases.join('')}`),
  };
  const fieldType = TYPE_OF_FIELD[f.type];
  if (fieldType) p.types.add(fieldType);
  const texts = [...facilityNames(f), ...splitSettlement(f.settlement).other];
  for (const text of texts) {
    const a = analyseMention(text, places.index);
    // Words of a relative clause describe the place ("… where ICRC visited"); half weight.
    const weightOf = (k: number): number => (k >= a.clauseStart ? DESCRIPTIVE : 1);
    for (const t of a.types) p.types.add(t.concept);
    for (const n of a.numbers) p.numbers.add(n.value);
    for (const t of a.tokens) if (/^\d+$/u.test(t)) p.looseNumbers.add(Number(t));
    const note = (word: string, k: number): void => {
      p.words.set(word, Math.max(p.words.get(word) ?? 0, weightOf(k)));
    };
    for (const ft of a.features) note(wordOfFeature(ft.feature), ft.tokens[0] ?? 0);
    for (const i of a.free) {
      const key = a.keys[i] ?? '';
      if (key.length >= 2) note(key, i);
    }
    for (const hit of a.places) {
      if (hit.kind === 'town' && hit.id !== settlementTown && hit.quality >= 0.85) {
        p.towns.set(hit.id, Math.max(p.towns.get(hit.id) ?? 0, W.secondaryTown));
      }
      if (hit.kind === 'region' && hit.explicit) p.regions.add(hit.id);
    }
    const townAndType =
      a.places.some((h) => h.id === settlementTown && h.quality >= 0.85) &&
      a.places.every((h) => h.id === settlementTown || h.kind === 'region') &&
      a.free.length === 0 &&
      a.features.length === 0 &&
      a.numbers.length === 0;
    if (townAndType) p.townNamed = true;
  }
  return p;
}

interface Evidence {
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
function scoreProfile(
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
  const places = buildPlaces(facilities);
  const profiles = facilities.map((f) => buildProfile(f, places));

  const byPlace = new Map<string, Profile[]>();
  const byWord = new Map<string, Profile[]>();
  const byTypeNumber = new Map<string, Profile[]>();
  const byExactName = new Map<string, Profile[]>();
  const words: KeyIndex<string> = createKeyIndex<string>();
  for (const p of profiles) {
    for (const t of p.towns.keys()) add(byPlace, t, p);
    for (const r of p.regions) add(byPlace, r, p);
    for (const w of p.words.keys()) {
      add(byWord, w, p);
      if (!w.startsWith('@')) words.add(w, w);
    }
    for (const t of p.types) for (const n of p.numbers) add(byTypeNumber, `${t}:${n}`, p);
    for (const name of facilityNames(p.facility)) add(byExactName, keyString(name), p);
  }
  // Rare words tell facilities apart; words in many names barely do.
  const logN = Math.log(Math.max(2, profiles.length));
  for (const [w, list] of byWord) {
    const weight = Math.max(0.5, 0.5 + (2.5 * Math.log(profiles.length / list.length)) / logN);
    for (const p of list) p.words.set(w, weight * (p.words.get(w) ?? 1));
  }

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
