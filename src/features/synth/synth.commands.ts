import type { Command } from 'commander';
import {
  countArg,
  dbOption,
  jsonOption,
  type CommandContext,
  type DbOptions,
} from '../../cli/command-kit.js';
import { AppError } from '../../core/app-error.js';
import { writeSynth } from './write-synth.js';

/** `polon synth`. */
export function synthCommands(program: Command, { withDb, print, progress }: CommandContext): void {
  program
    .command('synth')
    .description(
      'write synthetic evidence with its ground truth (for tests and benchmarks; never part of the public dataset)',
    )
    .requiredOption('--persons <n>', 'how many persons')
    .option('--seed <s>', 'seed: the same seed gives the same files', '1')
    .requiredOption(
      '--out <dir>',
      'folder for sources.csv, persons.csv, events.csv, episodes.csv, occupancy.csv, truth.csv',
    )
    .addOption(dbOption())
    .addOption(jsonOption())
    .action(async (o: DbOptions & { persons: string; seed: string; out: string }) => {
      const persons = countArg(o.persons, '--persons');
      const seed = Number(o.seed);
      if (!Number.isInteger(seed))
        throw new AppError('invalid_input', `--seed ${o.seed}: give a whole number`);
      await withDb(o, async (db) => {
        const onProgress = progress(o, 'synth');
        const r = await writeSynth(db.kysely, { persons, seed, out: o.out, onProgress });
        print(
          o,
          r,
          `Wrote ${r.records.toLocaleString('en')} records about ${r.persons.toLocaleString('en')} synthetic persons (${r.unseen} seen by no source; at the end ${r.heldAtEnd} held, ${r.released} released, ${r.died} died) to ${o.out}.\nImport in this order: ${r.files
            .filter((f) => !f.endsWith('truth.csv'))
            .map((f) => `polon import ${f.replace(/^.*\//, '').replace('.csv', '')} ${f}`)
            .join('; ')}`,
        );
      });
    });
}
