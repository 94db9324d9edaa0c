/**
 * Builds the facility-matching test set, `fixtures/facility-match-test-set.json`: mentions
 * of the bundled gazetteer's places written the way sources and survivors write them
 * (Ukrainian, Russian and English; abbreviations; formal prison-service names; word orders;
 * typos), and texts that name no known place. The phrasing tables below are written from how people write,
 * not from the matcher's vocabulary; the only shared data are the Ukrainian and Russian
 * base names of towns. Deterministic: the same CSV and seed give the same file.
 *
 *   npx tsx test/facility-match-test-set.ts   # rewrites the JSON file
 *
 * Shared by the matcher's tests and the facility-match benchmark; no product code uses it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { MatchableFacility } from '../src/features/facilities/index.js';
import { TOWN_NAMES } from '../src/names/index.js';

export interface FacilityRow {
  id: string;
  name_en: string;
  name_uk: string;
  name_ru: string;
  aliases: string;
  type: string;
  type_as_reported: string;
  territory: string;
  region: string;
  region_code: string;
  settlement: string;
}

export interface TestMention {
  text: string;
  /** The facility the text names, or null when it names no place of the gazetteer. */
  expected: string | null;
  /** How the text was made, e.g. `ru:type-number-town`, `alias`, `absent:number`. */
  form: string;
}

export interface MatchTestSet {
  seed: number;
  source: string;
  named: number;
  unnamed: number;
  mentions: TestMention[];
}

export const DEFAULT_SEED = 20251101;

export function readFacilityRows(csv: string): FacilityRow[] {
  return parse<FacilityRow>(csv, { columns: true, skip_empty_lines: true });
}

export function toMatchable(r: FacilityRow): MatchableFacility {
  return {
    id: r.id,
    nameEn: r.name_en,
    nameUk: r.name_uk,
    nameRu: r.name_ru,
    aliases: r.aliases
      .split(';')
      .map((a) => a.trim())
      .filter((a) => a !== ''),
    type: r.type,
    territory: r.territory,
    region: r.region,
    regionCode: r.region_code,
    settlement: r.settlement,
  };
}

