import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { Kysely } from 'kysely';
import { AppError } from '../../core/app-error.js';
import { startPhase, type OnProgress } from '../../core/progress.js';
import type { Database } from '../../db/index.js';
import { loadExchanges } from '../exchanges/index.js';
import { loadFacilities } from '../facilities/index.js';
import { synthEvidence, type SynthTables } from './synth-evidence.js';

export const SYNTH_FILES = [
  'sources',
  'persons',
  'events',
  'episodes',
  'occupancy',
  'truth',
] as const;

/**
 * `polon synth`: synthetic evidence at the bundled facilities and exchanges, written as the
 * CSV files the importers read (import them in the order of SYNTH_FILES) plus truth.csv.
 */
export async function writeSynth(
  db: Kysely<Database>,
  options: { persons: number; seed: number; out: string; onProgress?: OnProgress },
): Promise<SynthTables['summary'] & { files: string[] }> {
  const facilities = await loadFacilities(db);
  const exchanges = await loadExchanges(db);
  if (facilities.length === 0 || exchanges.length === 0) {
    throw new AppError(
      'invalid_input',
      'the gazetteer or the exchange list is empty: run `polon load-public` first',
    );
  }
  const t = synthEvidence({
    persons: options.persons,
    seed: options.seed,
    facilities,
    exchanges,
    onProgress: options.onProgress,
  });
  await mkdir(options.out, { recursive: true });
  const files: string[] = [];
  const rows = SYNTH_FILES.reduce((n, name) => n + t[name].length, 0);
  const writing = startPhase(options.onProgress, 'writing files', 'rows', rows);
  let written = 0;
  for (const name of SYNTH_FILES) {
    const path = join(options.out, `${name}.csv`);
    await writeFile(path, stringify(t[name]));
    files.push(path);
    written += t[name].length;
    writing.tick(written, { files: files.length });
  }
  writing.end(rows, { files: files.length });
  return { ...t.summary, files };
}
