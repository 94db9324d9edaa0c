import type { Command } from 'commander';
import {
  dbOption,
  jsonOption,
  type CommandContext,
  type DbOptions,
} from '../../cli/command-kit.js';
import { formatBackupSummary, formatRestoreSummary } from './backup.cli.js';
import { createBackup, restoreBackup } from './backup.service.js';

/** `polon backup` and `polon restore`. */
export function backupCommands(program: Command, ctx: CommandContext): void {
  const { config, withDb, print } = ctx;
  program
    .command('backup')
    .description(
      'copy every table into FILE while the database stays in use; encrypted with POLON_BACKUP_KEY or POLON_DB_KEY; restores into SQLite or PostgreSQL',
    )
    .argument('<file>', 'the backup file to write')
    .requiredOption('--reason <text>', 'why (it is audited: a backup copies personal data)')
    .addOption(dbOption())
    .addOption(jsonOption())
    .action(async (file: string, o: DbOptions & { reason: string }) => {
      await withDb(o, async (db, c) => {
        const b = await createBackup(db, file, {
          key: c.backupKey,
          reason: o.reason,
          actor: 'cli',
        });
        print(o, b, formatBackupSummary(b));
      });
    });
  program
    .command('restore')
    .description(
      'replace the database with the contents of a backup, all or nothing; checks its checksum and manifest first',
    )
    .argument('<file>', 'a file written by `polon backup`')
    .option('--force', 'replace a database that exists or holds data')
    .addOption(dbOption())
    .addOption(jsonOption())
    .action(async (file: string, o: DbOptions & { force?: boolean }) => {
      const c = config(o);
      const r = await restoreBackup(c, file, {
        key: c.backupKey,
        force: Boolean(o.force),
        actor: 'cli',
      });
      print(o, r, formatRestoreSummary(r));
      if (!r.audit.ok) ctx.setExitCode('conflict');
    });
}
