import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeEachDb } from '../../../test/databases.js';
import { tableCounts } from '../../../test/table-counts.js';
import { InputError } from '../../core/app-error.js';
import { bundledDataDir } from '../../package-root.js';
import { loadPublicDataset } from './load-public.js';
import { formatPublicDataChanges, publicDataChanges } from './public-data-changes.js';

/** The dataset as bundled before the refresh of May 2026 (exchanges to Nov 2025). */
const PREVIOUS = join(import.meta.dirname, '../../../test/fixtures/public-data-2025');

const NEW_EXCHANGES = [
  '2025-12-19-bodies',
  '2026-01-29-bodies',
  '2026-02-05-exchange',
  '2026-02-26-bodies',
  '2026-03-05-exchange',
  '2026-03-06-exchange',
  '2026-05-15-exchange',
];

describeEachDb('loading the public dataset into a database that holds an older one', (get) => {
  it('brings the new and changed rows in and says which, then finds nothing to change', async () => {
    const { db } = get();
    await loadPublicDataset(db, { dataDir: PREVIOUS });

    const update = publicDataChanges(await loadPublicDataset(db));
    const exchanges = update.tables.find((t) => t.table === 'exchanges');
    expect(exchanges).toMatchObject({ added: 7, changed: 0, addedIds: NEW_EXCHANGES });
    const claims = update.tables.find((t) => t.table === 'claims');
    // The journalists' figure was filed as all civilians held; it is "other" now.
    expect(claims?.changedIds).toContain('c058');
    expect(claims?.addedIds).toContain('c154');
    const facilities = update.tables.find((t) => t.table === 'facilities');
    expect(facilities?.added).toBe(0);
    // Six small places got the coordinates of their settlement from a source, not GeoNames.
    expect(facilities?.changedIds).toEqual([
      'kozacha-lopan-site',
      'kozarovychi-site',
      'malaya-loknya-ik-11',
      'pakino-ik-7',
      'stara-zburivka-ik',
      'yahidne-site',
    ]);
    const placed = await db.kysely
      .selectFrom('facilities')
      .select(['lat', 'coord_precision', 'coord_source'])
      .where('id', '=', 'kozarovychi-site')
      .executeTakeFirstOrThrow();
    expect(placed).toEqual({ lat: 50.75806, coord_precision: 'settlement', coord_source: null });
    expect(update.nothingChanged).toBe(false);
    const text = formatPublicDataChanges(update);
    expect(text).toContain('exchanges: 7 added, 0 changed, 86 unchanged');
    expect(text).toContain(`added: ${NEW_EXCHANGES.join(', ')}`);
    expect(text).toMatch(/changed: .*c058/);

    const c058 = await db.kysely
      .selectFrom('claims')
      .select(['metric', 'notes'])
      .where('id', '=', 'c058')
      .executeTakeFirstOrThrow();
    expect(c058.metric).toBe('other');

    const again = publicDataChanges(await loadPublicDataset(db));
    expect(again.nothingChanged).toBe(true);
    expect(again.tables.every((t) => t.addedIds.length + t.changedIds.length === 0)).toBe(true);
    expect(formatPublicDataChanges(again)).toContain('nothing changed');
  });

  it('writes nothing when one file of the dataset is wrong', async () => {
    const { db } = get();
    await loadPublicDataset(db, { dataDir: PREVIOUS });
    const before = await tableCounts(db);
    const dir = mkdtempSync(join(tmpdir(), 'polon-public-'));
    try {
      for (const f of ['facilities.csv', 'exchanges.csv', 'claims.csv'])
        cpSync(join(bundledDataDir(), f), join(dir, f));
      const claims = readFileSync(join(dir, 'claims.csv'), 'utf8');
      writeFileSync(join(dir, 'claims.csv'), claims.replace('\nc058,other,30,', '\nc058,other,x,'));
      const err = await loadPublicDataset(db, { dataDir: dir }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InputError);
      expect(await tableCounts(db)).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
