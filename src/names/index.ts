/**
 * The names engine: pure functions to compare names written in Ukrainian, Russian and
 * Latin letters. No files, database, logging or environment.
 */
export { detectScript, guessCyrillicLanguage } from './detect-script.js';
export type { CyrillicLanguage, Script } from './detect-script.js';
export { fixHomoglyphs } from './fix-homoglyphs.js';
export { normalise, tokenise } from './normalise.js';
export { transliterateUk } from './transliterate-uk.js';
export { transliterateRu } from './transliterate-ru.js';
export type { RussianRomanisation } from './transliterate-ru.js';
export { matchKey } from './match-key.js';
export { editDistance } from './edit-distance.js';
export { matchInflected } from './match-inflected.js';
export type { InflectedMatch } from './match-inflected.js';
export { allowedEdits, createKeyIndex } from './key-index.js';
export type { KeyIndex, KeyMatch, KeyMatchKind } from './key-index.js';
export { FACILITY_TERMS } from './facility-vocabulary.js';
export { FACILITY_TYPE_LABELS, facilityTypeAffinity } from './facility-type-affinity.js';
export type { FacilityConcept, FacilityTerm, TermRole } from './facility-vocabulary.js';
export { CARDINAL_WORDS, ORDINAL_TERMS } from './number-words.js';
export { createTermMatcher } from './term-matcher.js';
export type { TermMatch, TermMatcher } from './term-matcher.js';
export { STOP_WORDS } from './stop-words.js';
export { TOWN_NAMES } from './town-names.js';
export type { TownName } from './town-names.js';
export { REGION_NAMES } from './region-names.js';
export type { RegionName } from './region-names.js';
export { guessCounterpartSpellings } from './guess-counterpart-spelling.js';
export { createPlaceIndex, placesFromTables } from './place-index.js';
export type { PlaceFormLang, PlaceHit, PlaceIndex, PlaceInput, PlaceKind } from './place-index.js';
export { analyseMention } from './analyse-mention.js';
export type { AnalyseOptions, MentionAnalysis } from './analyse-mention.js';
export {
  MALE_GIVEN_NAMES,
  FEMALE_GIVEN_NAMES,
  GIVEN_NAMES,
  givenNameById,
  lookupGivenName,
  areGivenNamesEquivalent,
  latinRenderings,
  legacyUkrainianPassport,
  russianSpellingOfUkrainian,
  patronymicStem,
  patronymicFather,
  patronymicSex,
  looksLikePatronymic,
  ukrainianPatronymic,
  russianPatronymic,
  personNameKey,
  phoneticKey,
  comparableFamilyName,
  comparableGivenName,
  comparablePatronymic,
  splitFullName,
} from './person/index.js';
export type {
  GivenName,
  PersonSex,
  LatinRenderings,
  ComparableName,
  NameParts,
} from './person/index.js';
