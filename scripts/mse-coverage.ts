/**
 * Coverage of the captivity estimate on synthetic evidence with known truth: for each seed,
 * synthetic persons are imported, linked and estimated as a user would (`polon synth`,
 * `import`, `link`, `estimate captivity`), and the 95% interval is checked against the true
 * number held. Usage: npx tsx scripts/mse-coverage.ts [runs=50] [persons=1500] [polon|truth]
 * With "truth", records are grouped into persons by the ground truth instead of by linkage:
 * the difference between the two is what linkage errors cost the estimate.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { createDb, migrateToLatest, type Db } from '../src/db/index.js';
import { estimateMse } from '../src/estimation/index.js';
import { estimateCaptivity } from '../src/features/estimates/index.js';
import { importFile } from '../src/features/imports/index.js';
import { linkDatabase } from '../src/features/linkage/index.js';
import {
  episodesImport,
  eventsImport,
  occupancyImport,
  personsImport,
  recordId,
} from '../src/features/persons/index.js';
import { loadPublicDataset } from '../src/features/public-data/index.js';
import { sourcesImport } from '../src/features/sources/index.js';
import { writeSynth } from '../src/features/synth/index.js';

const runs = Number(process.argv[2] ?? 50);
const persons = Number(process.argv[3] ?? 1500);
const linkage = process.argv[4] === 'truth' ? 'truth' : 'polon';
let covered = 0;
const rows: string[] = [];
/**
 * The selection rule on its own: the BIC-best and the AIC-best model of the same overlap
 * table (persons as linked, without the undecided-links envelope), against the truth.
 */
const byRule = {
  bic: { covered: 0, absError: 0, width: 0, n: 0 },
  aic: { covered: 0, absError: 0, width: 0, n: 0 },
};
for (let seed = 1; seed <= runs; seed++) {
  const dir = mkdtempSync(join(tmpdir(), 'polon-coverage-'));
  try {
    const db = createDb({ dbPath: join(dir, 'polon.db') });
    await migrateToLatest(db);
    await loadPublicDataset(db);
    const s = await writeSynth(db.kysely, { persons, seed, out: dir });
    for (const [kind, file] of [
      [sourcesImport, 'sources'],
      [personsImport, 'persons'],
      [eventsImport, 'events'],
      [episodesImport, 'episodes'],
      [occupancyImport, 'occupancy'],
    ] as const) {
      await importFile(db, kind as never, join(dir, `${file}.csv`));
    }
    if (linkage === 'truth') await linkByTruth(db, dir);
    else await linkDatabase(db.kysely);
    const e = await estimateCaptivity(db.kysely, '2025-11-01');
    await db.close();
    if (e.mse) {
      for (const criterion of ['bic', 'aic'] as const) {
        const r = estimateMse(
          { lists: e.mse.lists, histories: e.mse.histories },
          { criterion, top: 1 },
        );
        const m = r.selected ? r.models[r.selected.index] : undefined;
        const [mlo, mhi] = m?.ci95 ?? [null, null];
        if (m?.N == null || mlo == null || mhi == null) continue;
        const t = byRule[criterion];
        t.n++;
        if (mlo <= s.heldAtEnd && s.heldAtEnd <= mhi) t.covered++;
        t.absError += Math.abs(m.N - s.heldAtEnd) / s.heldAtEnd;
        t.width += (mhi - mlo) / s.heldAtEnd;
      }
    }
    const [lo, hi] = e.estimatedHeld.ci95 ?? [null, null];
    const truth = s.heldAtEnd;
    const hit = lo !== null && hi !== null && lo <= truth && truth <= hi;
    if (hit) covered++;
    rows.push(
      `${seed}\t${truth}\t${e.seen.held}\t${e.estimatedHeld.value}\t${lo === null ? '—' : Math.round(lo)}\t${hi === null ? '—' : Math.round(hi)}\t${hit ? 'yes' : 'no'}`,
    );
    process.stderr.write(`${rows.at(-1)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
console.log('seed\ttruth\tseen\testimate\tlo\thi\tcovered');
console.log(rows.join('\n'));
console.log(
  `\ncoverage: ${covered} of ${runs} runs (${((100 * covered) / runs).toFixed(0)}%), ${persons} synthetic persons each`,
);
for (const [rule, t] of Object.entries(byRule)) {
  const pct = (x: number) => `${((100 * x) / Math.max(1, t.n)).toFixed(1)}%`;
  console.log(
    `${rule.toUpperCase()}-best model alone (persons as linked): covers ${t.covered} of ${t.n}, mean |error| ${pct(t.absError)}, mean interval width ${pct(t.width)} of the truth`,
  );
}

async function linkByTruth(db: Db, dir: string): Promise<void> {
  const truth: { record_id: string; person_id: string }[] = parse(
    readFileSync(join(dir, 'truth.csv')),
    { columns: true },
  );
  const rows: { record_id: string; source: string }[] = parse(
    readFileSync(join(dir, 'persons.csv')),
    { columns: true },
  );
  const source = new Map(rows.map((r) => [r.record_id, r.source]));
  const now = new Date().toISOString();
  await db.kysely.transaction().execute(async (trx) => {
    for (const id of new Set(truth.map((t) => t.person_id)))
      await trx
        .insertInto('persons')
        .values({ id: `truth-${id}`, created_at: now, updated_at: now })
        .execute();
    for (const t of truth) {
      await trx
        .updateTable('records')
        .set({ person_id: `truth-${t.person_id}` })
        .where('id', '=', recordId(source.get(t.record_id) ?? '', t.record_id))
        .execute();
    }
  });
}
