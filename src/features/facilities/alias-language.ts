import { detectScript, guessCyrillicLanguage } from '../../names/index.js';

/**
 * The language of an alias as far as its letters tell: uk or ru where Cyrillic letters show
 * which (і, ї, є, ґ against ы, э, ъ, ё), cyrl where they do not, latn for Latin names (which
 * may be English or a transliteration).
 */
export function aliasLanguage(alias: string): string {
  const script = detectScript(alias);
  if (script === 'latin') return 'latn';
  if (script !== 'cyrillic' && script !== 'mixed') return 'other';
  const lang = guessCyrillicLanguage(alias);
  return lang === 'unknown' ? 'cyrl' : lang;
}
