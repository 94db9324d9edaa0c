import { hash } from 'node:crypto';
import { fixHomoglyphs } from '../../names/index.js';

/** Marks a record id worked out from content, not taken from the file. */
const CONTENT = '~';

export interface IdentifyingCells {
  family_name: string | null;
  given_name: string | null;
  patronymic: string | null;
  full_name: string | null;
  birth_date: { text: string } | null;
}

/**
 * The id of a record from a file without an id column: a fingerprint of the person's name
 * words (in any order and any column: "Іваненко Іван" in one cell or two) and birth date.
 * Importing the same file again, or a newer copy with rows added, moved or edited elsewhere,
 * finds the same records; a corrected name or birth date makes a new record, which linkage
 * then joins to the old one. Case, letters that look alike in Latin and Cyrillic, and the
 * several apostrophes of Ukrainian names do not count.
 */
export function contentRecordId(r: IdentifyingCells): string {
  const words = [r.family_name, r.given_name, r.patronymic, r.full_name]
    .filter((x): x is string => Boolean(x))
    .join(' ')
    // A Latin "i" typed into "Іван" in one copy of the sheet is the same person.
    .replace(/\S+/g, fixHomoglyphs)
    .toLowerCase()
    .normalize('NFC')
    .replace(/ё/g, 'е')
    .replace(/[’ʼ`‘]/g, "'")
    .split(/[\s,.;]+/u)
    .filter(Boolean)
    .sort();
  const key = `${words.join(' ')}\u0000${r.birth_date?.text ?? ''}`;
  return `${CONTENT}${hash('sha256', key, 'hex').slice(0, 20)}`;
}

export const isContentId = (id: string): boolean => id.startsWith(CONTENT);
