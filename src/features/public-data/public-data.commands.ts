import type { Command } from 'commander';
import {
  dbOption,
  jsonOption,
  type CommandContext,
  type DbOptions,
} from '../../cli/command-kit.js';
import { formatImportResults } from '../imports/index.js';
import { loadPublicDataset } from './load-public.js';

/** `polon load-public`. */
export function publicDataCommands(program: Command, { withDb, print }: CommandContext): void {
  program
    .command('load-public')
    .description(
      'load the bundled public dataset (exchanges, claims, facilities); running it twice changes nothing',
    )
    .addOption(dbOption())
    .addOption(jsonOption())
    .option('--dry-run', 'validate and count, write nothing')
    .action(async (o: DbOptions & { dryRun?: boolean }) => {
      await withDb(o, async (db) => {
        const results = await loadPublicDataset(db, { dryRun: o.dryRun });
        print(o, { results }, formatImportResults(results));
      });
    });
}
