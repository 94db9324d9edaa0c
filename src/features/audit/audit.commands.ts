import type { Command } from 'commander';
import {
  dbOption,
  jsonOption,
  type CommandContext,
  type DbOptions,
} from '../../cli/command-kit.js';
import { verifyAudit } from './verify-audit.js';

/** `polon audit verify`. */
export function auditCommands(program: Command, ctx: CommandContext): void {
  const { withDb, print } = ctx;
  const audit = program.command('audit').description('the hash-chained audit log');
  audit
    .command('verify')
    .description(
      'check that no audit row was changed, removed or inserted; prints the head hash to keep elsewhere',
    )
    .addOption(dbOption())
    .addOption(jsonOption())
    .action(async (o: DbOptions) => {
      await withDb(o, async (db) => {
        const v = await verifyAudit(db.kysely);
        print(
          o,
          v,
          v.ok
            ? `Audit log intact: ${v.rows} rows; head ${v.headHash} (row ${v.headSeq ?? '—'}). Keep this hash elsewhere: a later verify then also shows that nothing was cut off the end.`
            : `Audit log NOT intact (${v.problems.length} problems in ${v.rows} rows):\n${v.problems.map((p) => `  - ${p.message}`).join('\n')}`,
        );
        if (!v.ok) ctx.setExitCode('conflict');
      });
    });
}