/** mulberry32: small, fast, and the same on every platform. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Lang = 'en' | 'uk' | 'ru';
type Random = () => number;
const pick = <T>(rnd: Random, items: readonly T[]): T =>
  items[Math.floor(rnd() * items.length)] as T;

// ---------------------------------------------------------------------------------------
// How people write facility types, with and without a number ({n}).
const TYPE_WITH_NUMBER: Readonly<Record<string, Record<Lang, string[]>>> = {
  sizo: {
    en: [
      'SIZO-{n}',
      'SIZO No. {n}',
      'pre-trial detention centre No. {n}',
      'pretrial detention center #{n}',
      'SIZO #{n}',
      'detention center No. {n}',
    ],
    ru: ['СИЗО-{n}', 'СИЗО №{n}', 'СИЗО № {n}', 'следственный изолятор №{n}', 'СИЗО {n}'],
    uk: ['СІЗО-{n}', 'СІЗО №{n}', 'СІЗО № {n}', 'слідчий ізолятор №{n}', 'СІЗО {n}'],
  },
  penal_colony: {
    en: [
      'IK-{n}',
      'penal colony No. {n}',
      'correctional colony No. {n}',
      'colony No. {n}',
      'IK No. {n}',
    ],
    ru: [
      'ИК-{n}',
      'ИК №{n}',
      'исправительная колония №{n}',
      'колония №{n}',
      'исправительная колония № {n}',
    ],
    uk: ['ВК-{n}', 'ІК-{n}', 'виправна колонія №{n}', 'колонія №{n}'],
  },
};

const TYPE_WITHOUT_NUMBER: Readonly<Record<string, Record<Lang, string[]>>> = {
  sizo: {
    en: ['SIZO', 'pre-trial detention centre', 'pretrial detention facility'],
    ru: ['СИЗО', 'следственный изолятор'],
    uk: ['СІЗО', 'слідчий ізолятор'],
  },
  penal_colony: {
    en: ['penal colony', 'correctional colony', 'colony'],
    ru: ['колония', 'исправительная колония', 'ИК'],
    uk: ['колонія', 'виправна колонія'],
  },
  prison: { en: ['prison'], ru: ['тюрьма'], uk: ["в'язниця"] },
  temporary_detention: {
    en: ['IVS', 'temporary detention centre'],
    ru: ['ИВС', 'изолятор временного содержания'],
    uk: ['ІТТ', 'ізолятор тимчасового тримання'],
  },
  police_station: {
    en: ['police station', 'police department'],
    ru: ['отдел полиции', 'отделение полиции'],
    uk: ['відділок поліції', 'відділ поліції'],
  },
  filtration_point: {
    en: ['filtration point', 'filtration camp'],
    ru: ['фильтрационный пункт', 'фильтрационный лагерь'],
    uk: ['фільтраційний пункт', 'фільтраційний табір'],
  },
  camp: {
    en: ['POW camp', 'camp'],
    ru: ['лагерь', 'лагерь для военнопленных'],
    uk: ['табір', 'табір для військовополонених'],
  },
};

// Town adjectives as writers use them ("Таганрозьке СІЗО", "Курский СИЗО"): stems by town.
const ADJECTIVE_STEMS: Readonly<Record<string, { uk: string; ru: string; en?: string }>> = {
  Taganrog: { uk: 'Таганрозьк', ru: 'Таганрогск' },
  Kursk: { uk: 'Курськ', ru: 'Курск' },
  Novozybkov: { uk: 'Новозибківськ', ru: 'Новозыбковск' },
  Vyazma: { uk: 'Вяземськ', ru: 'Вяземск', en: 'Vyazemsky' },
  Kamyshin: { uk: 'Камишинськ', ru: 'Камышинск' },
  Simferopol: { uk: 'Сімферопольськ', ru: 'Симферопольск' },
  Donetsk: { uk: 'Донецьк', ru: 'Донецк' },
  Makiivka: { uk: 'Макіївськ', ru: 'Макеевск' },
  Luhansk: { uk: 'Луганськ', ru: 'Луганск' },
  Borisoglebsk: { uk: 'Борисоглібськ', ru: 'Борисоглебск' },
  Kherson: { uk: 'Херсонськ', ru: 'Херсонск' },
  Melitopol: { uk: 'Мелітопольськ', ru: 'Мелитопольск' },
  Berdiansk: { uk: 'Бердянськ', ru: 'Бердянск' },
  Zverevo: { uk: 'Зверевськ', ru: 'Зверевск' },
  'Stary Oskol': { uk: 'Старооскольськ', ru: 'Старооскольск' },
  Valuyki: { uk: 'Валуйськ', ru: 'Валуйск' },
  'Rostov-on-Don': { uk: 'Ростовськ', ru: 'Ростовск' },
};

// Irregular case forms; the rest follow the rules in `inflect`.
const IRREGULAR: Readonly<Record<string, { gen?: string; loc?: string }>> = {
  Таганріг: { gen: 'Таганрога', loc: 'Таганрозі' },
  'Старий Оскол': { gen: 'Старого Осколу', loc: 'Старому Осколі' },
  'Старый Оскол': { gen: 'Старого Оскола', loc: 'Старом Осколе' },
  'Ростов-на-Дону': { gen: 'Ростова-на-Дону', loc: 'Ростові-на-Дону' },
  Валуйки: { gen: 'Валуйок', loc: 'Валуйках' },
  Ровеньки: { gen: 'Ровеньок', loc: 'Ровеньках' },
  Козаровичі: { gen: 'Козарович', loc: 'Козаровичах' },
  Козаровичи: { gen: 'Козарович', loc: 'Козаровичах' },
  Гулькевичі: { gen: 'Гулькевичів', loc: 'Гулькевичах' },
  Гулькевичи: { gen: 'Гулькевичей', loc: 'Гулькевичах' },
  Лабытнанги: { gen: 'Лабытнанги', loc: 'Лабытнанги' },
  Лабитнангі: { gen: 'Лабитнангі', loc: 'Лабитнангі' },
};

/** Genitive and locative of a town name, by the common Ukrainian and Russian patterns. */
function inflect(name: string, lang: 'uk' | 'ru'): { gen: string; loc: string } {
  const irregular = IRREGULAR[name];
  if (irregular?.gen && irregular.loc) return { gen: irregular.gen, loc: irregular.loc };
  // Writers rarely decline two-word names; they put "г."/"м." (town) before them instead.
  if (/\s/u.test(name)) {
    const marked = `${lang === 'ru' ? 'г.' : 'м.'} ${name}`;
    return { gen: marked, loc: marked };
  }
  const hard = (stem: string): string =>
    /[кгхжшчщ]$/u.test(stem) ? 'и' : lang === 'ru' ? 'ы' : 'и';
  if (/поль$/u.test(name))
    return {
      gen: `${name.slice(0, -1)}я`,
      loc: `${name.slice(0, -1)}${lang === 'ru' ? 'е' : 'і'}`,
    };
  if (/а$/u.test(name)) {
    const stem = name.slice(0, -1);
    const mutated =
      lang === 'uk' ? stem.replace(/к$/u, 'ц').replace(/г$/u, 'з').replace(/х$/u, 'с') : stem;
    return { gen: stem + hard(stem), loc: `${mutated}${lang === 'ru' ? 'е' : 'і'}` };
  }
  if (/(?:не|ве|ке|ське)$/u.test(name) && lang === 'uk') {
    const stem = name.slice(0, -1);
    return { gen: `${stem}ого`, loc: `${stem}ому` };
  }
  if (/ое$/u.test(name)) return { gen: `${name.slice(0, -2)}ого`, loc: `${name.slice(0, -2)}ом` };
  if (/[ыиоь]й$/u.test(name))
    return { gen: `${name.slice(0, -2)}ого`, loc: `${name.slice(0, -2)}ом` };
  if (/[оеиіуюя]$/u.test(name)) return { gen: name, loc: name };
  if (/ь$/u.test(name)) return { gen: `${name.slice(0, -1)}і`, loc: `${name.slice(0, -1)}і` };
  if (/ськ$|цьк$/u.test(name)) return { gen: `${name}а`, loc: `${name}у` };
  return { gen: `${name}а`, loc: `${name}${lang === 'ru' ? 'е' : 'і'}` };
}

