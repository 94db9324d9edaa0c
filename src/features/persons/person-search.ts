import type { Kysely } from 'kysely';
import type { PersonSearchResult } from '../../../contract/index.js';
import { AppError } from '../../core/app-error.js';
import type { Database } from '../../db/index.js';
import { lookupGivenName, normalise, personNameKey, phoneticKey } from '../../names/index.js';
import {
  loadRecordNames,
  recordNamesVersion,
  recordsOfPersons,
  type RecordNameRow,
} from './person-profile.repository.js';

/** One word of a name, keyed so that its Ukrainian, Russian and Latin spellings meet. */
interface WordKeys {
  key: string;
  phonetic: string;
  /** The canonical given name (Олександр, Александр, Oleksandr → one id), if it is one. */
  givenId: string | undefined;
}

interface IndexedRecord {
  id: string;
  personId: string | null;
  words: WordKeys[];
}

function wordKeys(word: string): WordKeys | undefined {
  const key = personNameKey(word);
  if (key === '') return undefined;
  return { key, phonetic: phoneticKey(key), givenId: lookupGivenName(word)?.id };
}

/** Name cells already keyed while building one index: names repeat, so most are. */
type KeyCache = Map<string, WordKeys[]>;

function keysOfText(text: string): WordKeys[] {
  const out: WordKeys[] = [];
  for (const w of normalise(text).split(' ')) {
    const k = w === '' ? undefined : wordKeys(w);
    if (k) out.push(k);
  }
  return out;
}

function wordsOf(texts: (string | null)[], cache: KeyCache = new Map()): WordKeys[] {
  const out: WordKeys[] = [];
  for (const text of texts) {
    if (!text) continue;
    let keys = cache.get(text);
    if (!keys) {
      keys = keysOfText(text);
      cache.set(text, keys);
    }
    out.push(...keys);
  }
  return out;
}

export function indexRecord(r: RecordNameRow, cache?: KeyCache): IndexedRecord {
  return {
    id: r.id,
    personId: r.person_id,
    words: wordsOf([r.family_name, r.given_name, r.patronymic, r.full_name], cache),
  };
}

/**
 * How well one word of a query fits a record: 3 the same spelling key (Білик, Билык, Bilyk),
 * 3 the same given name (Олександр, Aleksandr), 2 the start of a name (Біл…), 1 the same
 * consonants (Ковальов, Kovalyov); 0 not at all. Prefixes need two letters and phonetic
 * keys three consonants, so a query of "а" or "ко" lists no one by accident.
 */
function wordScore(q: WordKeys, words: WordKeys[]): number {
  let best = 0;
  for (const w of words) {
    if (w.key === q.key || (q.givenId !== undefined && w.givenId === q.givenId)) return 3;
    if (q.key.length >= 2 && w.key.startsWith(q.key)) best = Math.max(best, 2);
    else if (q.phonetic.length >= 3 && w.phonetic === q.phonetic) best = Math.max(best, 1);
  }
  return best;
}

/** Records whose names hold every word of the query, best first. */
export function matchRecords(
  records: readonly IndexedRecord[],
  query: string,
): { record: IndexedRecord; score: number }[] {
  const queryWords = wordsOf([query]);
  if (queryWords.length === 0 || queryWords.reduce((n, w) => n + w.key.length, 0) < 2)
    throw new AppError(
      'invalid_input',
      'type at least two letters of a name (in Ukrainian, Russian or Latin letters)',
    );
  const out: { record: IndexedRecord; score: number }[] = [];
  for (const record of records) {
    let score = 0;
    for (const q of queryWords) {
      const s = wordScore(q, record.words);
      if (s === 0) {
        score = 0;
        break;
      }
      score += s;
    }
    if (score > 0) out.push({ record, score });
  }
  return out.sort((a, b) => b.score - a.score || a.record.id.localeCompare(b.record.id));
}

/*
 * The index lives in memory beside its database and is rebuilt only when a record was
 * written since (count and last updated_at tell): keying names is the costly part, and a
 * workspace search must answer while the analyst types. Name keys are personal data
 * derived from names, so they stay in this process and are never stored or logged.
 */
const indexes = new WeakMap<
  Kysely<Database>,
  { version: string; records: Promise<IndexedRecord[]> }
>();

async function recordIndex(db: Kysely<Database>): Promise<IndexedRecord[]> {
  const version = await recordNamesVersion(db);
  const cached = indexes.get(db);
  if (cached?.version === version) return cached.records;
  const records = loadRecordNames(db).then((rows) => {
    const cache: KeyCache = new Map();
    return rows.map((r) => indexRecord(r, cache));
  });
  indexes.set(db, { version, records });
  records.catch(() => indexes.delete(db));
  return records;
}

/**
 * Persons whose records' names match the query in any script, with every record of each
 * person as its source wrote it. A record that linkage placed with no person is a person
 * of one. Person ids come from the database at query time, so a linkage run shows at once.
 */
export async function searchPersons(
  db: Kysely<Database>,
  query: string,
  limit: number,
): Promise<PersonSearchResult> {
  const matches = matchRecords(await recordIndex(db), query);
  const current = await recordsOfPersons(db, {
    personIds: [],
    recordIds: matches.map((m) => m.record.id),
  });
  const personOf = new Map(current.map((r) => [r.id, r.personId]));
  const order: string[] = [];
  const seen = new Set<string>();
  for (const m of matches) {
    if (!personOf.has(m.record.id)) continue; // deleted since the index was built
    const key = personOf.get(m.record.id) ?? m.record.id;
    if (!seen.has(key)) {
      seen.add(key);
      order.push(key);
    }
  }
  const shown = order.slice(0, limit);
  const personIds = shown.filter((k) => !k.startsWith('rec_'));
  const loneIds = shown.filter((k) => k.startsWith('rec_'));
  const records = await recordsOfPersons(db, { personIds, recordIds: loneIds });
  const items = shown.map((key) => ({
    id: key,
    personId: key.startsWith('rec_') ? null : key,
    records: records
      .filter((r) => (key.startsWith('rec_') ? r.id === key : r.personId === key))
      .map((r) => ({
        id: r.id,
        source: r.source,
        familyName: r.familyName,
        givenName: r.givenName,
        patronymic: r.patronymic,
        fullName: r.fullName,
        birthDate: r.birthDate,
      })),
  }));
  return { items, total: order.length };
}
