/**
 * Personal names across Ukrainian, Russian and Latin spellings: given-name equivalents,
 * patronymics, surname keys, Latin renderings and full-name splitting.
 */
export { FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES } from './given-name-data.js';
export {
  GIVEN_NAMES,
  areGivenNamesEquivalent,
  givenNameById,
  lookupGivenName,
} from './given-names.js';
export type { GivenName, PersonSex } from './given-names.js';
export {
  latinRenderings,
  legacyUkrainianPassport,
  russianSpellingOfUkrainian,
} from './latin-renderings.js';
export type { LatinRenderings } from './latin-renderings.js';
export {
  looksLikePatronymic,
  patronymicFather,
  patronymicSex,
  patronymicStem,
  russianPatronymic,
  ukrainianPatronymic,
} from './patronymic.js';
export { personNameKey, phoneticKey } from './person-name-key.js';
export {
  comparableFamilyName,
  comparableGivenName,
  comparablePatronymic,
} from './person-name-forms.js';
export type { ComparableName } from './person-name-forms.js';
export { splitFullName } from './split-full-name.js';
export type { NameParts } from './split-full-name.js';
