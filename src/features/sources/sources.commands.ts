import type { Command } from 'commander';
import {
  dbOption,
  jsonOption,
  type CommandContext,
  type DbOptions,
} from '../../cli/command-kit.js';
import { addSource, listSourcesWithCounts } from './source-registry.js';

interface AddOptions extends DbOptions {
  title: string;
  url?: string;
  publisher?: string;
  kind?: string;
  reliability?: string;
  credibility?: string;
  notes?: string;
  synthetic?: boolean;
}

/** `polon sources add|list`: the registry a file's rows are imported into (`--source ID`). */
export function sourcesCommands(program: Command, { withDb, print }: CommandContext): void {
  const sources = program
    .command('sources')
    .description('the sources evidence comes from: lists, registers, hotlines, reports');
  sources
    .command('add')
    .description('register a source to import into (`polon import persons FILE --source ID`)')
    .argument('<id>', 'a short stable id: letters, digits and - _ . :')
    .requiredOption('--title <text>', 'what people call it')
    .option('--url <url>', 'where it can be read')
    .option('--publisher <text>', 'who keeps it')
    .option('--kind <text>', 'hotline, register, ngo, media, official, …')
    .option(
      '--reliability <A-F>',
      'Admiralty reliability of the source: A (reliable) … F (cannot be judged)',
      'F',
    )
    .option(
      '--credibility <1-6>',
      'Admiralty credibility of its information: 1 (confirmed) … 6 (cannot be judged)',
      '6',
    )
    .option('--notes <text>', 'remarks')
    .option(
      '--synthetic',
      'made-up test data: its records never count in a public figure, and public pages say test data is loaded',
    )
    .addOption(dbOption())
    .addOption(jsonOption())
    .action(async (id: string, o: AddOptions) => {
      await withDb(o, async (db) => {
        const s = await addSource(
          db.kysely,
          {
            id,
            title: o.title,
            url: o.url,
            publisher: o.publisher,
            kind: o.kind,
            reliability: o.reliability,
            credibility: o.credibility,
            notes: o.notes,
            synthetic: o.synthetic === true,
          },
          'cli',
        );
        print(
          o,
          s,
          `Registered ${s.id} (${s.title}, graded ${s.reliability}${s.credibility}${s.synthetic ? ', synthetic: never counted in public figures' : ''}). Import into it with \`polon import persons FILE --source ${s.id}\`.`,
        );
      });
    });
  sources
    .command('list')
    .description('the registered sources, their grading and how many records each gave')
    .addOption(dbOption())
    .addOption(jsonOption())
    .action(async (o: DbOptions) => {
      await withDb(o, async (db) => {
        const all = await listSourcesWithCounts(db.kysely);
        print(
          o,
          { sources: all },
          all
            .map(
              (s) =>
                `${s.id.padEnd(40)} ${`${s.reliability}${s.credibility}`.padEnd(3)} ${String(s.records).padStart(7)} records  ${s.title ?? ''}`,
            )
            .join('\n') || 'No sources yet: register one with `polon sources add ID --title TEXT`.',
        );
      });
    });
}
