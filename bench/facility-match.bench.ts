/**
 * Facility matching at gazetteer scale: the bundled 95 places grown to 5,000 with seeded
 * synthetic ones (Russian-style town names, plausible types, numbers unique per region),
 * and a mixed set of mentions: the committed test set, mentions of synthetic facilities in
 * Ukrainian, Russian and English with typos, and texts naming nothing.
 *
 * figure = mentions per CPU-second through `match`, one pass over the mentions with a
 * freshly built matcher (median of three); baseline = the same mentions through an exact
 * lookup (a Map of normalised full names), the least a matcher can do; ratio = figure /
 * baseline, the share of the exact lookup's speed that full matching keeps.
 */
import { readFileSync } from 'node:fs';
import { createFacilityMatcher } from '../src/features/facilities/facility-matcher.js';
import type { MatchableFacility } from '../src/features/facilities/facility-matcher.js';
import {
  createRandom,
  FACILITIES_CSV_PATH,
  readFacilityRows,
  TEST_SET_PATH,
  toMatchable,
} from '../test/facility-match-test-set.js';
import type { MatchTestSet } from '../test/facility-match-test-set.js';
import { guessCounterpartSpellings, normalise, transliterateRu } from '../src/names/index.js';
import { peakRssMiB } from './bench-result.js';
import type { Benchmark, BenchResult } from './bench-result.js';

const SEED = 5000;
const GAZETTEER_SIZE = 5000;
const SYNTHETIC_MENTIONS = 20_000;
const TARGET = 20_000;
const TRIALS = 3;

type Random = () => number;
const pick = <T>(rnd: Random, items: readonly T[]): T =>
  items[Math.floor(rnd() * items.length)] as T;

const ROOTS =
  'Бел Крас Камен Озер Берез Сосн Лес Гор Яр Вол Дон Сев Полт Тал Мир Звен Крут Рудн Степн Луг Сад Бор Дуб Лип Ольх Ряб Щерб Жук Медв Волч Лис Орл Сокол Кур Брян Мос Тих Глин Песч Снеж Рыб Вишн Ток Сар Кам'.split(
    ' ',
  );
const MIDDLES = ['', 'ов', 'ин', 'ян', 'ар', 'ен', 'ал', 'ич'];
const ENDINGS = [
  'ск',
  'ово',
  'ино',
  'овка',
  'ка',
  'град',
  'горск',
  'озерск',
  'ец',
  'поль',
  'ево',
  'ное',
  'инск',
];
const PREFIXES = ['', '', '', '', 'Ново', 'Старо', 'Верхне', 'Красно'];

const REGIONS: readonly { code: string; en: string }[] = [
  { code: 'RU-ROS', en: 'Rostov Oblast' },
  { code: 'RU-KRS', en: 'Kursk Oblast' },
  { code: 'RU-BRY', en: 'Bryansk Oblast' },
  { code: 'RU-BEL', en: 'Belgorod Oblast' },
  { code: 'RU-VOR', en: 'Voronezh Oblast' },
  { code: 'RU-VGG', en: 'Volgograd Oblast' },
  { code: 'RU-TUL', en: 'Tula Oblast' },
  { code: 'RU-SMO', en: 'Smolensk Oblast' },
  { code: 'RU-VLA', en: 'Vladimir Oblast' },
  { code: 'RU-MO', en: 'Republic of Mordovia' },
  { code: 'RU-PER', en: 'Perm Krai' },
  { code: 'RU-KDA', en: 'Krasnodar Krai' },
  { code: 'RU-SAR', en: 'Saratov Oblast' },
  { code: 'RU-PNZ', en: 'Penza Oblast' },
  { code: 'RU-RYA', en: 'Ryazan Oblast' },
  { code: 'RU-TVE', en: 'Tver Oblast' },
  { code: 'RU-ORL', en: 'Oryol Oblast' },
  { code: 'RU-LIP', en: 'Lipetsk Oblast' },
  { code: 'RU-TAM', en: 'Tambov Oblast' },
  { code: 'RU-KIR', en: 'Kirov Oblast' },
];

interface SyntheticTown {
  ru: string;
  uk: string;
  en: string;
  region: string;
}

interface SyntheticFacility extends MatchableFacility {
  town: SyntheticTown;
  number?: number;
}

const TYPES = [
  ['sizo', 0.3],
  ['penal_colony', 0.4],
  ['temporary_detention', 0.1],
  ['police_station', 0.08],
  ['prison', 0.05],
  ['camp', 0.04],
  ['informal_site', 0.03],
] as const;

function pickType(rnd: Random): string {
  let r = rnd();
  for (const [type, p] of TYPES) {
    if (r < p) return type;
    r -= p;
  }
  return 'sizo';
}

