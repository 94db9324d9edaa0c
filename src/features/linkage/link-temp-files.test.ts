import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/run-cli.js';
import { createDb, migrateToLatest } from '../../db/index.js';
import { linkDatabase } from './link-database.js';

// Synthetic people only. The marker stands for a name that must never reach the disk
// outside the encrypted database.
const MARKER = 'Zqvortenko';
const MARKER_CYR = 'Зквортенко';
const BIRTH = '1911-11-11';
const KEY = 'a long test passphrase for sqlcipher';

/** Every file under `dir` whose bytes hold the marker, the name in Cyrillic or the birth date. */
function filesWithMarker(dir: string): string[] {
  const hits: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const s = statSync(p, { throwIfNoEntry: false });
      if (!s) continue;
      if (s.isDirectory()) walk(p);
      else {
        const bytes = readFileSync(p);
        if ([MARKER, MARKER_CYR, BIRTH].some((m) => bytes.includes(Buffer.from(m)))) hits.push(p);
      }
    }
  };
  walk(dir);
  return hits;
}

describe('polon link on an encrypted database', () => {
  const before = process.env.TMPDIR;
  let tmp = '';
  let dataDir = '';
  let dbPath = '';

  beforeEach(async () => {
    const base = mkdtempSync(join(tmpdir(), 'polon-link-leak-'));
    tmp = join(base, 'tmp');
    dataDir = join(base, 'data');
    mkdirSync(tmp);
    mkdirSync(dataDir);
    dbPath = join(dataDir, 'polon.db');
    const db = createDb({ dbPath, dbKey: KEY });
    await migrateToLatest(db);
    const now = new Date().toISOString();
    await db.kysely
      .insertInto('sources')
      .values(
        ['list_a', 'list_b'].map((id) => ({
          id,
          reliability: 'B',
          credibility: 2,
          updated_at: now,
        })),
      )
      .execute();
    const records = Array.from({ length: 40 }, (_, i) => ({
      id: `rec_t${String(i).padStart(3, '0')}`,
      source_id: i % 2 === 0 ? 'list_a' : 'list_b',
      source_record_id: `S${i}`,
      family_name: i < 2 ? MARKER : `Тестенко${Math.floor(i / 2)}`,
      given_name: i < 2 ? 'Oleksandr' : 'Іван',
      full_name: i === 2 ? `${MARKER_CYR} Іван` : null,
      birth_date: i < 2 ? BIRTH : `19${50 + Math.floor(i / 2)}-01-02`,
      updated_at: now,
    }));
    await db.kysely.insertInto('records').values(records).execute();
    await db.close();
    // os.tmpdir() follows TMPDIR: every temporary file of the run lands in `tmp`.
    process.env.TMPDIR = tmp;
    expect(tmpdir()).toBe(tmp);
  });

  afterEach(() => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
  });

  it('leaves no name or birth date on disk while it runs (what a killed run would leave)', async () => {
    const db = createDb({ dbPath, dbKey: KEY });
    const seen: string[][] = [];
    try {
      // Mid-run, after the records are loaded and while they are linked: a SIGKILL here
      // leaves on disk exactly what is there now.
      await linkDatabase(db.kysely, {
        workers: 1,
        onProgress: (p) => {
          if (p.phase !== 'loading records')
            seen.push([...filesWithMarker(tmp), ...filesWithMarker(dataDir)]);
        },
      });
    } finally {
      await db.close();
    }
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.flat()).toEqual([]);
  });

  it('leaves nothing in the temporary folder or beside the database after `polon link`', async () => {
    let stderr = '';
    const code = await runCli(['link', '--json'], {
      stdout: () => undefined,
      stderr: (s) => (stderr += s),
      env: { POLON_DB: dbPath, POLON_DB_KEY: KEY },
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(readdirSync(tmp)).toEqual([]);
    expect(filesWithMarker(dataDir)).toEqual([]);
  });
});
