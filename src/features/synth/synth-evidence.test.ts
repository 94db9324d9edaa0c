import { mkdtempSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeEachDb } from '../../../test/databases.js';
import { estimateCaptivity } from '../estimates/index.js';
import { importFile } from '../imports/index.js';
import { episodesImport, eventsImport, occupancyImport, personsImport } from '../persons/index.js';
import { loadPublicDataset } from '../public-data/index.js';
import { sourcesImport } from '../sources/index.js';
import { linkDatabase } from '../linkage/index.js';
import { synthEvidence } from './synth-evidence.js';
import { writeSynth } from './write-synth.js';

const FACILITIES = [
  { id: 'a', territory: 'RU' as const },
  { id: 'b', territory: 'UA-occupied' as const },
];
const EXCHANGES = [
  { id: 'x1', kind: 'exchange' as const, dateFrom: '2023-01-01' },
  { id: 'x2', kind: 'exchange' as const, dateFrom: '2024-06-01' },
];

it('gives the same evidence for the same seed, and other evidence for another', () => {
  const a = synthEvidence({ persons: 300, seed: 5, facilities: FACILITIES, exchanges: EXCHANGES });
  const b = synthEvidence({ persons: 300, seed: 5, facilities: FACILITIES, exchanges: EXCHANGES });
  const c = synthEvidence({ persons: 300, seed: 6, facilities: FACILITIES, exchanges: EXCHANGES });
  expect(a).toEqual(b);
  expect(c.persons).not.toEqual(a.persons);
  const s = a.summary;
  expect(s.heldAtEnd + s.released + s.died).toBe(300);
  expect(s.unseen).toBeGreaterThan(0);
  expect(a.truth.length - 1).toBe(s.records);
});

it('releases nobody by an exchange after the as-of date: on that day they were still held', () => {
  const later = [...EXCHANGES, { id: 'x3', kind: 'exchange' as const, dateFrom: '2026-05-15' }];
  const t = synthEvidence({
    persons: 400,
    seed: 7,
    facilities: FACILITIES,
    exchanges: later,
    asOf: '2025-11-01',
  });
  const releases = t.events.filter((e) => e[2] === 'released');
  expect(releases.length).toBeGreaterThan(0);
  expect(releases.filter((e) => (e[3] ?? '') > '2025-11-01')).toEqual([]);
  expect(releases.filter((e) => e[4] === 'x3')).toEqual([]);
});

describeEachDb('synthetic evidence through the importers', (get) => {
  it('imports, links and estimates, with the truth to compare against', async () => {
    const { db } = get();
    await loadPublicDataset(db);
    const out = mkdtempSync(join(tmpdir(), 'polon-synth-'));
    await writeSynth(db.kysely, { persons: 800, seed: 11, out });
    for (const [kind, file] of [
      [sourcesImport, 'sources'],
      [personsImport, 'persons'],
      [eventsImport, 'events'],
      [episodesImport, 'episodes'],
      [occupancyImport, 'occupancy'],
    ] as const) {
      const res = await importFile(db, kind as never, join(out, `${file}.csv`));
      expect(res.inserted, file).toBeGreaterThan(0);
    }
    const linked = await linkDatabase(db.kysely);
    const truth: { person_id: string }[] = parse(readFileSync(join(out, 'truth.csv')), {
      columns: true,
    });
    const seen = new Set(truth.map((t) => t.person_id)).size;
    // Linkage finds roughly the persons the sources saw: within 10%.
    expect(Math.abs(linked.persons - seen) / seen).toBeLessThan(0.1);
    const e = await estimateCaptivity(db.kysely, '2025-11-01');
    expect(e.basis).toBe('persons');
    expect(e.mse?.N).toBeGreaterThan(e.seen.held);
  });
});
