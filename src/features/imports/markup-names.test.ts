import { expect, it } from 'vitest';
import { NewSource } from '../../../contract/index.js';
import { describeEachDb } from '../../../test/databases.js';
import { tableCounts } from '../../../test/table-counts.js';
import { InputError } from '../../core/app-error.js';
import type { Db } from '../../db/index.js';
import { facilitiesImport } from '../facilities/index.js';
import { episodesImport, personsImport } from '../persons/index.js';
import { sourcesImport } from '../sources/index.js';
import type { ImportKind } from './import-kind.js';
import { importBytes } from './run-import.js';

// A page or a map that put a name in as HTML would make elements of it (issue 16, finding 4).
const META = '<meta http-equiv=refresh content=0;url=https://example.org>';
const csv = (...lines: string[]) => Buffer.from(lines.join('\n') + '\n');

async function problemsOf<T>(db: Db, kind: ImportKind<T>, file: Buffer) {
  const err = await importBytes(db, kind, 'x.csv', file).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InputError);
  return (err as InputError).problems.map((p) => ({ row: p.row, column: p.column, fix: p.fix }));
}

describeEachDb('names with markup or control characters in imports', (get) => {
  it('refuses facility names and aliases with < or >, saying which cell and what to do, and writes nothing', async () => {
    const before = await tableCounts(get().db);
    const problems = await problemsOf(
      get().db,
      facilitiesImport,
      csv(
        'id,name_en,name_uk,aliases,type,territory,sources',
        `good-one,Good place,Добре місце,,sizo,RU,https://example.org/a`,
        `bad-one,Evil${META},Зле місце,Alias one; <b>bold</b>,sizo,RU,https://example.org/a`,
        `bad-two,Bad place,"Зле\u0007місце",,sizo,RU,https://example.org/a`,
      ),
    );
    expect(problems).toEqual([
      { row: 3, column: 'name_en', fix: expect.stringMatching(/remove < and >/) as string },
      { row: 3, column: 'aliases', fix: expect.stringMatching(/remove < and >/) as string },
      { row: 4, column: 'name_uk', fix: expect.stringMatching(/control/) as string },
    ]);
    expect(await tableCounts(get().db)).toEqual(before);
  });

  it('refuses person names with < or > and source titles', async () => {
    const { db } = get();
    await importBytes(db, sourcesImport, 's.csv', csv('id,title', 'press,Synthetic press'));
    expect(
      await problemsOf(
        db,
        personsImport,
        csv(
          'source,record_id,family_name,given_name,full_name',
          'press,P1,Тестенко,Іван,',
          `press,P2,Тест<img src=x>,Іван,`,
          `press,P3,,,Тестенко ${META}`,
        ),
      ),
    ).toEqual([
      { row: 3, column: 'family_name', fix: expect.any(String) as string },
      { row: 4, column: 'full_name', fix: expect.any(String) as string },
    ]);
    expect(
      await problemsOf(db, sourcesImport, csv('id,title', 'other,<script>x</script> Press')),
    ).toEqual([{ row: 2, column: 'title', fix: expect.any(String) as string }]);
    expect(
      await problemsOf(
        db,
        episodesImport,
        csv('source,record_id,facility,from', `press,P1,СІЗО ${META},2022-04-02`),
      ),
    ).toEqual([{ row: 2, column: 'facility', fix: expect.any(String) as string }]);
    // A source added by hand in the workspace as well.
    expect(NewSource.safeParse({ id: 'x', title: 'Press <b>' }).error?.issues[0]?.message).toMatch(
      /plain text/,
    );
    expect(NewSource.safeParse({ id: 'x', title: "Ukrains'ka Pravda" }).success).toBe(true);
  });

  it('keeps apostrophes, hyphens, dots and quotes that real names have', async () => {
    const { db } = get();
    await importBytes(db, sourcesImport, 's.csv', csv('id,title', 'press,Synthetic press'));
    const r = await importBytes(
      db,
      personsImport,
      'p.csv',
      csv(
        'source,record_id,family_name,given_name,full_name',
        `press,P1,Дем'яненко-Бойко,Олекса́ндр,`,
        `press,P2,,,"O'Neil, J. ""Jack"" & Co"`,
      ),
    );
    expect(r.inserted).toBe(2);
  });
});
