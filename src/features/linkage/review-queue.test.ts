import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { loginAs } from '../../../test/accounts.js';
import { describeEachDb } from '../../../test/databases.js';
import { loadConfig } from '../../config.js';
import { buildApp } from '../../server/index.js';
import { importFile } from '../imports/index.js';
import { personsImport } from '../persons/index.js';
import { loadPublicDataset } from '../public-data/index.js';
import { sourcesImport } from '../sources/index.js';
import { writeSynth } from '../synth/index.js';
import { linkDatabase } from './link-database.js';
import { reviewPriority, type PairSide } from './review-priority.js';

interface Item {
  a: { id: string; familyName: string | null };
  b: { id: string };
  probability: number;
  priority: number | null;
  reason: string;
}

describeEachDb('the linkage review queue', (get) => {
  it('shows undecided pairs side by side, and the next linkage run honours accept and reject', async () => {
    const { db } = get();
    await loadPublicDataset(db);
    const out = mkdtempSync(join(tmpdir(), 'polon-review-'));
    await writeSynth(db.kysely, { persons: 1500, seed: 21, out });
    await importFile(db, sourcesImport, join(out, 'sources.csv'));
    await importFile(db, personsImport, join(out, 'persons.csv'));
    await linkDatabase(db.kysely);

    const app = await buildApp({ db, config: loadConfig({}) });
    const s = await loginAs(app, db, 'analyst');
    const headers = { cookie: s.cookie, 'x-csrf-token': s.csrf };
    const page = (await app.inject({ url: '/api/review?limit=10', headers })).json<{
      items: Item[];
      total: number;
    }>();
    expect(page.total).toBeGreaterThan(2);
    // Most useful first: each pair's priority is its doubt times its effect on the persons
    // and lists the run left, and the queue is served in that order.
    const all = (await app.inject({ url: '/api/review?limit=500', headers })).json<{
      items: Item[];
    }>().items;
    const rows = await db.kysely
      .selectFrom('records')
      .select(['id', 'person_id', 'source_id'])
      .execute();
    const members = new Map<string | null, typeof rows>();
    for (const r of rows) members.set(r.person_id, [...(members.get(r.person_id) ?? []), r]);
    const side = (id: string): PairSide => {
      const person = rows.find((r) => r.id === id)?.person_id ?? null;
      const of = members.get(person) ?? [];
      return { person, records: of.length, sources: [...new Set(of.map((r) => r.source_id))] };
    };
    expect(all.length).toBe(Math.min(500, page.total));
    for (const i of all)
      expect(i.priority).toBeCloseTo(reviewPriority(i.probability, side(i.a.id), side(i.b.id)), 9);
    const priorities = all.map((i) => i.priority ?? -1);
    expect(priorities).toEqual([...priorities].sort((x, y) => y - x));
    expect(new Set(priorities).size).toBeGreaterThan(3);

    const [accept, reject] = page.items;
    expect(accept?.a.id).toMatch(/^rec_/);

    const decide = (i: Item, decision: string) =>
      app.inject({
        method: 'POST',
        url: '/api/review/decisions',
        headers,
        payload: { a: i.a.id, b: i.b.id, decision },
      });
    expect((await decide(accept!, 'match')).statusCode).toBe(204);
    expect((await decide(reject!, 'non_match')).statusCode).toBe(204);

    await linkDatabase(db.kysely);
    const person = async (id: string) =>
      (
        await db.kysely
          .selectFrom('records')
          .select('person_id')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).person_id;
    expect(await person(accept!.a.id)).toBe(await person(accept!.b.id));
    expect(await person(reject!.a.id)).not.toBe(await person(reject!.b.id));

    const after = (await app.inject({ url: '/api/review?limit=500', headers })).json<{
      items: Item[];
    }>();
    const open = new Set(after.items.map((i) => `${i.a.id}|${i.b.id}`));
    expect(open.has(`${accept!.a.id}|${accept!.b.id}`)).toBe(false);
    expect(open.has(`${reject!.a.id}|${reject!.b.id}`)).toBe(false);
  });
});