// Regions as the Russian prison service names them ("УФСИН России по Курской области").
const REGION_PHRASES: Readonly<Record<string, { ru: string; uk: string; en: string }>> = {
  'RU-ROS': { ru: 'Ростовской области', uk: 'Ростовській області', en: 'the Rostov Region' },
  'RU-KRS': { ru: 'Курской области', uk: 'Курській області', en: 'Kursk Oblast' },
  'RU-BRY': { ru: 'Брянской области', uk: 'Брянській області', en: 'the Bryansk Region' },
  'RU-SMO': { ru: 'Смоленской области', uk: 'Смоленській області', en: 'Smolensk Oblast' },
  'RU-MO': { ru: 'Республике Мордовия', uk: 'Республіці Мордовія', en: 'the Republic of Mordovia' },
  'RU-TUL': { ru: 'Тульской области', uk: 'Тульській області', en: 'the Tula Region' },
  'RU-BEL': { ru: 'Белгородской области', uk: 'Бєлгородській області', en: 'Belgorod Oblast' },
  'RU-VGG': {
    ru: 'Волгоградской области',
    uk: 'Волгоградській області',
    en: 'the Volgograd Region',
  },
  'RU-VLA': { ru: 'Владимирской области', uk: 'Владимирській області', en: 'Vladimir Oblast' },
  'RU-YAN': {
    ru: 'Ямало-Ненецкому автономному округу',
    uk: 'Ямало-Ненецькому автономному окрузі',
    en: 'the Yamalo-Nenets Autonomous Okrug',
  },
  'RU-PER': { ru: 'Пермскому краю', uk: 'Пермському краю', en: 'Perm Krai' },
  'RU-VOR': { ru: 'Воронежской области', uk: 'Воронезькій області', en: 'the Voronezh Region' },
  'RU-KDA': { ru: 'Краснодарскому краю', uk: 'Краснодарському краю', en: 'Krasnodar Krai' },
  'RU-MOW': { ru: 'г. Москве', uk: 'м. Москві', en: 'Moscow' },
  'UA-43': {
    ru: 'Республике Крым и г. Севастополю',
    uk: 'Республіці Крим та м. Севастополю',
    en: 'the Republic of Crimea and Sevastopol',
  },
  'UA-14': {
    ru: 'Донецкой Народной Республике',
    uk: 'так званій ДНР',
    en: "the Donetsk People's Republic",
  },
};

