/**
 * `npm run bench -- import`: person records from a CSV into SQLite through the real import
 * (streamed, validated, all or nothing), against a bare prepared-insert loop of the same
 * rows into the same table in one transaction, measured in the same run. POLON_BENCH_ROWS sets the size
 * (default 1,000,000).
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { createDb, migrateToLatest, SQLITE_CACHE_PAGES } from '../src/db/index.js';
import { importBytes, importFile } from '../src/features/imports/index.js';
import { personsImport } from '../src/features/persons/index.js';
import { recordRow } from '../src/features/persons/records.import.js';
import { sourcesImport } from '../src/features/sources/index.js';
import type { Benchmark } from './bench-result.js';

const ROWS = Number(process.env.POLON_BENCH_ROWS ?? 1_000_000);
const FAMILY = [
  'Коваленко',
  'Бондаренко',
  'Ткаченко',
  'Шевченко',
  'Кравченко',
  'Мельник',
  'Бойко',
  'Олійник',
  'Лисенко',
  'Савченко',
  'Руденко',
  'Павленко',
];
const GIVEN = [
  'Олександр',
  'Сергій',
  'Андрій',
  'Юрій',
  'Віталій',
  'Дмитро',
  'Іван',
  'Максим',
  'Олег',
  'Богдан',
  'Микола',
  'Василь',
];
const PATRONYMIC = [
  'Петрович',
  'Іванович',
  'Миколайович',
  'Васильович',
  'Олександрович',
  'Сергійович',
];

function row(i: number): string[] {
  const day = String(1 + (i % 28)).padStart(2, '0');
  const month = String(1 + (i % 12)).padStart(2, '0');
  const year = 1960 + (i % 45);
  return [
    i % 3 === 0 ? 'bench-b' : 'bench-a',
    `R${i}`,
    `${FAMILY[i % FAMILY.length]}${i % 97}`,
    GIVEN[(i * 7) % GIVEN.length] ?? '',
    PATRONYMIC[(i * 11) % PATRONYMIC.length] ?? '',
    i % 5 === 0 ? String(year) : `${day}.${month}.${year}`,
    i % 17 === 0 ? 'ж' : 'ч',
    i % 9 === 0 ? 'цивільний' : 'військовий',
    `${(i % 150) + 1} ОМБр`,
  ];
}

async function writeCsv(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write(
    "Джерело,№,Прізвище,Ім'я,По батькові,Дата народження,Стать,Категорія,Військова частина\n",
  );
  for (let i = 0; i < ROWS; i++) {
    if (!out.write(`${row(i).join(',')}\n`))
      await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
}

/**
 * The baseline: the same rows, already parsed and shaped, inserted by a bare prepared
 * statement into the same migrated table (same columns and indexes), in one transaction.
 */
async function baseline(path: string): Promise<number> {
  const db = createDb({ dbPath: path });
  await migrateToLatest(db);
  await importBytes(
    db,
    sourcesImport,
    'sources.csv',
    Buffer.from('id,title\nbench-a,Synthetic A\nbench-b,Synthetic B\n'),
  );
  await db.close();
  const schema = personsImport.schemaFor?.({}) ?? personsImport.schema;
  const keys = [
    'source',
    'record_id',
    'family_name',
    'given_name',
    'patronymic',
    'birth_date',
    'sex',
    'category',
    'unit',
  ];
  const now = new Date().toISOString();
  const rows: ReturnType<typeof recordRow>[] = [];
  for (let i = 0; i < ROWS; i++) {
    const cells = Object.fromEntries(row(i).map((v, j) => [keys[j] ?? '', v]));
    rows.push(recordRow(schema.parse(cells), now));
  }
  const raw = new SQLite(path);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  // The same page cache as Polon's own connection, so the ratio measures the import alone.
  raw.pragma(`cache_size = ${SQLITE_CACHE_PAGES}`);
  const columns = Object.keys(rows[0] ?? {});
  const insert = raw.prepare(
    `insert into records (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`,
  );
  const started = performance.now();
  raw.transaction(() => {
    for (const r of rows)
      insert.run(...columns.map((c) => (r as Record<string, unknown>)[c] ?? null));
  })();
  const ms = performance.now() - started;
  raw.close();
  return ms;
}

const bench: Benchmark = {
  name: 'import',
  description: `${ROWS.toLocaleString('en')} person records from CSV into SQLite, against bare prepared inserts`,
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'polon-bench-import-'));
    try {
      const csv = join(dir, 'persons.csv');
      await writeCsv(csv);
      const db = createDb({ dbPath: join(dir, 'polon.db') });
      await migrateToLatest(db);
      await importBytes(
        db,
        sourcesImport,
        'sources.csv',
        Buffer.from('id,title\nbench-a,Synthetic A\nbench-b,Synthetic B\n'),
      );
      let peak = process.memoryUsage().rss;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
      const started = performance.now();
      const result = await importFile(db, personsImport, csv);
      const ms = performance.now() - started;
      clearInterval(sampler);
      await db.close();
      if (result.inserted !== ROWS) throw new Error(`imported ${result.inserted} of ${ROWS} rows`);
      // The baseline runs after the import, so the rows it holds in memory do not count
      // against the import's peak.
      const baselineMs = await baseline(join(dir, 'baseline.db'));
      const rowsPerS = ROWS / (ms / 1000);
      const ratio = baselineMs / ms;
      const peakMiB = Math.round(peak / 2 ** 20);
      return {
        name: 'import',
        figureLabel: 'rows/s (CSV → validated → SQLite)',
        figure: rowsPerS,
        baselineLabel: 'rows/s, bare prepared inserts',
        baseline: ROWS / (baselineMs / 1000),
        ratio,
        target: 'ratio ≥ 0.5, peak memory ≤ 1 GiB',
        met: ratio >= 0.5 && peakMiB <= 1024,
        extra: {
          rows: ROWS,
          'import s': ms / 1000,
          'baseline s': baselineMs / 1000,
          'peak RSS MiB': peakMiB,
        },
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
export default bench;
