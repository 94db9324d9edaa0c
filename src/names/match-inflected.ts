/*
 * Endings of Russian and Ukrainian adjectives and nouns, written in match keys (see
 * match-key.ts): Таганрозьке → taganrozke, Ростовской → rostovskoi, в Курске → kurske,
 * у Таганрозі → taganrozi, в Оленівці → olenivTi.
 */
const ADJECTIVE_TAIL =
  /^[aeiou]{0,2}(?:n|v)?(?:s|z|T|C)?k(?:[aeiou]{0,3}|ogo|omu|om|im|imi|iX|oiu|uiu|ami|aX)$/;
const NOUN_TAIL =
  /^[zsTCgd]?(?:[aeiou]{1,3}|om|em|omu|emu|ogo|ego|oiu|eiu|ami|aX|iX|ov|ev|ei|oi|im)$|^(?:m|go|mu|mi)$/;

// What a form may drop from the end of the base: final vowels (Вязьма → вязьм-инськ-е) and
// a consonant that alternates before the ending (Таганрог → таганроз-ьк-е, Оленівка →
// в Оленівц-і). Never more (Kamensk does not drop -sk to make Kamenovsk).
const LOST = /^[gkXT]?[aeiou]{0,2}$/;

export type InflectedMatch =
  { kind: 'exact'; quality: 1 } | { kind: 'adjective' | 'inflected'; quality: number };

/**
 * Whether `queryKey` is `baseKey` (a place name's match key) in another grammatical form:
 * the adjective (Таганрозьке СІЗО, Ростовской области) or a case (в Таганроге, у Звереві).
 * The base may lose its final vowels or an alternating consonant to the ending.
 */
export function matchInflected(queryKey: string, baseKey: string): InflectedMatch | undefined {
  if (queryKey === baseKey) return { kind: 'exact', quality: 1 };
  if (queryKey.length < 4 || baseKey.length < 4) return undefined;
  let p = 0;
  const limit = Math.min(queryKey.length, baseKey.length);
  while (p < limit && queryKey.charCodeAt(p) === baseKey.charCodeAt(p)) p++;
  if (p < 4 || p < baseKey.length - 2) return undefined;
  if (p < baseKey.length && (baseKey.length < 5 || !LOST.test(baseKey.slice(p)))) return undefined;
  const tail = queryKey.slice(p);
  if (tail === '') return undefined;
  if (ADJECTIVE_TAIL.test(tail)) return { kind: 'adjective', quality: 0.93 };
  if (NOUN_TAIL.test(tail)) return { kind: 'inflected', quality: 0.95 };
  return undefined;
}
