import type { LinkRecord } from '../src/linkage/index.js';

/** A record for engine tests, from already-keyed values. */
export function rec(
  id: string,
  fields: {
    family?: string;
    familyClass?: string;
    given?: string;
    givenClass?: string;
    patronymic?: string;
    birth?: [number, number?, number?];
    sex?: 'm' | 'f';
    unit?: string;
    source?: string;
  },
): LinkRecord {
  return {
    id,
    source: fields.source ?? 'test',
    family: fields.family
      ? { key: fields.family, equivalence: fields.familyClass ?? fields.family }
      : undefined,
    given: fields.given
      ? { key: fields.given, equivalence: fields.givenClass ?? `g:${fields.given}` }
      : undefined,
    patronymic: fields.patronymic
      ? { key: fields.patronymic, equivalence: `p:${fields.patronymic}` }
      : undefined,
    birth: fields.birth
      ? { year: fields.birth[0], month: fields.birth[1], day: fields.birth[2] }
      : undefined,
    sex: fields.sex,
    unit: fields.unit,
  };
}
