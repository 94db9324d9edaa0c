import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { bundledDataDir } from '../../package-root.js';
import type { Facility } from './facility.js';
import { searchFacilities } from './facility-search.js';

const rows: Record<string, string>[] = parse(
  readFileSync(join(bundledDataDir(), 'facilities.csv')),
  { columns: true },
);
const facilities = rows.map(
  (r) =>
    ({
      id: r.id,
      nameEn: r.name_en,
      nameUk: r.name_uk || null,
      nameRu: r.name_ru || null,
      aliases: (r.aliases ?? '')
        .split(';')
        .map((a) => a.trim())
        .filter(Boolean),
      settlement: r.settlement || null,
      region: r.region || null,
    }) as unknown as Facility,
);

describe('searchFacilities', () => {
  it('finds the same places from a Cyrillic or a Latin query', () => {
    const latin = searchFacilities(facilities, 'Taganrog').map((f) => f.id);
    expect(latin).toContain('taganrog-sizo-2');
    expect(searchFacilities(facilities, 'Таганрог').map((f) => f.id)).toEqual(latin);
  });

  it('matches the start of a word, so it can filter while one types', () => {
    expect(searchFacilities(facilities, 'tagan').map((f) => f.id)).toContain('taganrog-sizo-2');
  });

  it('needs every word of the query', () => {
    expect(searchFacilities(facilities, 'SIZO Kursk').map((f) => f.id)).toEqual(['kursk-sizo-1']);
    expect(searchFacilities(facilities, 'Kursk nowhereville')).toEqual([]);
  });
});
