import { expect, it } from 'vitest';
import { describeEachDb, type TestDb } from '../../../test/databases.js';
import { importBytes } from '../imports/index.js';
import { episodesImport, personsImport } from '../persons/index.js';
import { loadPublicDataset } from '../public-data/index.js';
import { sourcesImport } from '../sources/index.js';
import { findFacility } from './facilities.repository.js';
import { listMerges, mergeFacilities, unmergeFacilities } from './facility-merge.js';

// Two rows of the bundled gazetteer; an analyst decides they are one place.
const SURVIVOR = 'taganrog-sizo-2';
const MERGED = 'kursk-sizo-1';

async function seed(t: TestDb) {
  await loadPublicDataset(t.db);
  await importBytes(t.db, sourcesImport, 's.csv', Buffer.from('id,title\nlist,Synthetic list\n'));
  await importBytes(
    t.db,
    personsImport,
    'p.csv',
    Buffer.from('source,record_id,family_name\nlist,1,Тестенко\n'),
  );
  await importBytes(
    t.db,
    episodesImport,
    'e.csv',
    Buffer.from(`source,record_id,facility,from\nlist,1,${MERGED},2023\n`),
  );
}

describeEachDb('merging facility records', (get) => {
  it('moves names, sources and episodes to the survivor, and undoing puts everything back', async () => {
    const t = get();
    await seed(t);
    const before = await findFacility(t.db.kysely, SURVIVOR);
    const merged = await findFacility(t.db.kysely, MERGED);
    const m = await mergeFacilities(t.db.kysely, SURVIVOR, MERGED, 'test: same place', 'tester');
    expect(m.moved.episodes).toBe(1);
    expect(await findFacility(t.db.kysely, MERGED)).toBeUndefined();
    const after = await findFacility(t.db.kysely, SURVIVOR);
    expect(after?.aliases).toEqual(expect.arrayContaining([merged!.nameEn, ...merged!.aliases]));
    expect(after?.sources.length).toBeGreaterThan(before!.sources.length);
    const ep = await t.db.kysely
      .selectFrom('episodes')
      .select('facility_id')
      .executeTakeFirstOrThrow();
    expect(ep.facility_id).toBe(SURVIVOR);

    // Loading the public dataset again does not bring the merged record back.
    const again = await loadPublicDataset(t.db);
    expect(again[0]?.notices.map((n) => n.message).join(' ')).toContain(
      `${MERGED} was merged into ${SURVIVOR}`,
    );
    expect(await findFacility(t.db.kysely, MERGED)).toBeUndefined();

    await unmergeFacilities(t.db.kysely, m.id, 'tester');
    expect(await findFacility(t.db.kysely, MERGED)).toEqual(merged);
    expect(await findFacility(t.db.kysely, SURVIVOR)).toEqual(before);
    const back = await t.db.kysely
      .selectFrom('episodes')
      .select('facility_id')
      .executeTakeFirstOrThrow();
    expect(back.facility_id).toBe(MERGED);
    expect((await listMerges(t.db.kysely))[0]?.undoneAt).not.toBeNull();
  });

  it('refuses to undo a merge twice, or to merge a facility into itself', async () => {
    const t = get();
    await seed(t);
    const m = await mergeFacilities(t.db.kysely, SURVIVOR, MERGED, 'test', 'tester');
    await unmergeFacilities(t.db.kysely, m.id, 'tester');
    await expect(unmergeFacilities(t.db.kysely, m.id, 'tester')).rejects.toThrow(/undone already/);
    await expect(mergeFacilities(t.db.kysely, SURVIVOR, SURVIVOR, 'x', 'tester')).rejects.toThrow(
      /into itself/,
    );
  });
});
