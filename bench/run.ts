/**
 * `npm run bench -- NAME` runs one benchmark, `npm run bench` runs them all and prints one
 * table. Benchmarks are never tests: they print figures, they do not fail a build.
 *
 * Each benchmark runs in a process of its own: in a shared one, peak memory would carry the
 * largest of the earlier runs and the heap they left would slow the later ones.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ProgressBars } from '../src/cli/progress-bar.js';
import type { BenchResult, Benchmark } from './bench-result.js';

interface Outcome {
  results: BenchResult[];
  failed: { name: string; error: string }[];
}

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''))
  .sort();

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const json = process.argv.includes('--json');
// On a terminal, a line per benchmark says which one runs and for how long: each runs in a
// process of its own, so that the clock goes on while it keeps its own thread busy.
const bars = !json && process.stderr.isTTY;
// Otherwise a child run for the table says what it runs on stderr, though it answers in JSON.
const progress = !bars && (!json || process.argv.includes('--progress'));
for (const name of wanted) {
  if (!available.includes(name)) {
    console.error(`unknown benchmark "${name}"; available: ${available.join(', ')}`);
    process.exit(2);
  }
}

const fmt = (n: number): string =>
  Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en') : n.toPrecision(3);

function print(r: BenchResult): void {
  console.log(`\n${r.name}`);
  console.log(`  ${r.figureLabel}: ${fmt(r.figure)}`);
  console.log(`  baseline, ${r.baselineLabel}: ${fmt(r.baseline)}`);
  console.log(
    `  ratio: ${r.ratio.toFixed(3)}   target: ${r.target}   ${r.met ? 'met' : 'NOT met'}`,
  );
  for (const [k, v] of Object.entries(r.extra ?? {}))
    console.log(`  ${k}: ${typeof v === 'number' ? fmt(v) : v}`);
}

/** Runs one benchmark here, in this process. */
async function runHere(name: string): Promise<Outcome> {
  try {
    const mod = (await import(pathToFileURL(join(here, `${name}.bench.ts`)).href)) as {
      default: Benchmark;
    };
    if (progress) console.error(`running ${name}: ${mod.default.description}`);
    return { results: [await mod.default.run()], failed: [] };
  } catch (err) {
    // One broken benchmark must not hide the others' figures: it gets a row saying so.
    const error = err instanceof Error ? err.message : String(err);
    return { results: [], failed: [{ name, error }] };
  }
}

/**
 * Runs one benchmark in a fresh process of this script, and reads its JSON answer. With
 * `errors`, what the process says on stderr is kept for it, not written under a bar.
 */
function runApart(name: string, errors?: (text: string) => void): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        ...process.execArgv,
        fileURLToPath(import.meta.url),
        name,
        '--json',
        ...(errors ? [] : ['--progress']),
      ],
      { stdio: ['ignore', 'pipe', errors ? 'pipe' : 'inherit'] },
    );
    let out = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr?.setEncoding('utf8').on('data', (d: string) => errors?.(d));
    child.on('close', (code) => {
      try {
        resolve(JSON.parse(out) as Outcome);
      } catch {
        resolve({ results: [], failed: [{ name, error: `its process ended with code ${code}` }] });
      }
    });
  });
}

const names = wanted.length ? wanted : available;
const results: BenchResult[] = [];
const failed: Outcome['failed'] = [];
for (const [k, name] of names.entries()) {
  let o: Outcome;
  if (bars) {
    const line = new ProgressBars(
      { write: (t) => process.stderr.write(t), columns: () => process.stderr.columns },
      'bench',
    );
    line.onProgress({ phase: `${name} (${k + 1} of ${names.length})`, done: 0, unit: '' });
    let said = '';
    o = await runApart(name, (t) => (said += t));
    line.stop();
    if (said) process.stderr.write(said);
  } else o = names.length > 1 ? await runApart(name) : await runHere(name);
  results.push(...o.results);
  failed.push(...o.failed);
  if (json) continue;
  for (const r of o.results) print(r);
  for (const f of o.failed) console.error(`${f.name} failed: ${f.error}`);
}

if (json) {
  console.log(JSON.stringify({ results, failed } satisfies Outcome, null, 2));
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
