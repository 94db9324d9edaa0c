/**
 * Coverage of LCMCR's 95% interval on populations of known size with two or three latent
 * classes of capture (test/latent-class-population.ts). Usage:
 *   npx tsx scripts/lcmcr-coverage.ts [tables=50] [chains=2] [burnin=10000] [samples=2000] [thin=10] [tables.json]
 * Prints one line a table and the share of intervals that hold the true N, beside the
 * BIC-selected log-linear model's profile interval on the same table, for comparison. With a
 * sixth argument, writes every table (histories, true N, Polon's interval) to that file, so
 * the same tables can be run through R's LCMCR.
 */
import { writeFileSync } from 'node:fs';
import { estimateMse, lcmcrInput } from '../src/estimation/index.js';
import { runLcmcrChains } from '../src/features/estimates/lcmcr-chains.js';
import { randomScenario, simulateHistories } from '../test/latent-class-population.js';

const args = process.argv.slice(2);
const [tables = 50, chains = 2, burnin = 10_000, samples = 2_000, thin = 10] = args
  .slice(0, 5)
  .map(Number);
const tablesFile = args[5];
const written: unknown[] = [];
let covered = 0;
let converged = 0;
let loglinCovered = 0;
let loglinWithInterval = 0;
const misses = { below: 0, above: 0 };
const byClasses: Record<number, { tables: number; covered: number }> = {};
const started = performance.now();
console.log(
  'table  lists classes  true N  observed  median  95% interval        covered  R-hat   log-linear (BIC)    covered',
);
for (let t = 1; t <= tables; t++) {
  const scenario = randomScenario(t);
  const { table } = simulateHistories(scenario, t);
  const { lists, data } = lcmcrInput(table);
  const r = await runLcmcrChains(lists, data, { chains, burnin, samples, thin, seed: t * 100 });
  const hit = r.N.ci95[0] <= scenario.n && scenario.n <= r.N.ci95[1];
  if (hit) covered++;
  else if (scenario.n < r.N.ci95[0]) misses.above++;
  else misses.below++;
  if (r.diagnostics.converged) converged++;
  const group = (byClasses[scenario.classes.length] ??= { tables: 0, covered: 0 });
  group.tables++;
  if (hit) group.covered++;

  const mse = estimateMse(table, { criterion: 'bic', top: 1 });
  const model = mse.selected ? mse.models[mse.selected.index] : undefined;
  const [lo, hi] = model?.ci95 ?? [null, null];
  let loglin = '—';
  let loglinHit = '';
  if (lo !== null && hi !== null) {
    loglinWithInterval++;
    const inside = lo <= scenario.n && scenario.n <= hi;
    if (inside) loglinCovered++;
    loglin = `${Math.round(lo)}–${Math.round(hi)}`;
    loglinHit = inside ? 'yes' : 'NO';
  }
  if (tablesFile)
    written.push({
      table: t,
      trueN: scenario.n,
      scenario,
      lists: table.lists,
      histories: table.histories,
      polon: { median: r.N.median, ci95: r.N.ci95, rhat: r.diagnostics.rhat },
    });
  console.log(
    `${String(t).padStart(5)}  ${String(scenario.lists).padStart(5)} ${String(scenario.classes.length).padStart(7)}  ${String(scenario.n).padStart(6)}  ${String(r.nObserved).padStart(8)}  ${String(Math.round(r.N.median)).padStart(6)}  ${`${Math.round(r.N.ci95[0])}–${Math.round(r.N.ci95[1])}`.padEnd(18)}  ${hit ? 'yes' : 'NO '}      ${r.diagnostics.rhat.toFixed(3)}   ${loglin.padEnd(18)}  ${loglinHit}`,
  );
}
const pct = (a: number, b: number): string => `${((100 * a) / Math.max(1, b)).toFixed(0)}%`;
console.log(
  `\nLCMCR covered ${covered} of ${tables} (${pct(covered, tables)}); misses below the truth ${misses.below}, above ${misses.above}; converged ${converged} of ${tables}; ${((performance.now() - started) / 1000).toFixed(0)} s`,
);
for (const [classes, g] of Object.entries(byClasses))
  console.log(`  ${classes} classes: ${g.covered} of ${g.tables} (${pct(g.covered, g.tables)})`);
console.log(
  `log-linear (BIC-selected model, profile interval): covered ${loglinCovered} of ${loglinWithInterval} tables with an interval (${pct(loglinCovered, loglinWithInterval)})`,
);
if (tablesFile) writeFileSync(tablesFile, `${JSON.stringify(written, null, 1)}\n`);
