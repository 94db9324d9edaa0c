import type { Command } from 'commander';
import {
  dbOption,
  jsonOption,
  type CommandContext,
  type DbOptions,
} from '../../cli/command-kit.js';
import { AppError } from '../../core/app-error.js';
import { formatLinkResult } from './format-link-result.js';
import { linkDatabase } from './link-database.js';
import { readReviewDecisions, writeReviewQueue } from './review-queue-file.js';
import { runLinkFile } from './run-link-file.js';

interface LinkOptions extends DbOptions {
  input?: string;
  output?: string;
  threshold?: string;
  decisions?: string;
  reviewOut?: string;
}

/** `polon link`: over files, or over the records in the database. */
export function linkageCommands(
  program: Command,
  { withDb, print, progress }: CommandContext,
): void {
  program
    .command('link')
    .description(
      'link records of the same person across sources and spellings (Fellegi–Sunter with EM, blocking, guarded clustering)',
    )
    .option(
      '--input <file.csv>',
      'columns record_id,source,family_name,given_name,patronymic,full_name,birth_date,sex,unit; without it, the records in the database are linked into persons',
    )
    .option('--output <file.csv>', 'written with record_id,cluster_id, one row per input record')
    .option('--threshold <p>', 'match probability from which records are linked (0–1; default 0.3)')
    .option(
      '--decisions <file.csv>',
      "reviewers' decisions from an earlier run (a,b,decision = match|non_match), honoured as forced links and splits",
    )
    .option('--review-out <file.csv>', 'write the pairs that need a reviewer')
    .addOption(dbOption())
    .addOption(jsonOption())
    .action(async (o: LinkOptions) => {
      const threshold = o.threshold === undefined ? undefined : Number(o.threshold);
      if (threshold !== undefined && !(threshold > 0 && threshold < 1))
        throw new AppError(
          'invalid_input',
          `--threshold ${o.threshold}: give a probability between 0 and 1`,
        );
      const decisions = o.decisions ? await readReviewDecisions(o.decisions) : undefined;
      if (!o.input) {
        await withDb(o, async (db) => {
          const onProgress = progress(o, 'link');
          const r = await linkDatabase(db.kysely, { threshold, decisions, onProgress });
          if (o.reviewOut) await writeReviewQueue(o.reviewOut, r.review, r.reviewPriorities);
          print(
            o,
            r,
            `${formatLinkResult(r)}\nPersons written to the database: ${r.persons.toLocaleString('en')}.`,
          );
        });
        return;
      }
      if (!o.output) {
        throw new AppError(
          'invalid_input',
          'with --input, give --output FILE.csv for the clusters',
        );
      }
      const onProgress = progress(o, 'link');
      const result = await runLinkFile(o.input, o.output, {
        threshold,
        decisions,
        onProgress,
        priorities: Boolean(o.reviewOut),
      });
      if (o.reviewOut) await writeReviewQueue(o.reviewOut, result.review, result.reviewPriorities);
      print(o, result, formatLinkResult(result));
    });
}
