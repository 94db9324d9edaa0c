import { fixHomoglyphs } from './fix-homoglyphs.js';

/*
 * Marks worth keeping: the breve of й and the diaeresis of ї tell letters apart; every other
 * mark (stress accents, the diaeresis of ё, Latin accents) only varies between writers.
 */
const BREVE = '\u0306';
const DIAERESIS = '\u0308';
const KEEP_MARK: Readonly<Record<string, string>> = {
  и: BREVE,
  И: BREVE,
  і: DIAERESIS,
  І: DIAERESIS,
};

const HAS_APOSTROPHE = /['’ʼ`´ʹʺ‘′ʻ]/u;
const HAS_DIGIT = /\d/u;
const APOSTROPHE_INSIDE_WORD = /(?<=\p{L})['’ʼ`´ʹʺ‘′ʻ](?=\p{L})/gu;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;
// "№ 2", "No. 2", "Nr 2", "#2", "number 2", "номер 2": the marker says nothing the digits do not.
const NUMBER_MARKER =
  /(?<![\p{L}\p{N}])(?:no|nr|num|number|номер|ном|n)\.?\s*(?=\d)|[№#]\s*(?=\d)/gu;
// "2-й", "2-го", "2-я", "2nd": an ordinal is the same number as far as a name is concerned.
const ORDINAL_SUFFIX =
  /(\d)-?(?:st|nd|rd|th|ий|ый|ой|ая|ое|ого|ому|ым|ій|ої|ою|го|му|й|я|е|є|ї|х)(?![\p{L}\p{N}])/gu;
const LETTER_THEN_DIGIT = /(\p{L})(?=\p{N})/gu;
const DIGIT_THEN_LETTER = /(\p{N})(?=\p{L})/gu;
// A zero typed for the letter O at the end of or inside a word ("СИЗ0-2") is never a number.
const ZERO_IN_WORD = /(?<=\p{L}\p{L})0(?!\p{N})|(?<=\p{L})0(?=\p{L})/gu;

// Text of plain ASCII, Cyrillic and common punctuation has no marks to strip.
const PLAIN = /^[\t\n\r\u0020-\u007e\u0400-\u045f\u0490\u0491№«»‘’ʼ“”„—–…]*$/u;

function stripMarks(text: string): string {
  if (PLAIN.test(text)) return text;
  return text
    .normalize('NFD')
    .replace(/(\P{M})(\p{M}+)/gu, (_m, base: string, marks: string) => {
      const keep = KEEP_MARK[base];
      return keep !== undefined && marks.includes(keep) ? base + keep : base;
    })
    .normalize('NFC');
}

/**
 * The form in which two spellings of one name can be compared: compatibility forms and
 * marks folded, look-alike letters put back in their script, lower case, ё → е,
 * apostrophes inside words dropped, number markers and ordinal endings removed, digits
 * split from letters, every other symbol a single space.
 */
export function normalise(text: string): string {
  // NFKC would turn № into "No" glued to the word before it, so it goes first.
  const plain = PLAIN.test(text);
  const marked = plain
    ? text.replace(/№/gu, ' # ')
    : stripMarks(text.replace(/№/gu, ' # ').normalize('NFKC'));
  let folded = fixHomoglyphs(marked.includes('0') ? marked.replace(ZERO_IN_WORD, 'o') : marked)
    .toLowerCase()
    .replace(/ё/gu, 'е');
  if (HAS_APOSTROPHE.test(folded)) folded = folded.replace(APOSTROPHE_INSIDE_WORD, '');
  // Most of the work below concerns numbers; text without digits skips it.
  if (HAS_DIGIT.test(folded)) {
    folded = folded
      .replace(NUMBER_MARKER, ' ')
      .replace(ORDINAL_SUFFIX, '$1')
      .replace(LETTER_THEN_DIGIT, '$1 ')
      .replace(DIGIT_THEN_LETTER, '$1 ');
  }
  return folded.replace(NOT_LETTER_OR_DIGIT, ' ').trim();
}

/** The words of a normalised text. */
export function tokenise(text: string): string[] {
  const n = normalise(text);
  return n === '' ? [] : n.split(' ');
}
