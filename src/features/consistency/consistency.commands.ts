import type { Command } from 'commander';
import {
  dbOption,
  jsonOption,
  type CommandContext,
  type DbOptions,
} from '../../cli/command-kit.js';
import { formatCheckReport } from './consistency.cli.js';
import { runChecks } from './consistency.service.js';

/** `polon check`. */
export function consistencyCommands(program: Command, { withDb, print }: CommandContext): void {
  program
    .command('check')
    .description('consistency findings: breakdowns, claims against records, probable duplicates')
    .addOption(dbOption())
    .addOption(jsonOption())
    .action(async (o: DbOptions) => {
      await withDb(o, async (db, c) => {
        const r = await runChecks(db.kysely, { tolerance: c.claimTolerance });
        print(o, r, formatCheckReport(r));
      });
    });
}
