import { expect, it } from 'vitest';
import { describeEachDb } from '../../../test/databases.js';
import { countSyntheticAsReal, loadPublicAndSynthetic } from '../../../test/synthetic-data.js';
import type { PublicFacilities, PublicSummary } from '../../../contract/publication.js';
import { loadConfig } from '../../config.js';
import { buildApp } from '../../server/index.js';
import { loadPublicDataset } from '../public-data/index.js';
import { createPublicationCache } from './publication.routes.js';
import { publishEstimate } from './published-estimates.js';

interface Stats {
  exchanges: number;
  returned: number;
  returnedIsLowerBound: boolean;
  bodiesReturned: number;
  byCategory: Record<string, { value: number; exchangesStating: number }>;
}

describeEachDb('public summary and facilities', (get) => {
  const appWith = (env: Record<string, string> = {}) =>
    buildApp({ db: get().db, config: loadConfig(env) });

  it('gives the exchange figures of /api/stats/exchanges, each with sources and a method', async () => {
    await loadPublicDataset(get().db);
    const app = await appWith();
    const stats = (await app.inject('/api/stats/exchanges')).json<Stats>();
    const res = await app.inject('/api/public/summary');
    expect(res.statusCode).toBe(200);
    const s = res.json<PublicSummary>();
    expect(s.headline.returned).toMatchObject({
      value: stats.returned,
      lowerBound: stats.returnedIsLowerBound,
      method: 'exchange-count',
    });
    expect(s.headline.exchanges.value).toBe(stats.exchanges);
    expect(s.headline.bodiesReturned.value).toBe(stats.bodiesReturned);
    for (const h of [s.headline.returned, s.headline.exchanges, s.headline.bodiesReturned]) {
      expect(h.sources.length).toBeGreaterThan(0);
      expect(h.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    // One point per exchange in the official numbering; the last cumulative is the total.
    expect(s.timeline).toHaveLength(stats.exchanges);
    expect(s.timeline.at(-1)!.cumulative).toBe(stats.returned);
    const women = s.priorityGroups.find((g) => g.group === 'women')!;
    expect(women.released).toEqual(stats.byCategory.women);
    expect(women.held).toBeNull();
    expect(women.heldMissing).toBe('not_published');
    await app.close();
  });

  it('with no estimate published, shows the published figures of people held and no estimate', async () => {
    await loadPublicDataset(get().db);
    const app = await appWith();
    const s = (await app.inject('/api/public/summary')).json<PublicSummary>();
    expect(s.headline.estimatedHeld).toMatchObject({
      basis: 'none',
      value: null,
      ci95: null,
      published: null,
    });
    const metrics = new Set(s.publishedHeld.map((f) => f.metric));
    expect(metrics.size).toBeGreaterThanOrEqual(2);
    // Several sources, several values: all shown, none picked.
    expect(new Set(s.publishedHeld.map((f) => f.value)).size).toBeGreaterThan(2);
    expect(s.publishedHeld.every((f) => f.sources.length > 0)).toBe(true);
    const f = (await app.inject('/api/public/facilities')).json<PublicFacilities>();
    expect(f.facilities.length).toBeGreaterThan(90);
    expect(f.facilities.every((x) => x.counts === null)).toBe(true);
    expect(f.facilities.find((x) => x.id === 'taganrog-sizo-2')).toMatchObject({
      nameUk: 'Таганрозьке СІЗО №2',
      territory: 'RU',
      region: 'Rostov Oblast',
      regionUk: 'Ростовська область',
      regionRu: 'Ростовская область',
      // No source names it in Russian: built from type, number and town, and marked so.
      nameRu: 'СИЗО-2 Таганрог',
      constructedNames: ['ru'],
      settlementUk: 'Таганріг',
    });
    expect(f.facilities.every((x) => x.nameUk && x.nameRu)).toBe(true);
    await app.close();
  });

  it('with persons published, estimates people held and counts the priority groups; a new publication shows at once', async () => {
    const { db } = get();
    await loadPublicDataset(db);
    // The data is written beside the server, as a CLI import would; with no recheck delay
    // the next request sees it.
    const app = await appWith({ POLON_PUBLIC_RECHECK_MS: '0' });
    const before = (await app.inject('/api/public/summary')).json<PublicSummary>();
    expect(before.headline.estimatedHeld.basis).toBe('none');
    await loadPublicAndSynthetic(db, { persons: 400, seed: 7 });
    await countSyntheticAsReal(db);
    await publishEstimate(db.kysely, { note: 'test' }, 'test');
    const s = (await app.inject('/api/public/summary')).json<PublicSummary>();
    expect(s.headline.estimatedHeld.basis).not.toBe('none');
    const value = s.headline.estimatedHeld.value;
    expect(value?.suppressed).toBe(false);
    expect(value?.value).toBeGreaterThan(0);
    const held = s.priorityGroups.map((g) => g.held);
    // A group no record states (the synthetic files say nothing of disability) is "not
    // recorded", never a 0.
    for (const g of s.priorityGroups)
      expect(g.held === null ? g.heldMissing : null).toBe(g.held === null ? 'not_recorded' : null);
    expect(held.some((h) => h && !h.suppressed && h.value > 0)).toBe(true);
    const f = (await app.inject('/api/public/facilities')).json<PublicFacilities>();
    // 400 persons over 95 places: facility counts are small, so most show as "<5".
    const lastKnown = f.facilities.flatMap((x) => (x.counts ? [x.counts.lastKnown] : []));
    expect(lastKnown.some((c) => c.suppressed || c.value > 0)).toBe(true);
    await app.close();
  });

  it('computes the same figures on a worker thread as on the main one', async () => {
    const { db } = get();
    await loadPublicAndSynthetic(db, { persons: 300, seed: 11 });
    await countSyntheticAsReal(db);
    await publishEstimate(db.kysely, { note: 'test' }, 'test');
    expect(db.reopen).toBeDefined();
    const inline = await createPublicationCache(db, 5, Infinity)();
    const offThread = await createPublicationCache(db, 5, 0)();
    expect(offThread).toEqual(inline);
    expect(inline.summary.headline.estimatedHeld.basis).not.toBe('none');
  });

  it('shows counts from 1 to the threshold − 1 only as "below", and leaks no names or record ids', async () => {
    const { db } = get();
    await loadPublicAndSynthetic(db, { persons: 300, seed: 11 });
    await countSyntheticAsReal(db);
    await publishEstimate(db.kysely, { note: 'test' }, 'test');
    const app = await appWith({ POLON_SMALL_COUNT: '1000' });
    const summary = await app.inject('/api/public/summary');
    const facilities = await app.inject('/api/public/facilities');
    const s = summary.json<PublicSummary>();
    // 300 persons: every non-zero count from records is under 1,000, so all are suppressed.
    const counts = [
      s.headline.estimatedHeld.inputs.seenHeld!,
      s.headline.whereabouts.known!,
      s.headline.whereabouts.unknown!,
      ...s.priorityGroups.flatMap((g) => (g.held ? [g.held] : [])),
      ...facilities
        .json<PublicFacilities>()
        .facilities.flatMap((x) => (x.counts ? Object.values(x.counts) : []))
        .filter((c) => c !== null),
    ];
    expect(counts.some((c) => c.suppressed)).toBe(true);
    for (const c of counts) {
      if (c.suppressed) expect(c).toEqual({ value: null, suppressed: true, below: 1000 });
      else expect(c.value).toBe(0);
    }
    const records = await db.kysely
      .selectFrom('records')
      .select(['id', 'family_name', 'birth_date'])
      .limit(50)
      .execute();
    const body = summary.body + facilities.body;
    for (const r of records) {
      expect(body).not.toContain(r.id);
      if (r.family_name) expect(body).not.toContain(r.family_name);
    }
    await app.close();
  });
});
