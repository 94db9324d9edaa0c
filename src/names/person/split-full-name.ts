import { detectScript } from '../detect-script.js';
import { lookupGivenName } from './given-names.js';
import { looksLikePatronymic } from './patronymic.js';

export interface NameParts {
  family: string;
  given: string;
  patronymic: string;
}

const SURNAME_ENDING =
  /(?:енко|енко|чук|щук|ук|юк|ський|цький|ська|цька|ский|цкий|ская|цкая|ов|ова|ев|ева|ін|іна|ин|ина|як|ко|enko|chuk|uk|iuk|yuk|skyi|sky|skiy|ska|ov|ova|ev|eva|in|ina)$/iu;

/** The word with each pair of neighbouring letters swapped in turn. */
function swapsOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 1; i + 1 < word.length; i++) {
    out.push(word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2));
  }
  return out;
}

function isInitial(token: string): boolean {
  return /^\p{L}\.?$/u.test(token);
}

/**
 * Splits a full name written in either order into family name, given name and
 * patronymic: "Коваленко Олександр Петрович", "Олександр Петрович Коваленко",
 * "Aleksandr Kovalenko", "KOVALENKO Oleksandr". The patronymic is the word with a
 * patronymic ending; the given name the word Polon knows as one; the family name what is
 * left. When the given name is ambiguous, a word in capitals is the family name, then
 * Cyrillic writes the family name first and Latin last. Initials are dropped.
 */
export function splitFullName(text: string): NameParts {
  const tokens = text
    .split(/[\s,;]+/u)
    .map((t) => t.trim())
    .filter((t) => t !== '' && !isInitial(t));
  const parts: NameParts = { family: '', given: '', patronymic: '' };
  if (tokens.length === 0) return parts;
  if (tokens.length === 1) {
    parts.family = tokens[0] ?? '';
    return parts;
  }
  let rest = tokens;
  let pIndex = rest.findIndex((t, i) => i > 0 && looksLikePatronymic(t));
  // Three words and none a patronymic as written: one may be, with two letters swapped
  // (Юрійоивч), and would otherwise be glued to the surname.
  if (pIndex < 0 && rest.length === 3) {
    pIndex = rest.findIndex((t, i) => i > 0 && swapsOf(t).some(looksLikePatronymic));
  }
  if (pIndex >= 0 && rest.length >= 3) {
    parts.patronymic = rest[pIndex] ?? '';
    rest = rest.filter((_, i) => i !== pIndex);
  }
  let known = rest.map((t) => lookupGivenName(t, { typos: false }) !== undefined);
  // No word is a given name as written: a free-text name with a typo in its given name
  // (Сргей Коваленко) would otherwise be split by the script's habit, often wrongly.
  if (!known.includes(true)) known = rest.map((t) => lookupGivenName(t) !== undefined);
  const caps = rest.map((t) => t.length > 1 && t === t.toUpperCase() && t !== t.toLowerCase());
  const latin = detectScript(text) === 'latin';
  let givenIndex: number;
  const knownCount = known.filter(Boolean).length;
  const capsCount = caps.filter(Boolean).length;
  if (capsCount === 1 && rest.length === 2) {
    givenIndex = caps[0] ? 1 : 0;
  } else if (knownCount === 1) {
    givenIndex = known.indexOf(true);
  } else if (knownCount > 1 && rest.length === 2) {
    // Both words are given names (Роман Іван, Martin Luka): a surname-like ending decides,
    // otherwise the script's habit.
    const surnameLike = rest.map((t) => SURNAME_ENDING.test(t));
    if (surnameLike[0] !== surnameLike[1]) givenIndex = surnameLike[0] ? 1 : 0;
    else givenIndex = latin ? 0 : 1;
  } else if (
    knownCount === 0 &&
    rest.length === 2 &&
    SURNAME_ENDING.test(rest[0] ?? '') !== SURNAME_ENDING.test(rest[1] ?? '')
  ) {
    givenIndex = SURNAME_ENDING.test(rest[0] ?? '') ? 1 : 0;
  } else if (parts.patronymic !== '' && pIndex > 0) {
    // The given name stands right before the patronymic.
    givenIndex = pIndex - 1;
  } else {
    givenIndex = latin ? 0 : Math.min(1, rest.length - 1);
  }
  parts.given = rest[givenIndex] ?? '';
  parts.family = rest.filter((_, i) => i !== givenIndex).join(' ');
  return parts;
}
