import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { polonIn } from '../../../test/cli.js';
import { describeEachDb } from '../../../test/databases.js';
import { tableCounts } from '../../../test/table-counts.js';

// A list as a hotline keeps it; synthetic names only.
const SHEET = [
  'Список звернень (синтетичні дані)',
  '',
  'ПІБ,Дата народження,Стать,Статус,Дата полону,Місце утримання',
  'Тестенко Олександр Петрович,12.03.1985,ч,в полоні,05.2022,СІЗО-2 Таганрог',
  'Примерова Марія Іванівна,1979,ж,звільнена,2022,Курське СІЗО №1',
  'Зразковий Іван,1990-01-02,ч,,2023-07-01,Підвал у селі Вигадане',
  'Всього: 3,,,,,',
].join('\n');

describeEachDb('intake from the command line', (get) => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'polon-intake-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('registers a source, previews, imports a list with no source or id column, and reads it back', async () => {
    const t = get();
    const file = join(dir, 'список.csv');
    writeFileSync(file, SHEET);
    expect((await polonIn(t, ['load-public'])).code).toBe(0);

    const noSource = await polonIn(t, ['import', 'persons', file]);
    expect(noSource.code).toBe(2);
    expect(noSource.stderr).toContain('--source');

    const added = await polonIn(t, [
      'sources',
      'add',
      'hotline',
      '--title',
      'Hotline list (synthetic)',
      '--reliability',
      'C',
      '--credibility',
      '3',
    ]);
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('--source hotline');
    expect((await polonIn(t, ['sources', 'add', 'hotline', '--title', 'x'])).code).toBe(4);

    const before = await tableCounts(t.db);
    const preview = await polonIn(t, [
      'import',
      'persons',
      file,
      '--source',
      'hotline',
      '--dry-run',
      '--json',
    ]);
    expect(preview.code).toBe(0);
    const report = JSON.parse(preview.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({
      kind: 'persons',
      source: 'hotline',
      dryRun: true,
      rows: 3,
      records: { inserted: 3, updated: 0, unchanged: 0 },
      events: { inserted: 4 },
      episodes: { inserted: 3 },
      recordIds: { from: 'content', fromFile: 0, fromContent: 3 },
      unresolvedPlaces: [{ row: 6, text: 'Підвал у селі Вигадане' }],
      problems: [],
    });
    expect(await tableCounts(t.db)).toEqual(before);

    const done = await polonIn(t, ['import', 'persons', file, '--source', 'hotline']);
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(/records: 3 new, 0 changed, 0 unchanged/);
    expect(done.stdout).toMatch(/events: 4 new/);
    expect(done.stdout).toMatch(/detention episodes: 3 new/);
    expect(done.stdout).toMatch(/row 6: "Підвал у селі Вигадане"/);
    expect(done.stdout).toContain('known by its names and birth date');
    const again = await polonIn(t, ['import', 'persons', file, '--source', 'hotline', '--json']);
    expect(JSON.parse(again.stdout) as unknown).toMatchObject({
      records: { inserted: 0, updated: 0, unchanged: 3 },
    });

    const list = await polonIn(t, ['sources', 'list', '--json']);
    const sources = (JSON.parse(list.stdout) as { sources: { id: string; records: number }[] })
      .sources;
    expect(sources.find((s) => s.id === 'hotline')?.records).toBe(3);

    const out = join(dir, 'records.csv');
    const exported = await polonIn(t, [
      'export',
      'records',
      '--format',
      'csv',
      '--reason',
      'linkage test',
      '--source',
      'hotline',
      '--out',
      out,
    ]);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toContain('Wrote 3 records');
    const csv = readFileSync(out, 'utf8');
    expect(csv.split('\n')[0]).toMatch(
      /^record_id,source,family_name,given_name,patronymic,full_name,birth_date,sex,unit,/,
    );
    expect(csv).toContain('Тестенко Олександр Петрович');
    const noReason = await polonIn(t, ['export', 'records', '--format', 'json']);
    expect(noReason.code).toBe(2);
  });
});