function syntheticTowns(rnd: Random, count: number): SyntheticTown[] {
  const seen = new Set<string>();
  const towns: SyntheticTown[] = [];
  while (towns.length < count) {
    const ru =
      pick(rnd, PREFIXES) +
      pick(rnd, ROOTS).toLowerCase() +
      pick(rnd, MIDDLES) +
      pick(rnd, ENDINGS);
    const name = ru.charAt(0).toUpperCase() + ru.slice(1);
    if (seen.has(name)) continue;
    seen.add(name);
    towns.push({
      ru: name,
      uk: guessCounterpartSpellings(name, 'ru')[0] ?? name,
      en: transliterateRu(name).replace(/[ʹʺ]/gu, ''),
      region: pick(rnd, REGIONS).code,
    });
  }
  return towns;
}

function syntheticFacility(
  rnd: Random,
  id: number,
  town: SyntheticTown,
  numbers: Map<string, number>,
  taken: Set<string>,
): SyntheticFacility {
  let type = pickType(rnd);
  // A town has one police station, IVS, camp or basement of each kind, as real towns do;
  // a second one of a type without numbers would be a duplicate no mention could tell apart.
  while (!['sizo', 'penal_colony', 'prison'].includes(type) && taken.has(`${town.ru}:${type}`)) {
    type = pickType(rnd);
  }
  taken.add(`${town.ru}:${type}`);
  const region = REGIONS.find((r) => r.code === town.region) ?? REGIONS[0];
  const counter = `${town.region}:${type}`;
  const numbered = type === 'sizo' || type === 'penal_colony' || type === 'prison';
  const number = numbered ? (numbers.get(counter) ?? 0) + 1 : undefined;
  if (number !== undefined) numbers.set(counter, number);
  const base = {
    id: `synthetic-${id}`,
    nameUk: '',
    nameRu: '',
    type,
    territory: 'RU',
    region: region?.en ?? '',
    regionCode: town.region,
    settlement: town.en,
    town,
    ...(number !== undefined ? { number } : {}),
  };
  const n = number ?? 0;
  switch (type) {
    case 'sizo':
      return {
        ...base,
        nameEn: `Pre-trial detention centre No. ${n}, ${town.en}`,
        aliases: [`SIZO-${n} ${town.en}`, `СИЗО-${n} (${town.ru})`],
      };
    case 'penal_colony':
      return {
        ...base,
        nameEn: `Correctional colony No. ${n}, ${town.en}`,
        aliases: [`IK-${n} ${town.en}`, `ИК-${n} (${town.ru})`],
      };
    case 'prison':
      return { ...base, nameEn: `Prison No. ${n}, ${town.en}`, aliases: [`T-${n} ${town.en}`] };
    case 'temporary_detention':
      return {
        ...base,
        nameEn: `${town.en} temporary detention centre (IVS)`,
        aliases: [`ИВС (${town.ru})`],
      };
    case 'police_station':
      return { ...base, nameEn: `${town.en} police department`, aliases: [] };
    case 'camp':
      return { ...base, nameEn: `Camp near ${town.en}`, aliases: [] };
    default:
      return {
        ...base,
        nameEn: `${pick(rnd, ['School', 'Hospital', 'Factory', 'Hotel'])} basement, ${town.en}`,
        aliases: [],
      };
  }
}

function typo(rnd: Random, text: string): string {
  const letters = Array.from(text);
  const spots = letters.map((c, i) => (/\p{L}/u.test(c) ? i : -1)).filter((i) => i > 0);
  if (spots.length === 0) return text;
  const at = pick(rnd, spots);
  if (rnd() < 0.5) letters.splice(at, 1);
  else [letters[at - 1], letters[at]] = [letters[at] ?? '', letters[at - 1] ?? ''];
  return letters.join('');
}

function mentionOf(rnd: Random, f: SyntheticFacility): string {
  const t = f.town;
  const n = f.number;
  const byType: Record<string, string[]> = {
    sizo: [
      `СИЗО-${n} ${t.ru}`,
      `СІЗО №${n} м. ${t.uk}`,
      `pre-trial detention centre No. ${n} in ${t.en}`,
      `SIZO-${n}, ${t.en}`,
    ],
    penal_colony: [
      `ИК-${n} ${t.ru}`,
      `колонія №${n} (${t.uk})`,
      `penal colony No. ${n}, ${t.en}`,
      `IK-${n} ${t.en}`,
    ],
    prison: [`тюрьма №${n} ${t.ru}`, `prison No. ${n} in ${t.en}`],
    temporary_detention: [`ИВС ${t.ru}`, `ІТТ (${t.uk})`, `IVS ${t.en}`],
    police_station: [`отдел полиции ${t.ru}`, `${t.en} police station`],
    camp: [`лагерь под ${t.ru}`, `camp near ${t.en}`],
    informal_site: [`basement in ${t.en}`, `подвал (${t.ru})`],
  };
  const text = pick(rnd, byType[f.type] ?? [f.nameEn]);
  return rnd() < 0.2 ? typo(rnd, text) : text;
}

