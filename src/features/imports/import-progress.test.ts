import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/databases.js';
import { expectWellFormed, recordProgress } from '../../../test/progress-calls.js';
import { personsImport } from '../persons/index.js';
import { sourcesImport } from '../sources/index.js';
import { importBytes, importFile } from './run-import.js';

const ROWS = 2500;
const dir = mkdtempSync(join(tmpdir(), 'polon-import-progress-'));
const file = join(dir, 'persons.csv');
writeFileSync(
  file,
  [
    "Джерело,№,Прізвище,Ім'я,По батькові,Дата народження,Стать",
    ...Array.from(
      { length: ROWS },
      (_, i) =>
        `synth-a,R${i},Коваленко${i % 97},Олександр,Петрович,${String(1 + (i % 28)).padStart(2, '0')}.03.${1960 + (i % 45)},ч`,
    ),
  ].join('\n'),
);

describeEachDb('the progress of an import', (get) => {
  let progress: ReturnType<typeof recordProgress> | undefined;
  afterEach(() => progress?.restore());
  const withSources = async () => {
    const { db } = get();
    await importBytes(db, sourcesImport, 'sources.csv', Buffer.from('id,title\nsynth-a,A\n'));
    return db;
  };

  it('of a file read whole: reading, checking and writing, each from 0 to its total', async () => {
    const db = await withSources();
    progress = recordProgress();
    const result = await importFile(db, personsImport, file, { onProgress: progress.onProgress });
    const phases = progress.phases();
    expect([...phases.keys()]).toEqual(['reading', 'checking', 'writing']);
    expectWellFormed(phases, expect);
    expect(phases.get('reading')?.at(-1)).toMatchObject({
      done: statSync(file).size,
      unit: 'bytes',
    });
    expect(phases.get('checking')?.at(-1)).toMatchObject({ done: ROWS, unit: 'rows' });
    expect(phases.get('writing')?.at(-1)).toMatchObject({ done: ROWS, unit: 'rows' });
    // Rows are counted as they go, not only at the start and the end.
    expect(phases.get('checking')!.length).toBeGreaterThan(3);
    expect(phases.get('writing')!.length).toBeGreaterThan(2);
    expect(result.inserted).toBe(ROWS);
  });

  it('of a streamed file: the bytes read, with the rows checked and written', async () => {
    const db = await withSources();
    progress = recordProgress();
    const result = await importFile(db, personsImport, file, {
      stream: true,
      onProgress: progress.onProgress,
    });
    const phases = progress.phases();
    expect([...phases.keys()]).toEqual(['importing']);
    expectWellFormed(phases, expect);
    const list = phases.get('importing')!;
    expect(list.length).toBeGreaterThan(2);
    expect(list.at(-1)).toEqual({
      phase: 'importing',
      done: statSync(file).size,
      total: statSync(file).size,
      unit: 'bytes',
      also: { 'rows written': ROWS, 'rows checked': ROWS },
    });
    expect(result.inserted).toBe(ROWS);
  });

  it('changes nothing in what an import does', async () => {
    const db = await withSources();
    progress = recordProgress();
    const told = await importFile(db, personsImport, file, {
      dryRun: true,
      onProgress: progress.onProgress,
    });
    const silent = await importFile(db, personsImport, file, { dryRun: true });
    expect(told).toEqual(silent);
  });
});
