import type { Command } from 'commander';
import {
  dayArg,
  dbOption,
  jsonOption,
  type CommandContext,
  type DbOptions,
} from '../../cli/command-kit.js';
import type { PublishedEstimate } from '../../../contract/publication.js';
import { publishEstimate } from './published-estimates.js';

const n = (v: number) => v.toLocaleString('en');

export function formatPublished(p: PublishedEstimate): string {
  const figure =
    p.value === null
      ? 'no estimate (no person records from non-synthetic sources)'
      : `${n(p.value)}${p.ci95 ? ` (95% ${p.ci95.map((v) => (v === null ? '∞' : n(v))).join('–')})` : ''} by ${p.method === 'mse' ? 'multiple systems estimation' : 'counting those seen held'}`;
  return [
    `Published the estimate of people held as of ${p.asOf}: ${figure}.`,
    `Lists: ${p.lists.map((l) => l.id).join(', ') || 'none'}; ${n(p.population.seenHeld)} seen held of ${n(p.population.persons)} persons from ${p.population.sources} sources${p.population.syntheticRecordsLeftOut ? `; ${n(p.population.syntheticRecordsLeftOut)} records of synthetic sources left out` : ''}.`,
    `Data version ${p.dataVersion}; published by ${p.publishedBy} at ${p.publishedAt}. The public pages show it now.`,
  ].join('\n');
}

/** `polon publish estimate`: what the public pages show from person records. */
export function publicationCommands(program: Command, { withDb, print }: CommandContext): void {
  const publish = program
    .command('publish')
    .description('make figures computed from person records public, after review');
  publish
    .command('estimate')
    .description(
      'freeze the estimate of people held (with whereabouts, priority groups and per-place counts) as the one the public pages show; synthetic sources never count',
    )
    .option('--as-of <date>', 'the day (YYYY-MM-DD); default today')
    .requiredOption('--note <text>', 'what was reviewed before publishing (kept in the workspace)')
    .addOption(dbOption())
    .addOption(jsonOption())
    .action(async (o: DbOptions & { asOf?: string; note: string }) => {
      const asOf = o.asOf === undefined ? undefined : dayArg(o.asOf, '--as-of');
      await withDb(o, async (db) => {
        const p = await publishEstimate(db.kysely, { asOf, note: o.note }, 'cli');
        print(o, p, formatPublished(p));
      });
    });
}
