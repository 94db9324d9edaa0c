import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { createDb, knownMigrations, migrateToLatest, type DbConfig } from '../../db/index.js';
import { appendAudit } from './audit.repository.js';
import { verifyAudit } from './verify-audit.js';

const SEAL = '2026-12-05-013-audit-seal-and-id-key';

function fresh(dialect: 'sqlite' | 'postgres'): DbConfig {
  if (dialect === 'sqlite')
    return { dbPath: join(mkdtempSync(join(tmpdir(), 'polon-audit-mig-')), 'polon.db') };
  return {
    dbPath: '',
    databaseUrl: inject('pgUrl') ?? '',
    pgSchema: `${inject('pgSchemaPrefix')}auditmig_${randomBytes(4).toString('hex')}`,
  };
}

describe.each(['sqlite', 'postgres'] as const)('the audit count migration [%s]', (dialect) => {
  it('counts the rows an older database holds, and the log goes on without a gap', async ({
    skip,
  }) => {
    if (dialect === 'postgres' && !inject('pgUrl')) skip('PostgreSQL is not available');
    const config = fresh(dialect);
    const db = createDb(config);
    try {
      const before = knownMigrations()[knownMigrations().indexOf(SEAL) - 1];
      await migrateToLatest(db, config.pgSchema, { upTo: before });
      for (let i = 0; i < 3; i++)
        await appendAudit(db.kysely, { actor: 't', action: 'import', entity: 'exchanges' });
      await migrateToLatest(db, config.pgSchema);
      expect(
        await db.kysely
          .selectFrom('audit_meta')
          .select(['rows', 'head_seq', 'gaps_from'])
          .executeTakeFirst(),
      ).toEqual({ rows: 3, head_seq: 3, gaps_from: 3 });
      await appendAudit(db.kysely, { actor: 't', action: 'import', entity: 'exchanges' });
      expect(await verifyAudit(db.kysely)).toMatchObject({ ok: true, rows: 4, headSeq: 4 });
    } finally {
      await db.close();
    }
  });
});
