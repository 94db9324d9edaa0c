import { lookupGivenName } from './given-names.js';
import { patronymicFather, patronymicStem } from './patronymic.js';
import { personNameKey, phoneticKey } from './person-name-key.js';

/** Comparable forms of one name field, ready for record linkage. */
export interface ComparableName {
  /** Spelling key in no particular script (see personNameKey). */
  key: string;
  /**
   * What makes two different spellings the same name: the canonical given name, the
   * father's canonical name of a patronymic, the phonetic key of a surname.
   */
  equivalence: string | undefined;
}

export function comparableFamilyName(text: string): ComparableName | undefined {
  const key = personNameKey(text);
  return key === '' ? undefined : { key, equivalence: phoneticKey(key) };
}

export function comparableGivenName(text: string): ComparableName | undefined {
  const key = personNameKey(text);
  if (key === '') return undefined;
  const known = lookupGivenName(text);
  return { key, equivalence: known ? `g:${known.id}` : undefined };
}

export function comparablePatronymic(text: string): ComparableName | undefined {
  const stem = patronymicStem(text);
  if (stem === '') return undefined;
  const father = patronymicFather(text);
  return { key: stem, equivalence: father ? `p:${father.id}` : undefined };
}
