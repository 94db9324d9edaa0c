/**
 * The review queue on `polon synth` persons linked in a scratch SQLite database (issue 18):
 * what it holds, how much of the queue's total priority (doubt × effect on the estimate) the
 * first quarter and half carry in the queue's order and in the order before (surest first),
 * and how many pairs a batch could accept. Counts only; no names.
 *
 *   npx tsx scripts/review-queue-order.ts [persons=1500] [seed=21]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, migrateToLatest } from '../src/db/index.js';
import { importFile } from '../src/features/imports/index.js';
import { linkDatabase, listNearCertainPairs } from '../src/features/linkage/index.js';
import { personsImport } from '../src/features/persons/index.js';
import { loadPublicDataset } from '../src/features/public-data/index.js';
import { sourcesImport } from '../src/features/sources/index.js';
import { writeSynth } from '../src/features/synth/index.js';

const persons = Number(process.argv[2] ?? 1500);
const seed = Number(process.argv[3] ?? 21);
const dir = mkdtempSync(join(tmpdir(), 'polon-review-order-'));
const db = createDb({ dbPath: join(dir, 'polon.db') });
try {
  await migrateToLatest(db);
  await loadPublicDataset(db);
  await writeSynth(db.kysely, { persons, seed, out: join(dir, 'synth') });
  await importFile(db, sourcesImport, join(dir, 'synth', 'sources.csv'));
  await importFile(db, personsImport, join(dir, 'synth', 'persons.csv'));
  await linkDatabase(db.kysely);

  const open = (
    await db.kysely
      .selectFrom('review_pairs')
      .select(['priority', 'probability', 'reason'])
      .where('decision', 'is', null)
      .execute()
  ).map((r) => ({
    priority: Number(r.priority),
    probability: Number(r.probability),
    reason: r.reason,
  }));
  const reasons = new Map<string, number>();
  for (const p of open) reasons.set(p.reason, (reasons.get(p.reason) ?? 0) + 1);
  console.log(
    `${open.length} pairs in the queue: ${[...reasons].map(([r, n]) => `${n} ${r}`).join(', ')}`,
  );
  const total = open.reduce((s, p) => s + p.priority, 0);
  const share = (sorted: typeof open, f: number) =>
    sorted.slice(0, Math.ceil(sorted.length * f)).reduce((s, p) => s + p.priority, 0) / total;
  const byPriority = [...open].sort((x, y) => y.priority - x.priority);
  const surestFirst = [...open].sort((x, y) => y.probability - x.probability);
  for (const f of [0.25, 0.5])
    console.log(
      `first ${f * 100}% of the queue carries ${(share(byPriority, f) * 100).toFixed(1)}% of the total priority (surest first: ${(share(surestFirst, f) * 100).toFixed(1)}%)`,
    );
  for (const min of [0.5, 0.9, 0.95]) {
    const plain = (await listNearCertainPairs(db.kysely, min)).length;
    const guarded = (await listNearCertainPairs(db.kysely, min, true)).length;
    console.log(
      `batch accept at p ≥ ${min}: ${plain} pairs (${guarded} with guard conflicts included)`,
    );
  }
} finally {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
}
