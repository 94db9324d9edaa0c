import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../src/db/index.js';
import { importFile } from '../src/features/imports/index.js';
import {
  episodesImport,
  eventsImport,
  occupancyImport,
  personsImport,
} from '../src/features/persons/index.js';
import { loadPublicDataset } from '../src/features/public-data/index.js';
import { sourcesImport } from '../src/features/sources/index.js';
import { writeSynth } from '../src/features/synth/index.js';

/**
 * The bundled public dataset plus synthetic persons with their events, detention episodes
 * and occupancy reports, imported as a user would: the data protection tests run on it.
 */
export async function loadPublicAndSynthetic(
  db: Db,
  o: { persons: number; seed: number },
): Promise<void> {
  await loadPublicDataset(db);
  const out = mkdtempSync(join(tmpdir(), 'polon-synth-'));
  try {
    await writeSynth(db.kysely, { persons: o.persons, seed: o.seed, out });
    await importFile(db, sourcesImport, join(out, 'sources.csv'));
    await importFile(db, personsImport, join(out, 'persons.csv'));
    await importFile(db, eventsImport, join(out, 'events.csv'));
    await importFile(db, episodesImport, join(out, 'episodes.csv'));
    await importFile(db, occupancyImport, join(out, 'occupancy.csv'));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  await addNotesAndContacts(db);
}

/**
 * The synthetic files carry no free text or contacts; a few rows get synthetic ones here, so
 * the tests that look for personal data have testimony and phone numbers to look for too.
 */
async function addNotesAndContacts(db: Db): Promise<void> {
  const k = db.kysely;
  const records = await k.selectFrom('records').select('id').orderBy('id').limit(12).execute();
  for (const [i, r] of records.entries()) {
    await k
      .updateTable('records')
      .set({
        relatives_contact: `+380 67 ${String(1_000_000 + i * 7919).slice(1)} (synthetic relative ${i})`,
        notes: `Synthetic testimony ${i}: was held with a cellmate nicknamed Zorianyi-${i}`,
      })
      .where('id', '=', r.id)
      .execute();
  }
  for (const table of ['events', 'episodes', 'occupancy_reports'] as const) {
    const rows = await k.selectFrom(table).select('id').orderBy('id').limit(5).execute();
    for (const [i, r] of rows.entries())
      await k
        .updateTable(table)
        .set({ notes: `Synthetic ${table} note ${i}: seen by a witness called Hordiienko-${i}` })
        .where('id', '=', r.id)
        .execute();
  }
}

/**
 * Lets synthetic persons stand in for real ones: records of synthetic sources never count in
 * public figures, so the tests of what publishing shows clear the flag first.
 */
export async function countSyntheticAsReal(db: Db): Promise<void> {
  await db.kysely.updateTable('sources').set({ synthetic: 0 }).execute();
}