// Places with no standard type: how Ukrainian and Russian texts describe them.
const DESCRIPTIONS: Readonly<Record<string, { uk: string[]; ru: string[] }>> = {
  'izium-site': {
    uk: ['катівня в районній адміністрації Ізюма'],
    ru: ['пыточная в здании районной администрации Изюма'],
  },
  'izium-site-police-station': {
    uk: ['катівня у відділку поліції в Ізюмі'],
    ru: ['пыточная в отделе полиции Изюма'],
  },
  'izium-site-security-service-building': {
    uk: ['будівля СБУ в Ізюмі, де катували'],
    ru: ['здание СБУ в Изюме'],
  },
  'izium-site-prosecutor-s-office': {
    uk: ['катівня в прокуратурі Ізюма'],
    ru: ['пыточная в прокуратуре Изюма'],
  },
  'izium-site-administrative-services-centre': {
    uk: ['катівня в центрі надання адміністративних послуг Ізюма'],
    ru: ['центр административных услуг в Изюме'],
  },
  'izium-site-military-commissariat': {
    uk: ['катівня у військкоматі Ізюма'],
    ru: ['военкомат Изюма, пыточная'],
  },
  'balakliia-site': {
    uk: ['друкарня в Балаклії, де катували людей'],
    ru: ['типография в Балаклее'],
  },
  'vovchansk-site': {
    uk: ['катівня на агрегатному заводі у Вовчанську'],
    ru: ['Волчанский агрегатный завод, пыточная'],
  },
  'hrakove-site': { uk: ['катівня в селі Гракове'], ru: ['пыточная в Граково'] },
  'kupiansk-site': { uk: ["катівня в Куп'янську"], ru: ['пыточная в Купянске'] },
  'kozacha-lopan-site': { uk: ['катівня в Козачій Лопані'], ru: ['пыточная в Казачьей Лопани'] },
  'shevchenkove-site': { uk: ['катівня у Шевченковому'], ru: ['пыточная в Шевченково'] },
  'hostomel-camp': { uk: ['табір на аеродромі Гостомель'], ru: ['лагерь на аэродроме Гостомель'] },
  'hostomel-site': { uk: ['склозавод у Гостомелі'], ru: ['стекольный завод в Гостомеле'] },
  'dymer-site': {
    uk: ['місце утримання цивільних у Димері'],
    ru: ['место содержания гражданских в Дымере'],
  },
  'kozarovychi-site': {
    uk: ['місце утримання цивільних у Козаровичах'],
    ru: ['Козаровичи, место содержания гражданских'],
  },
  'yahidne-site': { uk: ['підвал школи в Ягідному'], ru: ['подвал школы в Ягодном'] },
  'mariupol-site': {
    uk: ['колишній Центральний райвідділ поліції Маріуполя'],
    ru: ['бывший Центральный райотдел полиции Мариуполя'],
  },
  'luhansk-site': {
    uk: ['будівля Луганської обласної державної адміністрації', 'будівля Луганської ОДА'],
    ru: ['здание Луганской областной администрации'],
  },
  'luhansk-site-zhovtnevyi-district-council': {
    uk: ['будівля Жовтневої райради Луганська'],
    ru: ['здание Октябрьского райсовета Луганска'],
  },
  'kherson-sizo': {
    uk: ['Херсонське СІЗО на вулиці Теплоенергетиків'],
    ru: ['херсонский СИЗО на Теплоэнергетиков'],
  },
  'kherson-place': {
    uk: ['місце утримання на Перекопській у Херсоні'],
    ru: ['Херсон, улица Перекопская, место содержания'],
  },
  'kherson-site': {
    uk: ['підвал офісної будівлі в центрі Херсона'],
    ru: ['подвал офисного здания в центре Херсона'],
  },
  'kherson-site-municipal-administration-building': {
    uk: ['будівля міськради Херсона'],
    ru: ['здание городской администрации Херсона'],
  },
  'pershotravneve-site': {
    uk: ['продбаза в Першотравневому'],
    ru: ['продовольственная база в Першотравневом'],
  },
  'melitopol-sizo': { uk: ['колишнє СІЗО Мелітополя'], ru: ['бывший СИЗО в Мелитополе'] },
  'tokmak-site': {
    uk: ['захоплені приміщення підприємців у Токмаку'],
    ru: ['помещения, отобранные у предпринимателей в Токмаке'],
  },
  'vasylivka-site': { uk: ['гуртожиток у Василівці'], ru: ['общежитие в Васильевке'] },
  'hola-prystan-ik': {
    uk: ['Голопристанська виправна колонія'],
    ru: ['Голопристанская исправительная колония'],
  },
  'melitopol-ik': { uk: ['жіноча колонія в Мелітополі'], ru: ['женская колония в Мелитополе'] },
  'gulkevichi-place': {
    uk: ['центр тимчасового утримання іноземців у Гулькевичах'],
    ru: ['ЦВСИГ в Гулькевичах'],
  },
  'taganrog-place': {
    uk: ['пункт тимчасового розміщення в готелі «Таганрог»'],
    ru: ['ПВР в гостинице «Таганрог»'],
  },
  'hornostaivka-police': {
    uk: ['колишній відділок поліції в Горностаївці'],
    ru: ['бывший отдел полиции в Горностаевке'],
  },
  'enerhodar-site': { uk: ['«Яма» в Енергодарі'], ru: ['подвал ФСБ «Яма» в Энергодаре'] },
  'melitopol-police': {
    uk: ['відділок поліції у будівлі виконкому в Мелітополі'],
    ru: ['отдел полиции в здании исполкома Мелитополя'],
  },
  'horlivka-place': {
    uk: ['місце утримання в Горлівці, яке відвідав МКЧХ'],
    ru: ['место содержания в Горловке'],
  },
  'olenivka-ik-52': { uk: ['Єнакіївська колонія №52 в Оленівці'], ru: ['Енакиевская колония №52'] },
  'nikolske-site': { uk: ['пункт допитів у Нікольському'], ru: ['пункт допросов в Никольском'] },
  'donetsk-site-tax-inspectorate': {
    uk: ['колишня будівля податкової на бульварі Шевченка, 26, Донецьк'],
    ru: ['бывшее здание налоговой инспекции в Донецке'],
  },
  'alchevsk-site': { uk: ['підвали «МДБ» в Алчевську'], ru: ['подвалы «МГБ» в Алчевске'] },
  'rovenky-place': {
    uk: ['місце незаконного утримання в Ровеньках'],
    ru: ['место незаконного содержания в Ровеньках'],
  },
  'kerch-place': {
    uk: ['військова частина в Керчі, де тримали моряків'],
    ru: ['воинская часть в Керчи, где держали моряков'],
  },
  'yeniseysk-place': { uk: ['місце утримання в Єнісейську'], ru: ['учреждение в Енисейске'] },
  'irkutsk-place': { uk: ['місце утримання в Іркутську'], ru: ['учреждение в Иркутске'] },
  'moscow-sizo': { uk: ['СІЗО «Лефортово»'], ru: ['СИЗО Лефортово в Москве'] },
  'vladimir-prison': { uk: ['Владимирський централ'], ru: ['Владимирский централ'] },
  'kharp-ik-3': { uk: ['колонія «Полярний вовк»'], ru: ['ИК-3 «Полярный волк»'] },
  'donetsk-site': { uk: ['«Ізоляція» у Донецьку'], ru: ['Изоляция, Донецк'] },
  'olenivka-ik-120': { uk: ['Оленівська колонія', 'табір в Оленівці'], ru: ['колония в Еленовке'] },
};

