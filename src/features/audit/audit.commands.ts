import type { Command } from 'commander';
import {
  dbOption,
  jsonOption,
  type CommandContext,
  type DbOptions,
} from '../../cli/command-kit.js';
import { AppError } from '../../core/app-error.js';
import { appendAudit } from './audit.repository.js';
import { appendAnchor, readAnchors } from './audit-anchor-file.js';
import { verifyAudit, type ExpectedHead } from './verify-audit.js';

function parseExpect(value: string, previous: ExpectedHead[] = []): ExpectedHead[] {
  const m = /^([0-9a-f]{64})(?:@(\d+))?$/.exec(value.trim());
  if (!m?.[1])
    throw new AppError(
      'invalid_input',
      `--expect ${value}: give a head hash as printed by polon audit verify (64 hex digits), optionally with @ROW`,
    );
  return [...previous, { hash: m[1], seq: m[2] === undefined ? undefined : Number(m[2]) }];
}

/** `polon audit verify` and `polon audit seal`. */
export function auditCommands(program: Command, ctx: CommandContext): void {
  const { withDb, print } = ctx;
  const audit = program.command('audit').description('the hash-chained audit log');
  audit
    .command('verify')
    .description(
      'check that no audit row was changed, removed or inserted, and nothing cut off the end; prints the head hash to keep elsewhere',
    )
    .option(
      '--expect <hash[@row]>',
      'a head hash kept from an earlier verify: fail unless it is still in the chain (at that row); repeatable',
      parseExpect,
    )
    .addOption(dbOption())
    .addOption(jsonOption())
    .action(async (o: DbOptions & { expect?: ExpectedHead[] }) => {
      await withDb(o, async (db, c) => {
        const anchors = c.auditAnchorFile ? await readAnchors(c.auditAnchorFile) : [];
        const v = await verifyAudit(db.kysely, {
          key: c.auditKey,
          expect: [...(o.expect ?? []), ...anchors],
        });
        if (v.ok && c.auditAnchorFile && v.headSeq !== null)
          await appendAnchor(c.auditAnchorFile, v.headHash, v.headSeq);
        const sealed = c.auditKey ? `; ${v.sealed} rows sealed with POLON_AUDIT_KEY` : '';
        print(
          o,
          v,
          v.ok
            ? `Audit log intact: ${v.rows} rows${sealed}; head ${v.headHash}@${v.headSeq ?? 0}. Keep this elsewhere and pass it to a later verify as --expect: it then also proves nothing was cut off or recomputed.`
            : `Audit log NOT intact (${v.problems.length} problems in ${v.rows} rows):\n${v.problems.map((p) => `  - ${p.message}`).join('\n')}`,
        );
        if (!v.ok) ctx.setExitCode('conflict');
      });
    });
  audit
    .command('seal')
    .description(
      'write a sealed row with POLON_AUDIT_KEY: once after setting the key, so that a log stripped of its seals fails verify',
    )
    .addOption(dbOption())
    .addOption(jsonOption())
    .action(async (o: DbOptions) => {
      await withDb(o, async (db, c) => {
        if (!c.auditKey)
          throw new AppError('invalid_input', 'set POLON_AUDIT_KEY to the key that seals the log');
        await appendAudit(db.kysely, { actor: 'cli', action: 'seal', entity: 'audit_log' });
        const v = await verifyAudit(db.kysely, { key: c.auditKey });
        print(o, v, `Sealed: head ${v.headHash}@${v.headSeq ?? 0}.`);
        if (!v.ok) ctx.setExitCode('conflict');
      });
    });
}
