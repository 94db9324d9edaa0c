import type { Command } from 'commander';
import {
  commandGroup,
  dayArg,
  dbOption,
  jsonOption,
  type CommandContext,
  type DbOptions,
} from '../../cli/command-kit.js';
import { todayIso } from '../../core/partial-date.js';
import { exchangeStats } from './exchange-stats.js';
import { formatExchangeStats } from './exchanges.cli.js';
import { loadExchanges } from './exchanges.repository.js';

/** `polon stats exchanges`. */
export function exchangesCommands(program: Command, { withDb, print }: CommandContext): void {
  commandGroup(program, 'stats')
    .command('exchanges')
    .description(
      'exchanges held, people returned, per year and category; a staged exchange counts once',
    )
    .option('--as-of <date>', 'count events up to this day (YYYY-MM-DD); default today')
    .addOption(dbOption())
    .addOption(jsonOption())
    .action(async (o: DbOptions & { asOf?: string }) => {
      const asOf = o.asOf ? dayArg(o.asOf, '--as-of') : todayIso();
      await withDb(o, async (db) => {
        const s = exchangeStats(await loadExchanges(db.kysely, { asOf }), asOf);
        print(o, s, formatExchangeStats(s));
      });
    });
}
