import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { PERSONAL_COLUMNS, type Db } from '../src/db/index.js';
import { TOWN_NAMES } from '../src/names/index.js';

export interface Needle {
  /** Where the value comes from, e.g. records.family_name: what a failure names. */
  column: string;
  value: string;
}

/** Lower case, NFC, apostrophes and runs of space made one: how values are compared. */
export const normalise = (s: string): string =>
  s.normalize('NFC').toLowerCase().replace(/[’ʼ`]/g, "'").replace(/\s+/g, ' ').trim();

// What separates words: anything but letters, digits, _ ' and - (so ids and dates stay whole).
const WORD = /[^\p{L}\p{N}_'-]+/u;
const ID_TABLES = ['records', 'persons', 'events', 'episodes', 'occupancy_reports'] as const;
const NAME_COLUMNS = new Set(['family_name', 'given_name', 'patronymic', 'full_name']);
const PUBLIC_TABLES = ['sources', 'exchanges', 'claims', 'facilities', 'facility_aliases'];

/**
 * Every personal value in the database — each column of PERSONAL_COLUMNS (names, birth
 * dates, contacts, free text, the source's record id) and the ids of person-level rows —
 * that a public output must never contain. The rule for what is left out, so that a hit
 * always means a leak:
 *  - values shorter than 4 characters, and numbers of fewer than 8 digits: such strings
 *    occur in any output by chance (counts, years, codes);
 *  - values (and, for names, words) that also occur in the public tables or the bundled place
 *    names — a family name that is also a town, a birth date that is also an exchange date:
 *    the public dataset may show them;
 *  - names are also checked word by word (4 characters and up), since an output might show
 *    a family name alone; free text is checked whole, as its words are everyday words.
 */
export async function personalValues(db: Db): Promise<Needle[]> {
  // The bundled place names (map labels, town names in three languages) are public too: a
  // given name that is also a village's name is not a leak when the map shows the village.
  const placeNames = [
    readFileSync(new URL('../data/geo/labels.json', import.meta.url), 'utf8'),
    ...TOWN_NAMES.flatMap((t) => [t.en, t.uk, t.ru, ...t.alt]),
  ].join('\n');
  const publicText = normalise(`${await tablesText(db, PUBLIC_TABLES)}\n${placeNames}`);
  const publicWords = new Set(publicText.split(WORD));
  const out = new Map<string, Needle>();
  const add = (column: string, raw: string, checkWords: boolean): void => {
    const value = normalise(raw);
    const candidates = checkWords ? [value, ...value.split(/[\s,.;()]+/)] : [value];
    for (const v of candidates) {
      if (v.length < 4 || /^\d{1,7}$/.test(v)) continue;
      if (publicWords.has(v) || publicText.includes(v)) continue;
      if (!out.has(v)) out.set(v, { column, value: v });
    }
  };
  for (const [table, columns] of Object.entries(PERSONAL_COLUMNS)) {
    for (const column of columns) {
      const r = await sql<{ v: string | null }>`
        select distinct ${sql.ref(column)} as v from ${sql.table(table)}
        where ${sql.ref(column)} is not null`.execute(db.kysely);
      for (const { v } of r.rows)
        if (v) add(`${table}.${column}`, String(v), NAME_COLUMNS.has(column));
    }
  }
  for (const table of ID_TABLES) {
    const r = await sql<{ id: string }>`select id from ${sql.table(table)}`.execute(db.kysely);
    for (const { id } of r.rows) add(`${table}.id`, id, false);
  }
  return [...out.values()];
}

async function tablesText(db: Db, tables: string[]): Promise<string> {
  const parts: string[] = [];
  for (const t of tables) {
    const r = await sql<Record<string, unknown>>`select * from ${sql.table(t)}`.execute(db.kysely);
    for (const row of r.rows) parts.push(Object.values(row).join(' \u0001 '));
  }
  return parts.join('\n');
}

/**
 * The needles found in a text (normalised the same way): a one-word value must be a whole
 * word of the text ("bila" is not found in "available"); a longer value anywhere in it.
 */
export function findNeedles(text: string, needles: Needle[]): Needle[] {
  const t = normalise(
    text
      .replace(/&#39;|&apos;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&'),
  );
  const words = new Set(t.split(WORD));
  return needles.filter((n) => (WORD.test(n.value) ? t.includes(n.value) : words.has(n.value)));
}
