/**
 * Writes data/geo/labels.json, the offline place names of the dashboard's map: countries,
 * regions (with the ISO code each boundary of data/geo/boundaries.json stands for) and towns
 * of the bundled gazetteer (data/geo/settlements.csv), each in English, Ukrainian and Russian.
 * Nothing is downloaded; run it again after either file changes: `npx tsx scripts/extract-labels.ts`.
 *
 * The boundaries carry Natural Earth's names only ("Donets'k", "Moskovsskaya"), so a region's
 * ISO code is the one of most people in the gazetteer's towns inside it (so a city's outline
 * goes to the city, not to the oblast around it): no hand table to get wrong.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { isoRegionOf } from '../src/features/facilities/geonames-admin1.js';
import { loadSettlements } from '../src/features/facilities/settlements-file.js';
import {
  REGION_NAMES,
  TOWN_NAMES,
  editDistance,
  guessCyrillicLanguage,
  matchKey,
  detectScript,
} from '../src/names/index.js';
import { packageRoot } from '../src/package-root.js';

const geo = join(packageRoot(), 'data', 'geo');
const boundaries = JSON.parse(
  readFileSync(join(geo, 'boundaries.json'), 'utf8'),
) as FeatureCollection<
  Polygon | MultiPolygon,
  { kind: 'country' | 'region'; country: string; name: string }
>;
const settlements = await loadSettlements(join(geo, 'settlements.csv'));

/** Names of the countries drawn, keyed as boundaries.json keys them (plus the two it splits into regions). */
const COUNTRIES: Record<string, [string, string, string]> = {
  UKR: ['Ukraine', 'Україна', 'Украина'],
  RUS: ['Russia', 'Росія', 'Россия'],
  BLR: ['Belarus', 'Білорусь', 'Беларусь'],
  POL: ['Poland', 'Польща', 'Польша'],
  MDA: ['Moldova', 'Молдова', 'Молдова'],
  ROU: ['Romania', 'Румунія', 'Румыния'],
  LTU: ['Lithuania', 'Литва', 'Литва'],
  LVA: ['Latvia', 'Латвія', 'Латвия'],
  EST: ['Estonia', 'Естонія', 'Эстония'],
  FIN: ['Finland', 'Фінляндія', 'Финляндия'],
  GEO: ['Georgia', 'Грузія', 'Грузия'],
  KAZ: ['Kazakhstan', 'Казахстан', 'Казахстан'],
  SVK: ['Slovakia', 'Словаччина', 'Словакия'],
  HUN: ['Hungary', 'Угорщина', 'Венгрия'],
  AZE: ['Azerbaijan', 'Азербайджан', 'Азербайджан'],
  ARM: ['Armenia', 'Вірменія', 'Армения'],
  BGR: ['Bulgaria', 'Болгарія', 'Болгария'],
  TUR: ['Turkey', 'Туреччина', 'Турция'],
  NOR: ['Norway', 'Норвегія', 'Норвегия'],
  SWE: ['Sweden', 'Швеція', 'Швеция'],
  MNG: ['Mongolia', 'Монголія', 'Монголия'],
  CHN: ['China', 'Китай', 'Китай'],
  TKM: ['Turkmenistan', 'Туркменістан', 'Туркменистан'],
  UZB: ['Uzbekistan', 'Узбекистан', 'Узбекистан'],
  KGZ: ['Kyrgyzstan', 'Киргизстан', 'Киргизия'],
};
/** Where a country's name sits: its own outline's middle misleads for Russia and its neighbours. */
const COUNTRY_AT: Record<string, [number, number]> = {
  UKR: [49.2, 31.5],
  RUS: [56.5, 44],
  BLR: [53.5, 28],
};

/**
 * Regions the names engine does not name (it names those facilities are in): the oblasts of
 * Ukraine and the regions of western Russia, so the default view is labelled throughout.
 */
