/**
 * The server side of the API benchmark, in its own process so the load generator does not
 * share its event loop: Polon's app on a fresh SQLite database with the public dataset,
 * and bare Fastify routes beside it (the endpoints to copy come as one comma-separated
 * argument). Prints one JSON line with both ports; on each "mem"
 * line read from stdin, collects garbage and prints its memory as a JSON line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Fastify from 'fastify';
import { loadConfig } from '../src/config.js';
import { createDb, migrateToLatest } from '../src/db/index.js';
import { loadPublicDataset } from '../src/features/public-data/index.js';
import { buildApp } from '../src/server/index.js';

const dir = mkdtempSync(join(tmpdir(), 'polon-bench-api-'));
const db = createDb({ dbPath: join(dir, 'polon.db') });
await migrateToLatest(db);
await loadPublicDataset(db);
const app = await buildApp({ db, config: loadConfig({}) });
await app.listen({ port: 0, host: '127.0.0.1' });

const bare = Fastify({ logger: false });
bare.get('/bare', () => ({ status: 'ok' }));
// For each endpoint, a bare route sending the very bytes Polon answers: what Fastify alone
// costs for an answer of that size.
const same: Record<string, string> = {};
for (const [i, url] of (process.argv[2] ?? '').split(',').entries()) {
  const res = await app.inject(url);
  const body = res.rawPayload;
  const type = String(res.headers['content-type']);
  bare.get(`/same/${i}`, (_req, reply) => reply.type(type).send(body));
  same[url] = `/same/${i}`;
}
await bare.listen({ port: 0, host: '127.0.0.1' });

const port = (f: { server: { address(): unknown } }): number => {
  const a = f.server.address() as { port: number } | null;
  return a?.port ?? 0;
};
const gc = (globalThis as { gc?: () => void }).gc;
process.stdout.write(`${JSON.stringify({ polon: port(app), bare: port(bare), same })}\n`);

const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  if (line !== 'mem') return;
  gc?.();
  const m = process.memoryUsage();
  process.stdout.write(`${JSON.stringify({ rss: m.rss, heapUsed: m.heapUsed })}\n`);
});
lines.on('close', () => {
  void Promise.all([app.close(), bare.close()])
    .then(() => db.close())
    .finally(() => rmSync(dir, { recursive: true, force: true }));
});