const CONTEXT: Readonly<Record<Lang, string[]>> = {
  en: ['Place of detention: {m}', 'held at {m}', '{m}, according to released prisoners'],
  uk: ['Місце утримання: {m}', '{m} — там утримували полонених', 'перебував: {m}'],
  ru: ['Место содержания: {m}', '{m} (по словам освобождённых)', 'содержался: {m}'],
};

// ---------------------------------------------------------------------------------------
// Typos: keys next to each other on QWERTY and ЙЦУКЕН keyboards.
const KEY_ROWS = [
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  'йцукенгшщзхї',
  'фівапролджє',
  'фывапролджэ',
  'ячсмитьбю',
];

function neighbour(rnd: Random, ch: string): string {
  const lower = ch.toLowerCase();
  for (const row of KEY_ROWS) {
    const i = row.indexOf(lower);
    if (i < 0) continue;
    const options = [row[i - 1], row[i + 1]].filter((c): c is string => c !== undefined);
    const c = pick(rnd, options);
    return ch === lower ? c : c.toUpperCase();
  }
  return ch;
}

/** One edit a hurried typist makes: a wrong neighbouring key, a lost, doubled or swapped letter. */
function typo(rnd: Random, text: string): string {
  const chars = Array.from(text);
  const words: number[] = [];
  chars.forEach((c, i) => {
    if (/\p{L}/u.test(c)) words.push(i);
  });
  // Edits fall inside words of four or more letters, as they do in real text.
  const inLongWord = words.filter((i) => {
    let start = i;
    while (start > 0 && /\p{L}/u.test(chars[start - 1] ?? '')) start--;
    let end = i;
    while (end < chars.length - 1 && /\p{L}/u.test(chars[end + 1] ?? '')) end++;
    return end - start + 1 >= 4;
  });
  if (inLongWord.length === 0) return text;
  const at = pick(rnd, inLongWord);
  const ch = chars[at] ?? '';
  const kind = pick(rnd, ['substitute', 'delete', 'double', 'swap'] as const);
  if (kind === 'substitute') chars[at] = neighbour(rnd, ch);
  else if (kind === 'delete') chars.splice(at, 1);
  else if (kind === 'double') chars.splice(at, 0, ch);
  else if (/\p{L}/u.test(chars[at + 1] ?? ''))
    [chars[at], chars[at + 1]] = [chars[at + 1] ?? '', ch];
  else chars[at] = neighbour(rnd, ch);
  return chars.join('');
}

// Latin letters that slip into Cyrillic text from a switched keyboard layout or a copy.
const LOOKALIKE: Readonly<Record<string, string>> = {
  С: 'C',
  О: 'O',
  А: 'A',
  Е: 'E',
  Р: 'P',
  К: 'K',
  І: 'I',
};

function homoglyph(rnd: Random, text: string): string {
  const spots = Array.from(text)
    .map((c, i) => (LOOKALIKE[c] ? i : -1))
    .filter((i) => i >= 0);
  if (spots.length === 0) return text;
  const at = pick(rnd, spots);
  const chars = Array.from(text);
  chars[at] = LOOKALIKE[chars[at] ?? ''] ?? chars[at] ?? '';
  return chars.join('');
}

// ---------------------------------------------------------------------------------------

interface Town {
  en: string;
  uk?: string;
  ru?: string;
}