const MORE_REGIONS: [string, string, string, string][] = [
  ['UA-71', 'Cherkasy Oblast', 'Черкаська область', 'Черкасская область'],
  ['UA-77', 'Chernivtsi Oblast', 'Чернівецька область', 'Черновицкая область'],
  ['UA-26', 'Ivano-Frankivsk Oblast', 'Івано-Франківська область', 'Ивано-Франковская область'],
  ['UA-68', 'Khmelnytskyi Oblast', 'Хмельницька область', 'Хмельницкая область'],
  ['UA-35', 'Kirovohrad Oblast', 'Кіровоградська область', 'Кировоградская область'],
  ['UA-30', 'Kyiv', 'Київ', 'Киев'],
  ['UA-46', 'Lviv Oblast', 'Львівська область', 'Львовская область'],
  ['UA-51', 'Odesa Oblast', 'Одеська область', 'Одесская область'],
  ['UA-53', 'Poltava Oblast', 'Полтавська область', 'Полтавская область'],
  ['UA-56', 'Rivne Oblast', 'Рівненська область', 'Ровенская область'],
  ['UA-61', 'Ternopil Oblast', 'Тернопільська область', 'Тернопольская область'],
  ['UA-05', 'Vinnytsia Oblast', 'Вінницька область', 'Винницкая область'],
  ['UA-07', 'Volyn Oblast', 'Волинська область', 'Волынская область'],
  ['UA-21', 'Zakarpattia Oblast', 'Закарпатська область', 'Закарпатская область'],
  ['UA-18', 'Zhytomyr Oblast', 'Житомирська область', 'Житомирская область'],
  ['RU-KGD', 'Kaliningrad Oblast', 'Калінінградська область', 'Калининградская область'],
  ['RU-NGR', 'Novgorod Oblast', 'Новгородська область', 'Новгородская область'],
  ['RU-IVA', 'Ivanovo Oblast', 'Іванівська область', 'Ивановская область'],
  ['RU-KOS', 'Kostroma Oblast', 'Костромська область', 'Костромская область'],
  ['RU-VLG', 'Vologda Oblast', 'Вологодська область', 'Вологодская область'],
  ['RU-ULY', 'Ulyanovsk Oblast', 'Ульяновська область', 'Ульяновская область'],
  ['RU-KR', 'Republic of Karelia', 'Республіка Карелія', 'Республика Карелия'],
  ['RU-ME', 'Mari El', 'Марій Ел', 'Марий Эл'],
  ['RU-CU', 'Chuvashia', 'Чувашія', 'Чувашия'],
  ['RU-UD', 'Udmurtia', 'Удмуртія', 'Удмуртия'],
  ['RU-KL', 'Kalmykia', 'Калмикія', 'Калмыкия'],
  ['RU-AD', 'Adygea', 'Адигея', 'Адыгея'],
  ['RU-KB', 'Kabardino-Balkaria', 'Кабардино-Балкарія', 'Кабардино-Балкария'],
  ['RU-KC', 'Karachay-Cherkessia', 'Карачаєво-Черкесія', 'Карачаево-Черкесия'],
  ['RU-SE', 'North Ossetia', 'Північна Осетія', 'Северная Осетия'],
  ['RU-IN', 'Ingushetia', 'Інгушетія', 'Ингушетия'],
  ['RU-CE', 'Chechnya', 'Чечня', 'Чечня'],
  ['RU-DA', 'Dagestan', 'Дагестан', 'Дагестан'],
];
const REGION_LABEL = new Map<string, { en: string; uk: string; ru: string }>([
  ...REGION_NAMES.map((r) => [r.code, { en: r.en, uk: r.uk, ru: r.ru }] as const),
  ...MORE_REGIONS.map(([code, en, uk, ru]) => [code, { en, uk, ru }] as const),
]);

