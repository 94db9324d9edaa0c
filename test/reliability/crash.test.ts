import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importFile } from '../../src/features/imports/index.js';
import { personsImport } from '../../src/features/persons/index.js';
import { loadPublicDataset } from '../../src/features/public-data/index.js';
import { sourcesImport } from '../../src/features/sources/index.js';
import { writeSynth } from '../../src/features/synth/index.js';
import { describeEachDb, openTestDb, type TestDb } from '../databases.js';
import { tableCounts } from '../table-counts.js';
import {
  dbEnv,
  exitOf,
  integrityCheck,
  killWhenWriting,
  runPolon,
  spawnPolon,
} from './polon-process.js';

/*
 * SIGKILL in the middle of the work, then the same command again. An import (whole or
 * streamed) and a linkage run each write in ONE transaction — a streamed import writes its
 * batches inside it too — so "the last committed step" is the command before: the killed
 * one must leave no trace, and the re-run must finish the work as if nothing had happened.
 */

const PERSONS = Number(process.env.POLON_CRASH_PERSONS ?? 4000);
let dir = '';
let personRows = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'polon-crash-'));
  const t = await openTestDb('sqlite');
  try {
    await loadPublicDataset(t.db);
    await writeSynth(t.db.kysely, { persons: PERSONS, seed: 11, out: dir });
  } finally {
    await t.dispose();
  }
  personRows = readFileSync(join(dir, 'persons.csv'), 'utf8').trim().split('\n').length - 1;
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function killMidWay(t: TestDb, args: string[], extraEnv: NodeJS.ProcessEnv = {}) {
  const appName = `polon-crash-${randomBytes(4).toString('hex')}`;
  const env = dbEnv(t, { PGAPPNAME: appName, ...extraEnv });
  const child = spawnPolon(args, env);
  const exit = exitOf(child);
  const killed = await killWhenWriting(t, child, appName);
  const e = await exit;
  if (!killed) throw new Error(`polon ${args[0]} ended before it could be killed: ${e.stderr}`);
  expect(e.signal).toBe('SIGKILL');
  return env;
}

describeEachDb('a polon process killed mid-way', (get) => {
  it(
    'an import killed while writing leaves nothing; the same command then completes it',
    { timeout: 180_000 },
    async () => {
      const t = get();
      await importFile(t.db, sourcesImport, join(dir, 'sources.csv'));
      const before = await tableCounts(t.db);
      const args = ['import', 'persons', join(dir, 'persons.csv')];

      const env = await killMidWay(t, args);
      expect(await integrityCheck(t)).toBe('ok');
      expect(await tableCounts(t.db)).toEqual(before);

      const again = await runPolon(args, env);
      expect(again.stderr).toBe('');
      expect(again.code).toBe(0);
      const after = await tableCounts(t.db);
      expect(after).toEqual({
        ...before,
        records: personRows,
        imports: before.imports! + 1,
        audit_log: before.audit_log! + 1,
      });
      expect((await runPolon(['audit', 'verify'], env)).code).toBe(0);
    },
  );

  it(
    'a linkage run killed while writing persons leaves the records as they were, and no personal data in temporary files; the same command then links them',
    { timeout: 300_000 },
    async () => {
      const t = get();
      await importFile(t.db, sourcesImport, join(dir, 'sources.csv'));
      await importFile(t.db, personsImport, join(dir, 'persons.csv'));
      const before = await tableCounts(t.db);
      const tmp = mkdtempSync(join(tmpdir(), 'polon-crash-tmp-'));

      const env = await killMidWay(t, ['link'], { TMPDIR: tmp });
      expect(await integrityCheck(t)).toBe('ok');
      expect(await tableCounts(t.db)).toEqual(before);
      const linked = await t.db.kysely
        .selectFrom('records')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('person_id', 'is not', null)
        .executeTakeFirstOrThrow();
      expect(Number(linked.n)).toBe(0);
      // Records are linked in memory: the killed run left nothing of Polon's in the temporary
      // folder (tsx, which runs the command here, keeps its compile cache there).
      const left = () => readdirSync(tmp).filter((f) => !f.startsWith('tsx-'));
      expect(left()).toEqual([]);

      const again = await runPolon(['link', '--json'], env);
      expect(again.code).toBe(0);
      expect(left()).toEqual([]);
      rmSync(tmp, { recursive: true, force: true });
      const result = JSON.parse(again.stdout) as { records: number; persons: number };
      expect(result.records).toBe(personRows);
      const after = await tableCounts(t.db);
      expect(after).toEqual({
        ...before,
        persons: result.persons,
        review_pairs: after.review_pairs,
        audit_log: before.audit_log! + 1,
      });
      const unlinked = await t.db.kysely
        .selectFrom('records')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('person_id', 'is', null)
        .executeTakeFirstOrThrow();
      expect(Number(unlinked.n)).toBe(0);
    },
  );
});
