/** The alphabet a string is written in; `mixed` usually means a typing accident or a homoglyph. */
export type Script = 'cyrillic' | 'latin' | 'mixed' | 'other' | 'none';

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;
const LETTER = /\p{L}/u;

export function detectScript(text: string): Script {
  let cyrillic = 0;
  let latin = 0;
  let other = 0;
  for (const ch of text) {
    // Most names are plain ASCII or the Cyrillic block's letters; the Unicode classes are
    // asked only about the rest (a large import detects the script of a million names).
    const c = ch.charCodeAt(0);
    if (c < 0x80) {
      if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
      continue;
    }
    if (c >= 0x400 && c <= 0x481) {
      cyrillic++;
      continue;
    }
    if (!LETTER.test(ch)) continue;
    if (CYRILLIC.test(ch)) cyrillic++;
    else if (LATIN.test(ch)) latin++;
    else other++;
  }
  if (cyrillic + latin + other === 0) return 'none';
  if (other > 0 && cyrillic + latin === 0) return 'other';
  if (cyrillic > 0 && latin > 0) return 'mixed';
  if (cyrillic > 0) return other > 0 ? 'mixed' : 'cyrillic';
  return other > 0 ? 'mixed' : 'latin';
}

export type CyrillicLanguage = 'uk' | 'ru' | 'unknown';

/**
 * Ukrainian and Russian share most letters; a few belong to one of them only. Text with
 * neither kind (`Херсон`, `Таганрог`) stays `unknown`: guessing would be a coin toss.
 */
export function guessCyrillicLanguage(text: string): CyrillicLanguage {
  const lower = text.toLowerCase();
  const uk = /[іїєґ]/u.test(lower);
  const ru = /[ыэъё]/u.test(lower);
  if (uk && !ru) return 'uk';
  if (ru && !uk) return 'ru';
  return 'unknown';
}