function inRing(lon: number, lat: number, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
const polygonsOf = (g: Polygon | MultiPolygon): Position[][][] =>
  g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
const contains = (g: Polygon | MultiPolygon, lon: number, lat: number) =>
  polygonsOf(g).some(
    (p) => inRing(lon, lat, p[0]!) && !p.slice(1).some((h) => inRing(lon, lat, h)),
  );
function ringArea(ring: Position[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    a += ring[j]![0]! * ring[i]![1]! - ring[i]![0]! * ring[j]![1]!;
  return a / 2;
}
function ringCentroid(ring: Position[]): [number, number] {
  let x = 0;
  let y = 0;
  const a = ringArea(ring);
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const f = ring[j]![0]! * ring[i]![1]! - ring[i]![0]! * ring[j]![1]!;
    x += (ring[j]![0]! + ring[i]![0]!) * f;
    y += (ring[j]![1]! + ring[i]![1]!) * f;
  }
  return [y / (6 * a), x / (6 * a)];
}
/** The middle of the largest part, or the town inside nearest it when the middle falls outside. */
function labelPoint(g: Polygon | MultiPolygon, inside: typeof settlements): [number, number] {
  const largest = polygonsOf(g).sort(
    (a, b) => Math.abs(ringArea(b[0]!)) - Math.abs(ringArea(a[0]!)),
  )[0]!;
  const [lat, lon] = ringCentroid(largest[0]!);
  if (contains(g, lon, lat) || inside.length === 0) return [round(lat), round(lon)];
  const near = [...inside].sort(
    (a, b) => (a.lat - lat) ** 2 + (a.lon - lon) ** 2 - ((b.lat - lat) ** 2 + (b.lon - lon) ** 2),
  )[0]!;
  return [near.lat, near.lon];
}
const round = (n: number) => Math.round(n * 100) / 100;

const countries = boundaries.features
  .filter((f) => f.properties.kind === 'country')
  .map((f) => f.properties.country)
  .concat(['UKR', 'RUS'])
  .flatMap((code) => {
    const names = COUNTRIES[code];
    if (!names) return [];
    const outline = boundaries.features.find(
      (f) => f.properties.kind === 'country' && f.properties.country === code,
    );
    const at = COUNTRY_AT[code] ?? (outline ? labelPoint(outline.geometry, []) : null);
    return at ? [{ code, en: names[0], uk: names[1], ru: names[2], lat: at[0], lon: at[1] }] : [];
  });

const regions = boundaries.features
  .filter((f) => f.properties.kind === 'region')
  .map((f) => {
    const inside = settlements.filter((s) => contains(f.geometry, s.lon, s.lat));
    const votes = new Map<string, number>();
    for (const s of inside) {
      const iso = isoRegionOf(s.country, s.admin1);
      if (iso) votes.set(iso, (votes.get(iso) ?? 0) + Math.max(s.population, 1));
    }
    const code = [...votes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
    const names = code ? REGION_LABEL.get(code) : undefined;
    const [lat, lon] = labelPoint(f.geometry, inside);
    return {
      boundary: `${f.properties.country}|${f.properties.name}`,
      code,
      en: names?.en ?? f.properties.name,
      uk: names?.uk ?? null,
      ru: names?.ru ?? null,
      lat,
      lon,
    };
  });

const codes = regions.map((r) => r.code).filter(Boolean);
const twice = codes.filter((c, i) => codes.indexOf(c) !== i);
if (twice.length) throw new Error(`two boundaries took the same region code: ${twice.join(', ')}`);

/**
 * Big towns whose GeoNames alternatives lead the rule below astray (a Bulgarian "Гомел", a
 * Mongolian "Улаан-Удэ", a Russian form for a Ukrainian label): their names as each language
 * writes them, by GeoNames' main name.
 */
const BIG_TOWNS: Record<string, [string, string]> = {
  'Rostov-na-Donu': ['Ростов-на-Дону', 'Ростов-на-Дону'],
  'Nizhniy Novgorod': ['Нижній Новгород', 'Нижний Новгород'],
  Tyumen: ['Тюмень', 'Тюмень'],
  Perm: ['Перм', 'Пермь'],
  Tver: ['Твер', 'Тверь'],
  Tolyatti: ['Тольятті', 'Тольятти'],
  Zaporizhzhya: ['Запоріжжя', 'Запорожье'],
  Izhevsk: ['Іжевськ', 'Ижевск'],
  Ulyanovsk: ['Ульяновськ', 'Ульяновск'],
  "Homyel'": ['Гомель', 'Гомель'],
  Cheboksary: ['Чебоксари', 'Чебоксары'],
  Ivanovo: ['Іваново', 'Иваново'],
  Hrodna: ['Гродно', 'Гродно'],
  Mahilyow: ['Могильов', 'Могилёв'],
  Vitebsk: ['Вітебськ', 'Витебск'],
  Groznyy: ['Грозний', 'Грозный'],
  Khmelnytskyi: ['Хмельницький', 'Хмельницкий'],
  Cherkasy: ['Черкаси', 'Черкассы'],
  Chernivtsi: ['Чернівці', 'Черновцы'],
  Rivne: ['Рівне', 'Ровно'],
  'Staryy Oskol': ['Старий Оскол', 'Старый Оскол'],
  Kamyanske: ['Кам’янське', 'Каменское'],
  'Kryvyy Rih': ['Кривий Ріг', 'Кривой Рог'],
  Kropyvnytskyy: ['Кропивницький', 'Кропивницкий'],
  'Naberezhnyye Chelny': ['Набережні Челни', 'Набережные Челны'],
  'Ulan-Ude': ['Улан-Уде', 'Улан-Удэ'],
  Chita: ['Чита', 'Чита'],
  Orël: ['Орел', 'Орёл'],
  Yakutsk: ['Якутськ', 'Якутск'],
  Syktyvkar: ['Сиктивкар', 'Сыктывкар'],
  Bratsk: ['Братськ', 'Братск'],
  'Saint Petersburg': ['Санкт-Петербург', 'Санкт-Петербург'],
  Kazan: ['Казань', 'Казань'],
  Yaroslavl: ['Ярославль', 'Ярославль'],
  Kaliningrad: ['Калінінград', 'Калининград'],
  Khabarovsk: ['Хабаровськ', 'Хабаровск'],
};

/**
 * A town's Ukrainian and Russian spellings, from the names engine or picked from GeoNames'
 * Cyrillic alternatives: only plain Ukrainian or Russian letters (no Mari "ӱ", no stress
 * marks), and of those the one closest by match key to the town's English name, so a former
 * name (Верноленинск) or another language's (Дон ӱмбалне Ростов) loses to the current one.
 * Good for the big towns labelled; a Russian label in Ukraine may come out in a Ukrainian form
 * (Черкаси) where GeoNames gives no closer Russian one.
 */
function townNames(s: (typeof settlements)[number]): { uk: string | null; ru: string | null } {
  const known = TOWN_NAMES.find((t) => t.en === s.name);
  if (known) return { uk: known.uk, ru: known.ru };
  const fixed = BIG_TOWNS[s.name];
  if (fixed) return { uk: fixed[0], ru: fixed[1] };
  const key = matchKey(s.name);
  const plain = s.altNames
    .filter((n) => detectScript(n) === 'cyrillic' && /^[а-яёіїєґʼ'’ -]+$/iu.test(n))
    .map((n) => ({ n, lang: guessCyrillicLanguage(n), d: editDistance(matchKey(n), key) }))
    .sort((a, b) => a.d - b.d);
  const pick = (other: string) =>
    plain.find((c) => c.lang !== other && c.d <= key.length / 3)?.n ?? null;
  return { uk: pick('ru'), ru: pick('uk') };
}
/** Bigger towns show from further out; the smallest only close in. */
const minZoom = (population: number) =>
  population >= 1e6 ? 4 : population >= 3e5 ? 6 : population >= 1e5 ? 7 : 8;
const towns = settlements
  .filter((s) => s.population >= 50_000)
  .sort((a, b) => b.population - a.population)
  .map((s) => ({
    en: s.name,
    ...townNames(s),
    lat: s.lat,
    lon: s.lon,
    minZoom: minZoom(s.population),
  }));

const out = join(geo, 'labels.json');
writeFileSync(out, `${JSON.stringify({ countries, regions, towns })}\n`);
console.log(
  `wrote ${out}: ${countries.length} countries, ${regions.length} regions (${codes.length} with a code), ${towns.length} towns`,
);
