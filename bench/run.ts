/**
 * `npm run bench -- NAME` runs one benchmark, `npm run bench` runs them all and prints one
 * table. Benchmarks are never tests: they print figures, they do not fail a build.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchResult, Benchmark } from './bench-result.js';

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''))
  .sort();

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const json = process.argv.includes('--json');
for (const name of wanted) {
  if (!available.includes(name)) {
    console.error(`unknown benchmark "${name}"; available: ${available.join(', ')}`);
    process.exit(2);
  }
}

const fmt = (n: number): string =>
  Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en') : n.toPrecision(3);

const results: BenchResult[] = [];
const failed: { name: string; error: string }[] = [];
for (const name of wanted.length ? wanted : available) {
  let r: BenchResult;
  try {
    const mod = (await import(pathToFileURL(join(here, `${name}.bench.ts`)).href)) as {
      default: Benchmark;
    };
    if (!json) console.error(`running ${name}: ${mod.default.description}`);
    r = await mod.default.run();
  } catch (err) {
    // One broken benchmark must not hide the others' figures: it gets a row saying so.
    const error = err instanceof Error ? err.message : String(err);
    failed.push({ name, error });
    if (!json) console.error(`${name} failed: ${error}`);
    continue;
  }
  results.push(r);
  if (!json) {
    console.log(`\n${r.name}`);
    console.log(`  ${r.figureLabel}: ${fmt(r.figure)}`);
    console.log(`  baseline, ${r.baselineLabel}: ${fmt(r.baseline)}`);
    console.log(
      `  ratio: ${r.ratio.toFixed(3)}   target: ${r.target}   ${r.met ? 'met' : 'NOT met'}`,
    );
    for (const [k, v] of Object.entries(r.extra ?? {}))
      console.log(`  ${k}: ${typeof v === 'number' ? fmt(v) : v}`);
  }
}

if (json) {
  console.log(JSON.stringify({ results, failed }, null, 2));
} else if (results.length + failed.length > 1) {
  console.log('\n| name | figure | baseline | ratio | target | met |');
  console.log('|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(
      `| ${r.name} | ${fmt(r.figure)} ${r.figureLabel} | ${fmt(r.baseline)} ${r.baselineLabel} | ${r.ratio.toFixed(3)} | ${r.target} | ${r.met ? 'yes' : 'no'} |`,
    );
  }
  for (const f of failed) console.log(`| ${f.name} | failed: ${f.error} | | | | no |`);
}
if (failed.length) process.exitCode = 1;
