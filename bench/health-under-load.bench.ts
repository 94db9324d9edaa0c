/**
 * Anonymous CPU exhaustion (issue 16, finding 2): four anonymous clients post six-list
 * overlap tables to the public MSE route for 10 s, each a table of its own (no answer comes
 * from the cache), while a fifth asks `/api/health` one request at a time. The figure is
 * the health median under that load; the baseline is the same median with the server idle,
 * measured first in the same run. ratio = figure / baseline (how many times slower health
 * answers under load). `met`: the median under load is at most 250 ms.
 *
 * The per-client limit is switched off (POLON_ESTIMATE_RATE=0): every client here is
 * 127.0.0.1, and the point is what the worker pool alone keeps free, not the limiter.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Benchmark, BenchResult } from './bench-result.js';
import { syntheticTable } from './mse.bench.js';

const CLIENTS = 4;
const LOAD_MS = 10_000;
const IDLE_MS = 3_000;
const TARGET_MS = 250;

const quantile = (sorted: number[], q: number): number =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN;

/** Asks for health one request after another until `until`; the latencies in ms, sorted. */
async function healthLatencies(base: string, until: number): Promise<number[]> {
  const out: number[] = [];
  while (Date.now() < until) {
    const start = performance.now();
    const res = await fetch(`${base}/api/health`);
    await res.arrayBuffer();
    out.push(performance.now() - start);
    await new Promise((r) => setTimeout(r, 20));
  }
  return out.sort((a, b) => a - b);
}

const bench: Benchmark = {
  name: 'health-under-load',
  description: `/api/health while ${CLIENTS} anonymous clients post six-list MSE tables for ${LOAD_MS / 1000} s`,
  async run(): Promise<BenchResult> {
    const here = dirname(fileURLToPath(import.meta.url));
    const server = spawn(
      process.execPath,
      ['--import', 'tsx', join(here, 'api-server.ts'), '/api/health'],
      {
        stdio: ['pipe', 'pipe', 'inherit'],
        env: { ...process.env, POLON_LOG_LEVEL: 'silent', POLON_ESTIMATE_RATE: '0' },
      },
    );
    const lines = createInterface({ input: server.stdout });
    try {
      const ports = await new Promise<{ polon: number }>((resolve, reject) => {
        lines.once('line', (l) => resolve(JSON.parse(l) as { polon: number }));
        server.once('exit', (code) => reject(new Error(`the benchmark server exited (${code})`)));
      });
      const base = `http://127.0.0.1:${ports.polon}`;
      await healthLatencies(base, Date.now() + 500); // warm-up
      const idle = await healthLatencies(base, Date.now() + IDLE_MS);

      const statuses: Record<number, number> = {};
      let seed = 1;
      const until = Date.now() + LOAD_MS;
      const client = async (): Promise<void> => {
        while (Date.now() < until) {
          const res = await fetch(`${base}/api/estimates/mse`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(syntheticTable(seed++)),
          });
          await res.arrayBuffer();
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          // A refused client comes back at once, as an attacker would, not after Retry-After.
        }
      };
      const [loaded] = await Promise.all([
        healthLatencies(base, until),
        ...Array.from({ length: CLIENTS }, client),
      ]);
      const median = quantile(loaded, 0.5);
      const idleMedian = quantile(idle, 0.5);
      return {
        name: 'health-under-load',
        figureLabel: 'health median under load, ms',
        figure: median,
        baselineLabel: 'health median idle, ms',
        baseline: idleMedian,
        ratio: median / idleMedian,
        target: `median ≤ ${TARGET_MS} ms under load`,
        met: median <= TARGET_MS,
        extra: {
          'health p95 under load, ms': quantile(loaded, 0.95),
          'health p95 idle, ms': quantile(idle, 0.95),
          'health requests under load': loaded.length,
          'estimate answers': Object.entries(statuses)
            .map(([s, n]) => `${s}: ${n}`)
            .join(', '),
        },
      };
    } finally {
      server.stdin.end();
      server.kill();
    }
  },
};

export default bench;
