import { expect, it } from 'vitest';
import { describeEachDb } from '../../test/databases.js';
import { upsertRows } from './upsert-rows.js';

const source = (id: string, title: string, at = '2026-01-01') => ({
  id,
  title,
  url: null,
  publisher: null,
  kind: null,
  reliability: 'F',
  credibility: 6,
  notes: null,
  updated_at: at,
});

describeEachDb('upserting rows', (get) => {
  it('tells new, changed and unchanged rows apart, in batches wholly new, wholly known and mixed', async () => {
    const { db } = get();
    // Rows of 10 columns go 3,000 to a statement: the second call makes one mixed statement
    // (known and new rows) and one wholly new; the third, two wholly known.
    const first = Array.from({ length: 2000 }, (_, i) => source(`s${i}`, `Title ${i}`));
    const a = await upsertRows(db.kysely, 'sources', 'id', first);
    expect(a).toMatchObject({ inserted: 2000, updated: 0, unchanged: 0 });
    expect(a.changed.size).toBe(2000);

    const second = [
      ...first.slice(0, 1000).map((r) => ({ ...r, updated_at: '2026-02-02' })),
      source('s1000', 'Renamed'),
      ...first.slice(1001, 1500),
      ...Array.from({ length: 4500 }, (_, i) => source(`n${i}`, `New ${i}`)),
    ];
    const b = await upsertRows(db.kysely, 'sources', 'id', second);
    expect(b).toMatchObject({ inserted: 4500, updated: 1, unchanged: 1499 });
    expect(b.changed.has('s1000')).toBe(true);
    expect(b.changed.has('n0') && b.changed.has('n4499')).toBe(true);
    expect(b.changed.has('s0')).toBe(false);

    const rows = await db.kysely.selectFrom('sources').select(['id', 'title']).execute();
    expect(rows.length).toBe(6500);
    expect(rows.find((r) => r.id === 's1000')?.title).toBe('Renamed');
    const again = await upsertRows(db.kysely, 'sources', 'id', second);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 6000 });
  });
});
