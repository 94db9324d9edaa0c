import {
  analyseMention,
  createKeyIndex,
  createPlaceIndex,
  matchKey,
  placesFromTables,
  tokenise,
} from '../../names/index.js';
import type { FacilityConcept, KeyIndex, PlaceIndex, PlaceInput } from '../../names/index.js';

/*
 * The matcher's picture of a gazetteer: each facility's profile (its types, numbers,
 * towns, regions and name words, read from its names as a mention is read) and the
 * inverted indexes that find the few profiles a mention may mean. Built once per matcher;
 * scoring a profile against a mention is facility-score.ts.
 */

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

/** What the matcher knows of one facility, read from its names as a mention is read. */
export interface Profile {
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

export const CYRILLIC = /\p{Script=Cyrillic}/u;
const DESCRIPTIVE = 0.5;
/** Weight of a town a facility's names give besides its settlement (whose weight is 1). */
const SECONDARY_TOWN = 0.8;

const keyString = (text: string): string => tokenise(text).map(matchKey).join(' ');
const featureWords = new Map<string, string>();
export function wordOfFeature(feature: string): string {
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

export interface Places {
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
        p.towns.set(hit.id, Math.max(p.towns.get(hit.id) ?? 0, SECONDARY_TOWN));
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

/** The profiles, and the indexes from a town, region, word, type + number or exact name to them. */
export interface FacilityIndex {
  places: Places;
  profiles: Profile[];
  byPlace: Map<string, Profile[]>;
  byWord: Map<string, Profile[]>;
  byTypeNumber: Map<string, Profile[]>;
  byExactName: Map<string, Profile[]>;
  /** The name words (not features), for look-ups with typos. */
  words: KeyIndex<string>;
}

export function buildFacilityIndex(facilities: readonly MatchableFacility[]): FacilityIndex {
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
  return { places, profiles, byPlace, byWord, byTypeNumber, byExactName, words };
}
