import { Option, type Command } from 'commander';
import {
  countArg,
  wholeArg,
  dayArg,
  dbOption,
  jsonOption,
  type CommandContext,
  type DbOptions,
} from '../../cli/command-kit.js';
import { todayIso } from '../../core/partial-date.js';
import { estimateMse, LCMCR_DEFAULTS, lcmcrInput } from '../../estimation/index.js';
import { estimateCaptivity } from './captivity.service.js';
import { formatCaptivityEstimate, formatMseResult } from './estimates.cli.js';
import { DEFAULT_CHAINS, runLcmcrChains } from './lcmcr-chains.js';
import { formatLcmcrResult } from './lcmcr.cli.js';
import { readHistoriesFile } from './mse-histories-file.js';
import { mseProgress } from './mse-progress.js';

/** `polon estimate mse`, `polon estimate lcmcr` and `polon estimate captivity`. */
export function estimatesCommands(
  program: Command,
  { withDb, print, progress }: CommandContext,
): void {
  const estimate = program.command('estimate').description('estimates with their uncertainty');
  estimate
    .command('mse')
    .description(
      'multiple systems estimation (log-linear models over 2–6 lists) from a list-overlap table',
    )
    .requiredOption(
      '--histories <file>',
      'JSON: {"lists": ["A","B","C"], "histories": {"110": 37, "101": 12, …}}',
    )
    .addOption(
      new Option('--criterion <aic|bic>', 'model selection criterion')
        .choices(['aic', 'bic'])
        .default('bic'),
    )
    .option('--top <n>', 'how many of the best models to list', '20')
    .addOption(jsonOption())
    .action(
      async (o: { histories: string; criterion: 'aic' | 'bic'; top: string; json?: boolean }) => {
        const top = countArg(o.top, '--top', 'a whole number of models, 1 or more');
        const table = await readHistoriesFile(o.histories);
        const result = estimateMse(table, {
          criterion: o.criterion,
          top,
          ...mseProgress(progress(o, 'estimate')),
        });
        print(o, result, formatMseResult(result));
      },
    );

  estimate
    .command('lcmcr')
    .description(
      'Bayesian latent-class MSE (LCMCR, Manrique-Vallier 2016) from a list-overlap table: chains on worker threads',
    )
    .requiredOption('--histories <file>', 'JSON as for `estimate mse`')
    .option('--k <n>', 'most latent classes', String(LCMCR_DEFAULTS.k))
    .option(
      '--burnin <n>',
      'sweeps discarded at the start of each chain',
      String(LCMCR_DEFAULTS.burnin),
    )
    .option('--samples <n>', 'draws kept from each chain', String(LCMCR_DEFAULTS.samples))
    .option('--thin <n>', 'sweeps between kept draws', String(LCMCR_DEFAULTS.thin))
    .option(
      '--chains <n>',
      'independent chains (two or more to check convergence)',
      String(DEFAULT_CHAINS),
    )
    .option('--seed <n>', 'seed of the first chain; chain i uses seed + i', '1')
    .addOption(jsonOption())
    .action(
      async (o: {
        histories: string;
        k: string;
        burnin: string;
        samples: string;
        thin: string;
        chains: string;
        seed: string;
        json?: boolean;
      }) => {
        const settings = {
          k: wholeArg(o.k, '--k', 1),
          burnin: wholeArg(o.burnin, '--burnin', 0),
          samples: wholeArg(o.samples, '--samples', 10),
          thin: wholeArg(o.thin, '--thin', 1),
          chains: wholeArg(o.chains, '--chains', 1),
          seed: wholeArg(o.seed, '--seed', 0),
        };
        const { lists, data } = lcmcrInput(await readHistoriesFile(o.histories));
        const onProgress = progress(o, 'lcmcr');
        const result = await runLcmcrChains(lists, data, {
          ...settings,
          ...(onProgress ? { onProgress } : {}),
        });
        print(o, result, formatLcmcrResult(result));
      },
    );

  estimate
    .command('captivity')
    .description('people held as of a date: seen, the unseen by MSE over the sources, whereabouts')
    .option('--as-of <date>', 'the day (YYYY-MM-DD); default today')
    .option('--window <days>', 'whereabouts are "known" when placed within this many days', '183')
    .addOption(
      new Option(
        '--method <loglinear|lcmcr>',
        'the estimate of the unseen to quote: log-linear models, or Bayesian latent-class MSE as well',
      )
        .choices(['loglinear', 'lcmcr'])
        .default('loglinear'),
    )
    .option(
      '--include-thin',
      'put records without a full name or birth date on the MSE lists too (they inflate N when linkage misses them)',
    )
    .addOption(dbOption())
    .addOption(jsonOption())
    .action(
      async (
        o: DbOptions & {
          asOf?: string;
          window: string;
          includeThin?: boolean;
          method: 'loglinear' | 'lcmcr';
        },
      ) => {
        const asOf = o.asOf ? dayArg(o.asOf, '--as-of') : todayIso();
        const window = countArg(o.window, '--window', 'a number of days');
        await withDb(o, async (db) => {
          const e = await estimateCaptivity(
            db.kysely,
            asOf,
            window,
            Boolean(o.includeThin),
            undefined,
            progress(o, 'estimate'),
            undefined,
            o.method,
          );
          print(o, e, formatCaptivityEstimate(e));
        });
      },
    );
}
