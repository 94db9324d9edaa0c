import fc from 'fast-check';
import { expect, it } from 'vitest';
import { describeEachDb } from '../../../test/databases.js';
import {
  documenterRecipe,
  expectedDate,
  makeDocumenterFile,
  type DocumenterFile,
  type GeneratedPerson,
} from '../../../test/documenter-files.js';
import { fuzz, share } from '../../../test/fuzz.js';
import type { Db } from '../../db/index.js';
import { importBytes } from '../imports/index.js';
import { loadPublicDataset } from '../public-data/index.js';
import { addSource } from '../sources/index.js';
import { personsImport } from './index.js';

/** What the database holds of one person, after an import. */
async function holdings(db: Db, source: string) {
  const records = await db.kysely
    .selectFrom('records')
    .selectAll()
    .where('source_id', '=', source)
    .execute();
  const ids = records.map((r) => r.id);
  const events = ids.length
    ? await db.kysely.selectFrom('events').selectAll().where('record_id', 'in', ids).execute()
    : [];
  const episodes = ids.length
    ? await db.kysely.selectFrom('episodes').selectAll().where('record_id', 'in', ids).execute()
    : [];
  return { records, events, episodes };
}

function expectedEvents(p: GeneratedPerson): [string, string | null][] {
  const out: [string, string | null][] = [];
  if (p.capture || p.capturePlace || p.status === 'captured')
    out.push(['captured', expectedDate(p.capture)]);
  if (p.status === 'missing') out.push(['missing', null]);
  if (p.release || p.status === 'released') out.push(['released', expectedDate(p.release)]);
  if (p.died || p.status === 'died_in_captivity')
    out.push(['died_in_captivity', expectedDate(p.died)]);
  return out.sort();
}

/** Checks every person the file states against what the import wrote. */
async function checkFile(db: Db, source: string, f: DocumenterFile): Promise<void> {
  const { records, events, episodes } = await holdings(db, source);
  expect(records).toHaveLength(f.persons.length);
  for (const p of f.persons) {
    const tag = p.family;
    const r = records.find(
      (x) => x.family_name === tag || (x.full_name ?? '').split(' ').includes(tag),
    );
    expect(r, `no record for ${tag}`).toBeDefined();
    if (!r) continue;
    if (f.layout.nameStyle === 'split') {
      expect([r.family_name, r.given_name, r.patronymic]).toEqual([
        p.family,
        p.given,
        p.patronymic,
      ]);
    } else {
      expect(r.full_name?.split(' ').sort()).toEqual([p.family, p.given, p.patronymic].sort());
    }
    expect(r.birth_date).toBe(expectedDate(p.birth));
    expect(r.birth_precision).toBe(
      !p.birth
        ? null
        : p.birth.style === 'about'
          ? 'approx'
          : p.birth.style === 'year'
            ? 'year'
            : p.birth.style === 'month'
              ? 'month'
              : 'day',
    );
    if (f.layout.columns.includes('sex')) expect(r.sex).toBe(p.sex);
    expect(r.category).toBe(p.category);
    expect(r.source_record_id.startsWith('~')).toBe(!f.layout.numbered);
    const mine = events
      .filter((e) => e.record_id === r.id)
      .map((e): [string, string | null] => [e.kind, e.date])
      .sort();
    expect(mine, `events of ${tag}`).toEqual(expectedEvents(p));
    const stay = episodes.filter((e) => e.record_id === r.id);
    expect(stay.map((e) => [e.facility_text, e.facility_id, e.start_date])).toEqual(
      p.held ? [[p.held.text, p.held.facilityId, expectedDate(p.heldFrom)]] : [],
    );
  }
}

describeEachDb('documenter-style files, generated', (get) => {
  it(
    'import with every person, event and episode they state, and again change nothing',
    { timeout: 600_000 },
    async () => {
      const { db } = get();
      await loadPublicDataset(db);
      let n = 0;
      await fc.assert(
        fc.asyncProperty(documenterRecipe(), async (recipe) => {
          const f = await makeDocumenterFile(recipe);
          const source = `gen-${++n}`;
          await addSource(db.kysely, { id: source, title: `Generated list ${n}` }, 'test');
          const r = await importBytes(db, personsImport, f.name, f.bytes, { source });
          expect(r.rows, JSON.stringify(f.layout)).toBe(f.persons.length);
          expect(r.inserted).toBe(f.persons.length);
          const places = f.persons.filter((p) => p.held && !p.held.facilityId).length;
          expect(r.unresolvedPlaces ?? []).toHaveLength(places);
          await checkFile(db, source, f);
          const again = await importBytes(db, personsImport, f.name, f.bytes, { source });
          expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: f.persons.length });
          for (const t of ['events', 'episodes'] as const)
            expect(again.facts?.[t]).toMatchObject({ inserted: 0, updated: 0, removed: 0 });
        }),
        // A hundred files a database (FUZZ_RUNS scales it): each is imported twice and checked.
        fuzz(share(0.01, 100)),
      );
    },
  );
});
