/**
 * `npm run bench -- api`: autocannon against Polon's public endpoints on 127.0.0.1, each
 * for POLON_BENCH_SECONDS (default 30), and against a bare Fastify route in the same run as
 * the baseline: one answering {"status":"ok"}, and for each endpoint one sending the very
 * bytes that endpoint answers (tens of kilobytes: copying them, not Polon, bounds the rate
 * next to a 15-byte answer). Reports requests per second, p50/p99 latency and errors per
 * endpoint, and the server's memory after garbage collection before and after the load.
 * Target: every public endpoint at least half its same-bytes baseline, no errors, memory flat.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import type { Benchmark, BenchResult } from './bench-result.js';

const SECONDS = Number(process.env.POLON_BENCH_SECONDS ?? 30);
const CONNECTIONS = 10;
const ENDPOINTS = [
  '/api/public/summary',
  '/api/public/facilities',
  '/api/stats/exchanges',
  '/api/facilities?format=geojson',
];
/** Growth of the collected heap over the whole run that still counts as flat. */
const FLAT_HEAP_MIB = 16;

interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
}

async function load(url: string): Promise<Load> {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    // Socket errors, timeouts and any answer that is not a 2xx.
    errors: r.errors + r.timeouts + r.non2xx,
    requests: r.requests.total,
  };
}

const MiB = (bytes: number): number => Math.round((bytes / 2 ** 20) * 10) / 10;

const bench: Benchmark = {
  name: 'api',
  description: `public endpoints under load, ${SECONDS} s each with ${CONNECTIONS} connections, against a bare Fastify route`,
  async run(): Promise<BenchResult> {
    const here = dirname(fileURLToPath(import.meta.url));
    const server = spawn(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', join(here, 'api-server.ts'), ENDPOINTS.join(',')],
      { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, POLON_LOG_LEVEL: 'silent' } },
    );
    const lines = createInterface({ input: server.stdout });
    const next = <T = Record<string, number>>(): Promise<T> =>
      new Promise((resolve, reject) => {
        lines.once('line', (l) => resolve(JSON.parse(l) as T));
        server.once('exit', (code) => reject(new Error(`the benchmark server exited (${code})`)));
      });
    const mem = async () => {
      server.stdin.write('mem\n');
      return next();
    };
    try {
      const ports = await next<{ polon: number; bare: number; same: Record<string, string> }>();
      const base = `http://127.0.0.1:${ports.polon}`;
      // Warm up: caches filled, code paths compiled.
      for (const e of ENDPOINTS) await autocannon({ url: base + e, connections: 2, amount: 200 });
      const start = await mem();
      const bareUrl = `http://127.0.0.1:${ports.bare}`;
      const bare = await load(`${bareUrl}/bare`);
      const results: Record<string, { polon: Load; same: Load }> = {};
      for (const e of ENDPOINTS)
        results[e] = { polon: await load(base + e), same: await load(bareUrl + ports.same[e]!) };
      const end = await mem();

      const line = (r: Load) =>
        `${Math.round(r.rps)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.errors} errors of ${r.requests}`;
      const extra: Record<string, string | number> = {
        'bare Fastify, {"status":"ok"}': line(bare),
      };
      for (const [e, r] of Object.entries(results)) {
        extra[e] =
          `${line(r.polon)}; ratio ${(r.polon.rps / r.same.rps).toFixed(2)} to bare with its bytes (${Math.round(r.same.rps)} req/s), ${(r.polon.rps / bare.rps).toFixed(2)} to {"status":"ok"}`;
      }
      const heapGrowth = MiB(end.heapUsed! - start.heapUsed!);
      extra['server memory after GC, start → end'] =
        `rss ${MiB(start.rss!)} → ${MiB(end.rss!)} MiB, heap ${MiB(start.heapUsed!)} → ${MiB(end.heapUsed!)} MiB`;
      // The figure is the endpoint furthest from bare Fastify sending the same bytes.
      const [, worst] = Object.entries(results).reduce((a, b) =>
        b[1].polon.rps / b[1].same.rps < a[1].polon.rps / a[1].same.rps ? b : a,
      );
      const errors =
        Object.values(results).reduce((n, r) => n + r.polon.errors + r.same.errors, 0) +
        bare.errors;
      const ratio = worst.polon.rps / worst.same.rps;
      return {
        name: 'api',
        figureLabel: 'req/s, public endpoint furthest from its baseline',
        figure: worst.polon.rps,
        baselineLabel: 'req/s, bare Fastify route sending the same bytes',
        baseline: worst.same.rps,
        ratio,
        target: `≥ 0.5 × bare with the same bytes, 0 errors, heap growth ≤ ${FLAT_HEAP_MIB} MiB`,
        met: ratio >= 0.5 && errors === 0 && heapGrowth <= FLAT_HEAP_MIB,
        extra: { ...extra, errors, 'heap growth, MiB': heapGrowth },
      };
    } finally {
      server.stdin.end();
      await new Promise((r) => server.once('exit', r).once('error', r));
    }
  },
};

export default bench;