/** CPU time (user + system) of this process in ms: other work on a shared machine is not counted. */
function cpuMs(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** The bundled gazetteer grown to `GAZETTEER_SIZE`, and labelled mentions to match. */
export function benchData(): {
  gazetteer: MatchableFacility[];
  labelled: { text: string; expected: string | null; synthetic: boolean }[];
} {
  const rnd = createRandom(SEED);
  const bundled = readFacilityRows(readFileSync(FACILITIES_CSV_PATH, 'utf8')).map(toMatchable);
  const towns = syntheticTowns(rnd, Math.round((GAZETTEER_SIZE - bundled.length) / 3));
  const numbers = new Map<string, number>();
  const taken = new Set<string>();
  const synthetic: SyntheticFacility[] = [];
  for (let i = 0; synthetic.length < GAZETTEER_SIZE - bundled.length; i++) {
    synthetic.push(syntheticFacility(rnd, i, pick(rnd, towns), numbers, taken));
  }
  const testSet = JSON.parse(readFileSync(TEST_SET_PATH, 'utf8')) as MatchTestSet;
  const labelled = testSet.mentions.map((m) => ({ ...m, synthetic: false }));
  for (let i = 0; i < SYNTHETIC_MENTIONS; i++) {
    const f = pick(rnd, synthetic);
    labelled.push({ text: mentionOf(rnd, f), expected: f.id, form: 'synthetic', synthetic: true });
  }
  return { gazetteer: [...bundled, ...synthetic], labelled };
}

const benchmark: Benchmark = {
  name: 'facility-match',
  description: `match mentions against a ${GAZETTEER_SIZE.toLocaleString('en')}-facility gazetteer vs an exact name lookup`,
  run(): Promise<BenchResult> {
    const { gazetteer, labelled } = benchData();
    const mentions = labelled.map((m) => m.text);

    // Each trial streams every mention once through a fresh matcher, so its caches start
    // empty and help only where words really recur; an untimed trial first warms the JIT.
    let buildMs = 0;
    const cold: number[] = [];
    let matcher = createFacilityMatcher(gazetteer);
    for (const m of mentions) matcher.match(m);
    for (let trial = 0; trial < TRIALS; trial++) {
      buildMs = cpuMs(() => (matcher = createFacilityMatcher(gazetteer)));
      cold.push((mentions.length / cpuMs(() => mentions.forEach((m) => matcher.match(m)))) * 1000);
    }
    const figure = median(cold);
    const warm = (mentions.length / cpuMs(() => mentions.forEach((m) => matcher.match(m)))) * 1000;

    // Exact lookup: every name and alias, normalised, to its facility.
    const exact = new Map<string, string>();
    for (const f of gazetteer) {
      for (const name of [f.nameEn, f.nameUk, f.nameRu, ...f.aliases]) {
        if (name !== '') exact.set(normalise(name), f.id);
      }
    }
    for (const m of mentions) exact.get(normalise(m));
    const baseline = median(
      Array.from(
        { length: TRIALS },
        () =>
          (mentions.length / cpuMs(() => mentions.forEach((m) => exact.get(normalise(m))))) * 1000,
      ),
    );

    let right = 0;
    let syntheticRight = 0;
    let exactRight = 0;
    let wrongOnNull = 0;
    let nulls = 0;
    labelled.forEach((m) => {
      const top = matcher.match(m.text).candidates[0]?.id ?? null;
      const isSynthetic = m.synthetic;
      if (m.expected === null) {
        nulls++;
        if (top !== null) wrongOnNull++;
      } else if (top === m.expected) {
        right++;
        if (isSynthetic) syntheticRight++;
      }
      if (m.expected !== null && exact.get(normalise(m.text)) === m.expected) exactRight++;
    });
    const named = labelled.length - nulls;

    return Promise.resolve({
      name: 'facility-match',
      figureLabel: 'mentions per CPU-second (one core, 5,000 facilities, one pass, fresh index)',
      figure,
      baselineLabel: 'mentions per CPU-second, exact lookup of normalised full names',
      baseline,
      ratio: figure / baseline,
      target: `≥ ${TARGET.toLocaleString('en')} mentions/s`,
      met: figure >= TARGET,
      extra: {
        facilities: gazetteer.length,
        mentions: mentions.length,
        'mentions/s with warm caches (second pass)': Math.round(warm),
        'index build CPU ms': Math.round(buildMs),
        'top-1 accuracy, named mentions (all)': `${((100 * right) / named).toFixed(1)}%`,
        'top-1 accuracy, synthetic facilities': `${((100 * syntheticRight) / SYNTHETIC_MENTIONS).toFixed(1)}%`,
        'top-1 accuracy of the exact lookup': `${((100 * exactRight) / named).toFixed(1)}%`,
        // Those texts were labelled against the bundled 95 places; some name a region whose
        // SIZO or colony of that number the synthetic places now supply.
        "answers to the test set's no-match texts": `${wrongOnNull}/${nulls}`,
        'peak RSS MiB': peakRssMiB(),
      },
    });
  },
};

export default benchmark;
