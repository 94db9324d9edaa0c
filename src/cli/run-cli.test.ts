import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeEachDb, type TestDb } from '../../test/databases.js';
import { polonIn } from '../../test/cli.js';
import { tableCounts } from '../../test/table-counts.js';

const polon = (t: TestDb, ...args: string[]) => polonIn(t, args);
const polonWithInput = (t: TestDb, input: string, ...args: string[]) => polonIn(t, args, input);

describeEachDb('polon CLI', (get) => {
  it('loads the public dataset twice with the same result, then prints exchange statistics as JSON', async () => {
    const t = get();
    expect((await polon(t, 'load-public')).code).toBe(0);
    const again = await polon(t, 'load-public', '--json');
    const results = (
      JSON.parse(again.stdout) as { results: { inserted: number; updated: number }[] }
    ).results;
    expect(results.every((r) => r.inserted === 0 && r.updated === 0)).toBe(true);
    const stats = await polon(t, 'stats', 'exchanges', '--as-of', '2025-11-01', '--json');
    expect(stats.code).toBe(0);
    const s = JSON.parse(stats.stdout) as Record<string, unknown>;
    expect(Object.keys(s)).toEqual(
      expect.arrayContaining(['asOf', 'exchanges', 'returned', 'bodiesReturned', 'byYear']),
    );
    expect(s).toMatchObject({ asOf: '2025-11-01', exchanges: 64 });
  });

  it('prints readable statistics and findings by default', async () => {
    const t = get();
    await polon(t, 'load-public');
    const stats = await polon(t, 'stats', 'exchanges', '--as-of', '2024-12-31');
    expect(stats.stdout).toContain('exchanges held        54');
    // The bundled data reaches May 2026: the 71st–73rd exchanges and the swap of 15 May.
    const now = await polon(t, 'stats', 'exchanges', '--as-of', '2026-05-31');
    expect(now.stdout).toContain('exchanges held        68  (2022-03-24 … 2026-05-15)');
    expect(now.stdout).toMatch(/\n {2}2026 +4 +864 /);
    const check = await polon(t, 'check');
    expect(check.stdout).toMatch(
      /returned_men_military 5,648 \+ returned_men_civilians 323 = 5,971, but returned_men 5,976/,
    );
  });

  it('fails an import with exit code 2, names file, row and column, and writes nothing', async () => {
    const t = get();
    await polon(t, 'load-public');
    const before = await tableCounts(t.db);
    const file = join(
      t.config.dbPath ? t.config.dbPath.replace(/polon\.db$/, '') : '/tmp',
      `bad-${Date.now()}.csv`,
    );
    writeFileSync(
      file,
      'id,date_start,kind,returned,sources\nx,31.02.2024,exchange,5,https://a.org\n',
    );
    const r = await polon(t, 'import', 'exchanges', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/row 2, column date_start: day 31 does not exist/);
    expect(r.stderr).toContain('nothing was written');
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it('adds accounts with a password from standard input, refusing a short one', async () => {
    const t = get();
    const weak = await polonWithInput(t, 'short\n', 'user', 'add', 'olena', '--role', 'admin');
    expect(weak.code).toBe(2);
    expect(weak.stderr).toContain('at least 12 characters');
    const ok = await polonWithInput(
      t,
      'a long enough passphrase\n',
      'user',
      'add',
      'olena',
      '--role',
      'admin',
    );
    expect(ok.stdout).toContain('Added olena as admin');
    const hash = await t.db.kysely
      .selectFrom('accounts')
      .select('password_hash')
      .executeTakeFirstOrThrow();
    expect(hash.password_hash).toMatch(/^\$argon2id\$/);
    expect((await polon(t, 'user', 'role', 'olena', 'viewer')).stdout).toContain(
      'olena is now viewer',
    );
    expect((await polon(t, 'user', 'list')).stdout).toMatch(/olena\s+viewer/);
  });

  it('verifies the audit log, and exits 4 naming the row when one was changed', async () => {
    const t = get();
    await polon(t, 'load-public');
    const ok = await polon(t, 'audit', 'verify');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Audit log intact: 3 rows; head [0-9a-f]{64}/);
    const row = await t.db.kysely
      .selectFrom('audit_log')
      .select('seq')
      .orderBy('seq')
      .limit(1)
      .executeTakeFirstOrThrow();
    await t.db.kysely
      .updateTable('audit_log')
      .set({ details: '{}' })
      .where('seq', '=', row.seq)
      .execute();
    const bad = await polon(t, 'audit', 'verify');
    expect(bad.code).toBe(4);
    expect(bad.stdout).toContain(`row ${Number(row.seq)} was changed`);
  });

  it('rejects an unknown import kind and a malformed --as-of', async () => {
    const t = get();
    const kind = await polon(t, 'import', 'prisoners', 'x.csv');
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain('unknown kind "prisoners"');
    const date = await polon(t, 'stats', 'exchanges', '--as-of', '2025-13-01', '--json');
    expect(date.code).toBe(2);
    expect(JSON.parse(date.stderr)).toMatchObject({ error: { code: 'invalid_input' } });
  });

  it('asks for the public dataset before making synthetic evidence on an empty database', async () => {
    const t = get();
    // Refused before anything is written.
    const out = join(tmpdir(), 'polon-synth-never-written');
    const r = await polon(t, 'synth', '--persons', '10', '--seed', '1', '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('run `polon load-public` first');
    expect(r.stderr).not.toContain('internal');
    expect(existsSync(out)).toBe(false);
  });
});
