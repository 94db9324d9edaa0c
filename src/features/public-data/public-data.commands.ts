import type { Command } from 'commander';
import {
  dbOption,
  jsonOption,
  type CommandContext,
  type DbOptions,
} from '../../cli/command-kit.js';
import { loadPublicDataset } from './load-public.js';
import { formatPublicDataChanges, publicDataChanges } from './public-data-changes.js';

/** `polon load-public`. */
export function publicDataCommands(program: Command, { withDb, print }: CommandContext): void {
  program
    .command('load-public')
    .description(
      'load the bundled public dataset (exchanges, claims, facilities) into a new or existing database: brings new and changed rows in, says which, all or nothing; running it twice changes nothing',
    )
    .addOption(dbOption())
    .addOption(jsonOption())
    .option('--dry-run', 'validate and count, write nothing')
    .action(async (o: DbOptions & { dryRun?: boolean }) => {
      await withDb(o, async (db) => {
        const results = await loadPublicDataset(db, { dryRun: o.dryRun });
        const changes = publicDataChanges(results);
        print(o, { results, changes }, formatPublicDataChanges(changes));
      });
    });
}
