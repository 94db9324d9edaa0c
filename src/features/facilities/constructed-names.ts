import { TOWN_NAMES, matchKey } from '../../names/index.js';

type Lang = 'uk' | 'ru';

/**
 * How each type is named in a constructed name: the abbreviation the prison system itself
 * numbers (СІЗО-2, ВК-10 / ИК-10, ІТТ / ИВС), or a plain label where places have no number.
 */
const TYPE_NAMES: Readonly<
  Record<string, { abbr?: Record<Lang, string>; label: Record<Lang, string> }>
> = {
  sizo: {
    abbr: { uk: 'СІЗО', ru: 'СИЗО' },
    label: { uk: 'Слідчий ізолятор', ru: 'Следственный изолятор' },
  },
  penal_colony: {
    abbr: { uk: 'ВК', ru: 'ИК' },
    label: { uk: 'Виправна колонія', ru: 'Исправительная колония' },
  },
  temporary_detention: {
    abbr: { uk: 'ІТТ', ru: 'ИВС' },
    label: { uk: 'Ізолятор тимчасового тримання', ru: 'Изолятор временного содержания' },
  },
  prison: { label: { uk: 'Тюрма', ru: 'Тюрьма' } },
  police_station: { label: { uk: 'Відділ поліції', ru: 'Отдел полиции' } },
  filtration_point: { label: { uk: 'Фільтраційний пункт', ru: 'Фильтрационный пункт' } },
  camp: { label: { uk: 'Табір', ru: 'Лагерь' } },
  informal_site: {
    label: { uk: 'Неофіційне місце утримання', ru: 'Неофициальное место содержания' },
  },
  military_unit: { label: { uk: 'Військова частина', ru: 'Воинская часть' } },
  psychiatric_hospital: { label: { uk: 'Психіатрична лікарня', ru: 'Психиатрическая больница' } },
};
const PLACE = { uk: 'Місце утримання', ru: 'Место содержания' } as const;

const towns = new Map<string, { uk: string; ru: string }>();
for (const t of TOWN_NAMES)
  for (const n of [t.en, ...t.alt]) if (!towns.has(matchKey(n))) towns.set(matchKey(n), t);

/** The place's number as its English name states it ("No. 2", "SIZO-2", "IK-12"). */
function numberOf(nameEn: string): string | null {
  return (
    /\bNo\.?\s*(\d+)/i.exec(nameEn)?.[1] ?? /\b(?:SIZO|IK|IVS)-(\d+)\b/i.exec(nameEn)?.[1] ?? null
  );
}

/** A facility's settlement in Ukrainian or Russian, where the names engine knows the town. */
export function settlementName(settlement: string | null, lang: Lang): string | null {
  // "Udarny (Zubovo-Polyansky District)", "Glushkovo (Hlushkovo)": the first name is the town.
  const town = settlement?.replace(/\s*\(.*$/, '').trim();
  return (town && towns.get(matchKey(town))?.[lang]) || null;
}

/**
 * A Ukrainian or Russian name built from what the dataset does know (type, number, settlement)
 * for a place no source names in that language: "СІЗО-2 Таганріг", "ИК-10 Ударный",
 * "Фільтраційний пункт, Оленівка". Null when the settlement has no known spelling in that
 * language: a name half in Latin letters would help no one. Callers mark it as constructed.
 */
export function constructName(
  f: { type: string; nameEn: string; settlement: string | null },
  lang: Lang,
): string | null {
  const town = settlementName(f.settlement, lang);
  if (!town) return null;
  const type = TYPE_NAMES[f.type];
  const n = numberOf(f.nameEn);
  if (n && type?.abbr) return `${type.abbr[lang]}-${n} ${town}`;
  const label = type?.label[lang] ?? PLACE[lang];
  return n ? `${label} № ${n}, ${town}` : `${label}, ${town}`;
}
