import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeEachDb, type TestDb } from '../../../test/databases.js';
import { runCli } from '../../cli/run-cli.js';
import { addAccount } from '../accounts/index.js';
import { appendAudit, auditHash, GENESIS, useAuditKey } from './audit.repository.js';

const AUDIT_KEY = 'an audit key kept far from the database';

async function polon(t: TestDb, extra: NodeJS.ProcessEnv, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const env: NodeJS.ProcessEnv = t.config.databaseUrl
    ? { DATABASE_URL: t.config.databaseUrl, POLON_PG_SCHEMA: t.config.pgSchema, ...extra }
    : { POLON_DB: t.config.dbPath, ...extra };
  const code = await runCli(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    env,
  });
  return { code, out: stdout + stderr };
}

// The three truncation attacks of issue 16.6, each by someone with write access to the
// database but not to POLON_AUDIT_KEY or the head hash kept elsewhere.
describeEachDb('audit verification under attack', (get) => {
  async function seed(key?: string) {
    const t = get();
    useAuditKey(key);
    try {
      for (let i = 1; i <= 6; i++)
        await appendAudit(t.db.kysely, {
          actor: 'tester',
          action: 'import',
          entity: 'exchanges',
          details: { rows: i },
        });
    } finally {
      useAuditKey(undefined);
    }
    const ok = await polon(t, key ? { POLON_AUDIT_KEY: key } : {}, 'audit', 'verify', '--json');
    expect(ok.code).toBe(0);
    const v = JSON.parse(ok.out) as { headHash: string; headSeq: number };
    return { t, head: v };
  }

  it('fails when the last rows are deleted and a new row appended (a gap in seq)', async () => {
    const { t } = await seed();
    const last = await t.db.kysely
      .selectFrom('audit_log')
      .select('seq')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    await t.db.kysely
      .deleteFrom('audit_log')
      .where('seq', '>', Number(last.seq) - 2)
      .execute();
    await appendAudit(t.db.kysely, { actor: 'intruder', action: 'login', entity: 'accounts' });
    const r = await polon(t, {}, 'audit', 'verify');
    expect(r.code).toBe(4);
    expect(r.out).toMatch(/rows? .*missing|gap/i);
  });

  it('fails when every row is deleted', async () => {
    const { t } = await seed();
    await t.db.kysely.deleteFrom('audit_log').execute();
    const r = await polon(t, {}, 'audit', 'verify');
    expect(r.code).toBe(4);
    expect(r.out).toMatch(/empty/i);
  });

  it('fails when the log and its count are both deleted while accounts remain', async () => {
    const { t } = await seed();
    await addAccount(t.db.kysely, 'audit-admin', 'admin', 'correct horse battery staple', 'test');
    await t.db.kysely.deleteFrom('audit_log').execute();
    await t.db.kysely.deleteFrom('audit_meta').execute();
    const r = await polon(t, {}, 'audit', 'verify');
    expect(r.code).toBe(4);
    expect(r.out).toMatch(/empty, but accounts hold rows/);
  });

  it('fails when the chain is recomputed, with the audit key set', async () => {
    const { t } = await seed(AUDIT_KEY);
    // Rewrite row 3 and recompute every hash after it, as an intruder would.
    const rows = await t.db.kysely.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    let prev = GENESIS;
    for (const r of rows) {
      const actor = Number(r.seq) === Number(rows[2]?.seq) ? 'someone-else' : r.actor;
      const hash = auditHash(
        prev,
        r.at,
        { actor, action: r.action, entity: r.entity, entityId: r.entity_id },
        r.details,
      );
      await t.db.kysely
        .updateTable('audit_log')
        .set({ actor, prev_hash: prev, hash })
        .where('seq', '=', r.seq)
        .execute();
      prev = hash;
    }
    await t.db.kysely.updateTable('audit_meta').set({ head_hash: prev }).execute();
    const r = await polon(t, { POLON_AUDIT_KEY: AUDIT_KEY }, 'audit', 'verify');
    expect(r.code).toBe(4);
    expect(r.out).toMatch(/seal/i);
  });

  it('fails with --expect when the kept head is no longer in the chain', async () => {
    const { t, head } = await seed();
    const ok = await polon(
      t,
      {},
      'audit',
      'verify',
      '--expect',
      `${head.headHash}@${head.headSeq}`,
    );
    expect(ok.code).toBe(0);
    await t.db.kysely.deleteFrom('audit_log').where('seq', '=', head.headSeq).execute();
    const before = await t.db.kysely
      .selectFrom('audit_log')
      .select(['seq', 'hash'])
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    await t.db.kysely
      .updateTable('audit_meta')
      .set({ rows: 5, head_seq: Number(before.seq), head_hash: before.hash })
      .execute();
    const r = await polon(t, {}, 'audit', 'verify', '--expect', `${head.headHash}@${head.headSeq}`);
    expect(r.code).toBe(4);
    expect(r.out).toContain(head.headHash.slice(0, 12));
  });

  it('appends each verified head to POLON_AUDIT_ANCHOR_FILE and fails once one is gone', async () => {
    const { t } = await seed();
    const anchors = join(mkdtempSync(join(tmpdir(), 'polon-anchor-')), 'audit.anchors');
    const env = { POLON_AUDIT_ANCHOR_FILE: anchors };
    expect((await polon(t, env, 'audit', 'verify')).code).toBe(0);
    expect(readFileSync(anchors, 'utf8').trim().split('\n')).toHaveLength(1);
    const last = await t.db.kysely
      .selectFrom('audit_log')
      .select('seq')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    await t.db.kysely.deleteFrom('audit_log').where('seq', '=', last.seq).execute();
    await t.db.kysely.deleteFrom('audit_meta').execute();
    const r = await polon(t, env, 'audit', 'verify');
    expect(r.code).toBe(4);
    expect(r.out).toMatch(/kept elsewhere is not in the chain/);
  });

  it('seals a log with polon audit seal, and fails once the seals are stripped', async () => {
    const { t } = await seed();
    const env = { POLON_AUDIT_KEY: AUDIT_KEY };
    const unsealed = await polon(t, env, 'audit', 'verify');
    expect(unsealed.code).toBe(4);
    expect(unsealed.out).toMatch(/polon audit seal/);
    expect((await polon(t, env, 'audit', 'seal')).code).toBe(0);
    expect((await polon(t, env, 'audit', 'verify')).code).toBe(0);
    await t.db.kysely.updateTable('audit_log').set({ mac: null }).execute();
    await t.db.kysely.updateTable('audit_meta').set({ mac: null }).execute();
    const stripped = await polon(t, env, 'audit', 'verify');
    expect(stripped.code).toBe(4);
    expect(stripped.out).toMatch(/seals were stripped/);
  });
});
