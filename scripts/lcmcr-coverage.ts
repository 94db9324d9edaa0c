/**
 * Coverage of LCMCR's 95% interval on populations of known size with two or three latent
 * classes of capture (test/latent-class-population.ts). Usage:
 *   npx tsx scripts/lcmcr-coverage.ts [tables=50] [chains=2] [burnin=10000] [samples=2000] [thin=10]
 * Prints one line a table and the share of intervals that hold the true N.
 */
import { lcmcrInput } from '../src/estimation/index.js';
import { runLcmcrChains } from '../src/features/estimates/lcmcr-chains.js';
import { randomScenario, simulateHistories } from '../test/latent-class-population.js';

const [tables = 50, chains = 2, burnin = 10_000, samples = 2_000, thin = 10] = process.argv
  .slice(2)
  .map(Number);
let covered = 0;
let converged = 0;
const started = performance.now();
console.log('table  lists classes  true N  observed  median  95% interval        covered  R-hat');
for (let t = 1; t <= tables; t++) {
  const scenario = randomScenario(t);
  const { table } = simulateHistories(scenario, t);
  const { lists, data } = lcmcrInput(table);
  const r = await runLcmcrChains(lists, data, { chains, burnin, samples, thin, seed: t * 100 });
  const hit = r.N.ci95[0] <= scenario.n && scenario.n <= r.N.ci95[1];
  if (hit) covered++;
  if (r.diagnostics.converged) converged++;
  console.log(
    `${String(t).padStart(5)}  ${String(scenario.lists).padStart(5)} ${String(scenario.classes.length).padStart(7)}  ${String(scenario.n).padStart(6)}  ${String(r.nObserved).padStart(8)}  ${String(Math.round(r.N.median)).padStart(6)}  ${`${Math.round(r.N.ci95[0])}–${Math.round(r.N.ci95[1])}`.padEnd(18)}  ${hit ? 'yes' : 'NO '}      ${r.diagnostics.rhat.toFixed(3)}`,
  );
}
console.log(
  `\ncovered ${covered} of ${tables} (${((100 * covered) / tables).toFixed(0)}%); converged ${converged} of ${tables}; ${((performance.now() - started) / 1000).toFixed(0)} s`,
);