const settlementMain = (s: string): string => s.replace(/\(.*$/u, '').trim();

function townOf(row: FacilityRow): Town {
  const en = settlementMain(row.settlement);
  const t = TOWN_NAMES.find((n) => n.en === en);
  return t ? { en, uk: t.uk, ru: t.ru } : { en };
}

function facilityNumber(row: FacilityRow): number | undefined {
  const m = /-(?:sizo|ik)-(\d+)$/u.exec(row.id);
  return m ? Number(m[1]) : undefined;
}

const fill = (template: string, n: number | undefined): string =>
  template.replace('{n}', n === undefined ? '' : String(n));

/** Every way of writing one facility that identifies it in this gazetteer. */
function mentionForms(row: FacilityRow, rows: readonly FacilityRow[], rnd: Random): TestMention[] {
  const out: TestMention[] = [];
  const add = (text: string, form: string): void => {
    if (text.trim() !== '') out.push({ text: text.trim(), expected: row.id, form });
  };
  const town = townOf(row);
  const n = facilityNumber(row);
  const sameTownType = rows.filter(
    (r) => r.type === row.type && settlementMain(r.settlement) === town.en,
  );

  add(row.name_en, 'en:name');
  const shortName = row.name_en.replace(/\s*\([^)]*\)/gu, '').trim();
  if (shortName !== row.name_en) add(shortName, 'en:name-short');
  const commaName = /^(.*), ([^,]+)$/u.exec(shortName);
  if (commaName?.[1] && commaName[2] && !/\d/u.test(commaName[2]))
    add(`${commaName[2]} ${commaName[1].toLowerCase()}`, 'en:name-reordered');
  if (row.name_uk) add(row.name_uk, 'uk:name');
  if (row.name_ru) add(row.name_ru, 'ru:name');
  for (const alias of row.aliases
    .split(';')
    .map((a) => a.replace(/\s*\((?:BBC|MIHR|Inferno)[^)]*\)/gu, '').trim())) {
    if (alias !== '') add(alias, 'alias');
  }
  for (const d of DESCRIPTIONS[row.id]?.uk ?? []) add(d, 'uk:description');
  for (const d of DESCRIPTIONS[row.id]?.ru ?? []) add(d, 'ru:description');

  const numbered = TYPE_WITH_NUMBER[row.type];
  if (numbered && n !== undefined) {
    for (const lang of ['en', 'uk', 'ru'] as const) {
      const t = fill(pick(rnd, numbered[lang]), n);
      const name = lang === 'en' ? town.en : town[lang];
      if (!name) continue;
      const { gen, loc } = inflect(name, lang === 'en' ? 'ru' : lang);
      const variants: Record<Lang, string[]> = {
        en: [
          `${t} ${name}`,
          `${name} ${t}`,
          `${t} in ${name}`,
          `${t}, ${name}`,
          `the ${name} ${t}`,
        ],
        uk: [`${t} ${name}`, `${t} у ${loc}`, `${t} м. ${name}`, `${t} ${gen}`, `${name}, ${t}`],
        ru: [`${t} ${name}`, `${t} в ${loc}`, `${t} г. ${name}`, `${t} ${gen}`, `${name}, ${t}`],
      };
      add(pick(rnd, variants[lang]), `${lang}:type-number-town`);
    }
    const regionSiblings = rows.filter(
      (r) => r.type === row.type && r.region_code === row.region_code && facilityNumber(r) === n,
    );
    const region = REGION_PHRASES[row.region_code];
    if (region && regionSiblings.length === 1) {
      const ruType = row.type === 'sizo' ? 'СИЗО' : 'ИК';
      const ukType = row.type === 'sizo' ? 'СІЗО' : 'ВК';
      const enType = row.type === 'sizo' ? 'SIZO' : 'IK';
      const service = pick(rnd, ['УФСИН', 'ГУФСИН']);
      add(`ФКУ ${ruType}-${n} ${service} России по ${region.ru}`, 'ru:formal');
      add(
        pick(rnd, [
          `${ukType}-${n} УФСВП Росії по ${region.uk}`,
          `ФКУ «${ukType}-${n}» ${service} Росії по ${region.uk}`,
        ]),
        'uk:formal',
      );
      add(
        pick(rnd, [
          `FKU ${enType}-${n} of the FSIN of Russia for ${region.en}`,
          `${enType}-${n} of the Federal Penitentiary Service in ${region.en}`,
        ]),
        'en:formal',
      );
    }
    if (n === 2 && row.type === 'sizo')
      add(pick(rnd, [`second SIZO in ${town.en}`, `${town.en} SIZO number two`]), 'en:number-word');
  }

  const plain = TYPE_WITHOUT_NUMBER[row.type];
  if (plain && sameTownType.length === 1) {
    for (const lang of ['en', 'uk', 'ru'] as const) {
      const name = lang === 'en' ? town.en : town[lang];
      if (!name) continue;
      const t = pick(rnd, plain[lang]);
      const { gen, loc } = inflect(name, lang === 'en' ? 'ru' : lang);
      const variants: Record<Lang, string[]> = {
        en: [`${name} ${t}`, `${t} in ${name}`, `the ${t} in ${name}`],
        uk: [`${t} у ${loc}`, `${t} ${gen}`, `${t} (${name})`],
        ru: [`${t} в ${loc}`, `${t} ${gen}`, `${t} (${name})`],
      };
      add(pick(rnd, variants[lang]), `${lang}:type-town`);
    }
    const adj = ADJECTIVE_STEMS[town.en];
    if (adj && (row.type === 'sizo' || row.type === 'penal_colony')) {
      if (row.type === 'sizo') {
        add(`${adj.uk}е СІЗО`, 'uk:adjective-type');
        add(`${adj.ru}${pick(rnd, ['ий', 'ое'])} СИЗО`, 'ru:adjective-type');
      } else {
        add(`${adj.uk}а колонія`, 'uk:adjective-type');
        add(`${adj.ru}ая колония`, 'ru:adjective-type');
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Texts that must match nothing.

// Towns with no place in the gazetteer, as [en, uk, ru, region code].
const ABSENT_TOWNS: readonly (readonly [string, string, string, string])[] = [
  ['Kopeysk', 'Копейськ', 'Копейск', 'RU-CHE'],
  ['Pokrov', 'Покров', 'Покров', 'RU-VLA'],
  ['Ryazan', 'Рязань', 'Рязань', 'RU-RYA'],
  ['Tver', 'Твер', 'Тверь', 'RU-TVE'],
  ['Yaroslavl', 'Ярославль', 'Ярославль', 'RU-YAR'],
  ['Saratov', 'Саратов', 'Саратов', 'RU-SAR'],
  ['Penza', 'Пенза', 'Пенза', 'RU-PNZ'],
  ['Kirov', 'Кіров', 'Киров', 'RU-KIR'],
  ['Vologda', 'Вологда', 'Вологда', 'RU-VLG'],
  ['Kostroma', 'Кострома', 'Кострома', 'RU-KOS'],
  ['Ivanovo', 'Іваново', 'Иваново', 'RU-IVA'],
  ['Oryol', 'Орел', 'Орёл', 'RU-ORL'],
  ['Lipetsk', 'Липецьк', 'Липецк', 'RU-LIP'],
  ['Tambov', 'Тамбов', 'Тамбов', 'RU-TAM'],
  ['Novocherkassk', 'Новочеркаськ', 'Новочеркасск', 'RU-ROS'],
  ['Shakhty', 'Шахти', 'Шахты', 'RU-ROS'],
  ['Uryupinsk', 'Урюпінськ', 'Урюпинск', 'RU-VGG'],
  ['Torzhok', 'Торжок', 'Торжок', 'RU-TVE'],
  ['Yelets', 'Єлець', 'Елец', 'RU-LIP'],
  ['Sevastopol', 'Севастополь', 'Севастополь', 'UA-40'],
];

const FAMOUS_ABSENT: readonly string[] = [
  'СИЗО-1 «Матросская тишина»',
  'Бутырская тюрьма',
  'Butyrka prison, Moscow',
  'Black Dolphin prison (IK-6, Sol-Iletsk)',
  '«Полярная сова», ИК-18 Харп',
  'Polar Owl colony IK-18 in Kharp',
  'Kresty, St Petersburg',
  'ИК-2 Покров',
  'Білий лебідь, Соликамськ',
  'СИЗО-1 Белгород',
];

const UNRELATED: readonly string[] = [
  'Обмін полоненими 5 лютого 2025 року',
  'Ukrainian POWs returned home after the exchange',
  'The ICRC visited prisoners of war',
  'погода в Києві на завтра',
  'Ростов-на-Дону — крупный город на юге России',
  'У Херсоні відновили подачу води',
  'The Red Cross has no access',
  'Курс гривні до долара',
  'Протягом тижня обстрілювали Мелітополь',
  'Мирные переговоры в Стамбуле',
  'He was captured near Bakhmut in May 2023',
  'Его задержали на блокпосту',
  'невідомо',
  'unknown location',
  'місце утримання невідоме',
  'The family has received no letters since March',
];

const TYPE_FAMILY: Readonly<Record<string, { types: string[]; words: string[] }>> = {
  sizo: { types: ['sizo'], words: ['sizo'] },
  penal_colony: { types: ['penal_colony', 'prison'], words: ['colony'] },
  temporary_detention: {
    types: ['temporary_detention', 'police_station'],
    words: ['ivs', 'police'],
  },
  police_station: { types: ['police_station', 'temporary_detention'], words: ['police', 'ivs'] },
  filtration_point: { types: ['filtration_point', 'camp'], words: ['filtration', 'camp'] },
};

function absentMentions(rows: readonly FacilityRow[], rnd: Random): TestMention[] {
  const out: TestMention[] = [];
  const numbered = rows.filter((r) => facilityNumber(r) !== undefined && TYPE_WITH_NUMBER[r.type]);
  const exists = (type: string, n: number, filter: (r: FacilityRow) => boolean): boolean =>
    rows.some((r) => r.type === type && facilityNumber(r) === n && filter(r));

  // A number that the town's facility does not have.
  for (const row of numbered) {
    const town = townOf(row);
    const n = facilityNumber(row) ?? 0;
    let other = n;
    while (
      other === n ||
      exists(row.type, other, (r) => settlementMain(r.settlement) === town.en)
    ) {
      other = 1 + Math.floor(rnd() * 12);
    }
    const lang = pick(rnd, ['en', 'uk', 'ru'] as const);
    const name = lang === 'en' ? town.en : (town[lang] ?? town.en);
    const t = fill(pick(rnd, TYPE_WITH_NUMBER[row.type]?.[lang] ?? []), other);
    out.push({
      text: pick(rnd, [`${t} ${name}`, `${name}, ${t}`]),
      expected: null,
      form: 'absent:number',
    });
  }

  // A type and number in a town the gazetteer has nothing in; skipped where the region's
  // own facility of that type and number exists, since "SIZO-2 Bryansk" may mean it.
  for (const [en, uk, ru, region] of ABSENT_TOWNS) {
    const type = pick(rnd, ['sizo', 'penal_colony'] as const);
    const n = 1 + Math.floor(rnd() * 9);
    if (exists(type, n, (r) => r.region_code === region)) continue;
    const lang = pick(rnd, ['en', 'uk', 'ru'] as const);
    const name = { en, uk, ru }[lang];
    const t = fill(pick(rnd, TYPE_WITH_NUMBER[type]?.[lang] ?? []), n);
    out.push({
      text: pick(rnd, [`${t} ${name}`, `${name} ${t}`]),
      expected: null,
      form: 'absent:town',
    });
  }

  // A type the town has no facility of.
  const towns = [...new Set(rows.map((r) => settlementMain(r.settlement)))].sort();
  const types = [
    'sizo',
    'penal_colony',
    'temporary_detention',
    'police_station',
    'filtration_point',
  ] as const;
  for (let i = 0; i < 14; i++) {
    const en = pick(rnd, towns);
    const type = pick(rnd, types);
    const here = rows.filter((r) => settlementMain(r.settlement) === en);
    // A type close to one the town has (an IVS in a police station, a filtration camp in a
    // colony) may well mean that place, so those are not "absent" either.
    const family = TYPE_FAMILY[type] ?? { types: [type], words: [] };
    const clash = here.some(
      (r) =>
        family.types.includes(r.type) ||
        family.words.some((w) => r.type_as_reported.toLowerCase().includes(w)),
    );
    if (
      clash ||
      here.some((r) => r.type === 'unknown' || r.type === 'informal_site' || r.type === 'other')
    )
      continue;
    const lang = pick(rnd, ['en', 'uk', 'ru'] as const);
    const first = here[0];
    if (!first) continue;
    const town = townOf(first);
    const name = lang === 'en' ? en : (town[lang] ?? en);
    const t = pick(rnd, TYPE_WITHOUT_NUMBER[type]?.[lang] ?? []);
    out.push({
      text: lang === 'en' ? `${name} ${t}` : `${t} (${name})`,
      expected: null,
      form: 'absent:type',
    });
  }

  for (const text of FAMOUS_ABSENT) out.push({ text, expected: null, form: 'absent:named' });
  for (const text of UNRELATED) out.push({ text, expected: null, form: 'unrelated' });
  return out;
}

/** The test set for `rows`: about four mentions per facility, plus texts naming none. */
export function generateMatchTestSet(
  rows: readonly FacilityRow[],
  seed = DEFAULT_SEED,
): MatchTestSet {
  const rnd = createRandom(seed);
  const named: TestMention[] = [];
  for (const row of rows) {
    const forms = mentionForms(row, rows, rnd);
    const chosen = new Set<number>();
    const want = Math.min(forms.length, 4);
    while (chosen.size < want) chosen.add(Math.floor(rnd() * forms.length));
    for (const i of [...chosen].sort((a, b) => a - b)) {
      const m = forms[i];
      if (!m) continue;
      let text = m.text;
      let form = m.form;
      const lang: Lang = /^(uk|ru)/u.test(form)
        ? (form.slice(0, 2) as Lang)
        : /\p{Script=Cyrillic}/u.test(text)
          ? 'ru'
          : 'en';
      const r = rnd();
      if (r < 0.16) [text, form] = [typo(rnd, text), `${form}+typo`];
      else if (r < 0.24) [text, form] = [typo(rnd, typo(rnd, text)), `${form}+2typos`];
      else if (r < 0.32) [text, form] = [text.toLowerCase(), `${form}+lowercase`];
      else if (r < 0.36) [text, form] = [text.toUpperCase(), `${form}+uppercase`];
      else if (r < 0.42) [text, form] = [homoglyph(rnd, text), `${form}+latin-letter`];
      else if (r < 0.5)
        [text, form] = [pick(rnd, CONTEXT[lang]).replace('{m}', text), `${form}+context`];
      named.push({ text, expected: row.id, form });
    }
  }
  const unnamed = absentMentions(rows, rnd);
  return {
    seed,
    source: 'data/facilities.csv',
    named: named.length,
    unnamed: unnamed.length,
    mentions: [...named, ...unnamed],
  };
}

const here = dirname(fileURLToPath(import.meta.url));
export const TEST_SET_PATH = join(here, 'fixtures/facility-match-test-set.json');
export const FACILITIES_CSV_PATH = join(here, '../data/facilities.csv');

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = readFacilityRows(readFileSync(FACILITIES_CSV_PATH, 'utf8'));
  const set = generateMatchTestSet(rows);
  writeFileSync(TEST_SET_PATH, `${JSON.stringify(set, null, 2)}\n`);
  process.stdout.write(
    `wrote ${set.named} named and ${set.unnamed} unnamed mentions to ${TEST_SET_PATH}\n`,
  );
}
