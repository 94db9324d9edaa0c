import { expect, it } from 'vitest';
import type { PublicFacilities, PublicSummary } from '../../../contract/publication.js';
import { loginAs } from '../../../test/accounts.js';
import { polonIn } from '../../../test/cli.js';
import { describeEachDb } from '../../../test/databases.js';
import { countSyntheticAsReal, loadPublicAndSynthetic } from '../../../test/synthetic-data.js';
import { loadConfig } from '../../config.js';
import { roundTo } from '../../core/disclosure-control.js';
import { buildApp } from '../../server/index.js';
import { loadPublicDataset } from '../public-data/index.js';
import { loadClaims } from '../claims/index.js';
import { importBytes } from '../imports/index.js';
import { addSource, listSourcesWithCounts, sourcesImport } from '../sources/index.js';
import { roundBound } from './person-counts.js';
import { computePublished } from './published.js';
import { publishEstimate } from './published-estimates.js';

describeEachDb('publication gate', (get) => {
  const appWith = () =>
    buildApp({ db: get().db, config: loadConfig({ POLON_PUBLIC_RECHECK_MS: '0' }) });

  it('a synthetic import changes no public number, and the summary says test data is loaded', async () => {
    const { db } = get();
    await loadPublicDataset(db);
    const app = await appWith();
    const before = (await app.inject('/api/public/summary')).json<PublicSummary>();
    const facilitiesBefore = (await app.inject('/api/public/facilities')).json<unknown>();
    expect(before.syntheticData).toBe(false);
    await loadPublicAndSynthetic(db, { persons: 300, seed: 5 });
    const after = (await app.inject('/api/public/summary')).json<PublicSummary>();
    expect(after.syntheticData).toBe(true);
    expect({ ...after, syntheticData: false }).toEqual(before);
    expect((await app.inject('/api/public/facilities')).json<unknown>()).toEqual(facilitiesBefore);
    // Publishing counts no synthetic record either.
    const p = await publishEstimate(db.kysely, { note: 'synthetic only' }, 'test');
    expect(p).toMatchObject({ basis: 'none', value: null });
    expect(p.population.syntheticRecordsLeftOut).toBeGreaterThan(0);
    const published = (await app.inject('/api/public/summary')).json<PublicSummary>();
    expect(published.headline.estimatedHeld.value).toBeNull();
    expect(published.headline.whereabouts.known).toBeNull();
    await app.close();
  });

  it('marks every source `polon synth` writes as synthetic, and keeps the mark', async () => {
    const { db } = get();
    await loadPublicAndSynthetic(db, { persons: 50, seed: 3 });
    const synth = (await listSourcesWithCounts(db.kysely)).filter((s) => s.records > 0);
    expect(synth.length).toBeGreaterThan(1);
    expect(synth.every((s) => s.synthetic)).toBe(true);
    const added = await addSource(db.kysely, { id: 'real-list', title: 'A list' }, 'test');
    expect(added.synthetic).toBe(false);
    // A later sources file without the column does not clear the mark.
    const id = synth[0]!.id;
    await importBytes(db, sourcesImport, 's.csv', Buffer.from(`id,title\n${id},Renamed\n`));
    const again = (await listSourcesWithCounts(db.kysely)).find((s) => s.id === id);
    expect(again).toMatchObject({ title: 'Renamed', synthetic: true });
    const r = await polonIn(get(), ['sources', 'add', 'test-list', '--title', 'T', '--synthetic']);
    expect(r.code).toBe(0);
    const cli = (await listSourcesWithCounts(db.kysely)).find((s) => s.id === 'test-list');
    expect(cli?.synthetic).toBe(true);
  });

  it('gives each card its known disagreement from the claims, and a stale flag past 90 days', async () => {
    const { db } = get();
    await loadPublicDataset(db);
    const claims = await loadClaims(db.kysely);
    const last = await computePublished(db.kysely, '2099-01-01', 5);
    const lastExchange = last.summary.headline.exchanges.asOf!;
    const soon = new Date(Date.parse(lastExchange) + 10 * 86_400_000).toISOString().slice(0, 10);
    const late = new Date(Date.parse(lastExchange) + 91 * 86_400_000).toISOString().slice(0, 10);
    const fresh = (await computePublished(db.kysely, soon, 5)).summary.headline;
    const stale = (await computePublished(db.kysely, late, 5)).summary.headline;
    expect(fresh.exchanges.stale).toBe(false);
    expect(stale.exchanges.stale).toBe(true);
    // The newest running total of exchanges someone published by then.
    const newest = claims
      .filter((c) => c.metric === 'exchanges_held' && c.periodStart === null && c.asOf <= soon)
      .sort((a, b) => b.asOf.localeCompare(a.asOf))[0]!;
    expect(fresh.exchanges.disagreement).toMatchObject({ value: newest.value, who: newest.who });
    // Before an estimate is published: the published figures of POWs held, as a range.
    const pow = fresh.estimatedHeld.official.pow!;
    expect(pow.figures.length).toBeGreaterThan(0);
    expect(pow.low).toBe(Math.min(...pow.figures.map((f) => f.value)));
    expect(pow.high).toBe(Math.max(...pow.figures.map((f) => f.value)));
    expect(pow.figures.every((f) => f.who && f.asOf <= soon)).toBe(true);
  });

  it('shows the published estimate, frozen with its facts, until the next publication', async () => {
    const { db } = get();
    await loadPublicAndSynthetic(db, { persons: 400, seed: 7 });
    await countSyntheticAsReal(db);
    const app = await appWith();
    const unpublished = (await app.inject('/api/public/summary')).json<PublicSummary>();
    expect(unpublished.headline.estimatedHeld).toMatchObject({ value: null, published: null });
    expect(unpublished.priorityGroups.every((g) => g.heldMissing === 'not_published')).toBe(true);
    const facilities = (await app.inject('/api/public/facilities')).json<PublicFacilities>();
    expect(facilities.facilities.every((f) => f.counts === null)).toBe(true);

    const p = await publishEstimate(db.kysely, { asOf: '2025-06-30', note: 'reviewed' }, 'ana');
    expect(p.value).toBeGreaterThan(0);
    const s = (await app.inject('/api/public/summary')).json<PublicSummary>();
    const e = s.headline.estimatedHeld;
    // Person-derived figures are rounded to the small-count threshold (protection.md).
    expect(e.value).toEqual({ value: roundTo(p.value ?? 0, 5), suppressed: false, roundedTo: 5 });
    expect(e.ci95).toEqual(p.ci95?.map((b) => roundBound(b, 5)) ?? null);
    expect(e.method).toBe(p.method);
    expect(e.asOf).toBe('2025-06-30');
    expect(e.published).toMatchObject({
      id: p.id,
      publishedAt: p.publishedAt,
      dataVersion: p.dataVersion,
      lists: p.lists,
      population: {
        seenHeld: { value: roundTo(p.population.seenHeld, 5), suppressed: false, roundedTo: 5 },
      },
    });
    // Who published it stays off the public page; so does the note.
    const body = JSON.stringify(s);
    expect(body).not.toContain('"ana"');
    expect(body).not.toContain('reviewed');
    expect(s.headline.whereabouts.known).not.toBeNull();

    // More records change nothing public until an analyst publishes again.
    await loadPublicAndSynthetic(db, { persons: 100, seed: 8 });
    await countSyntheticAsReal(db);
    const later = (await app.inject('/api/public/summary')).json<PublicSummary>();
    expect(later.headline.estimatedHeld).toEqual(e);
    const again = await publishEstimate(db.kysely, { asOf: '2025-06-30', note: 'again' }, 'ana');
    const republished = (await app.inject('/api/public/summary')).json<PublicSummary>();
    expect(republished.headline.estimatedHeld.published?.id).toBe(again.id);
    await app.close();
  });

  it('shows no per-place estimate of 0, and no place as a bare zero', async () => {
    const { db } = get();
    await loadPublicAndSynthetic(db, { persons: 300, seed: 9 });
    await countSyntheticAsReal(db);
    await publishEstimate(db.kysely, { note: 'reviewed' }, 'test');
    const app = await appWith();
    const f = (await app.inject('/api/public/facilities')).json<PublicFacilities>();
    const counted = f.facilities.filter((x) => x.counts !== null);
    expect(counted.length).toBeGreaterThan(0);
    // A place no record puts anyone in reads "<5" like the small counts beside it: a bare 0
    // there would say where the hidden people are.
    for (const x of counted) {
      expect(x.counts?.estimate?.value).not.toBe(0);
      expect(x.counts?.identified.value).not.toBe(0);
      expect(x.counts?.lastKnown.value).not.toBe(0);
    }
    await app.close();
  });

  it('audits a publication, without its note', async () => {
    const { db } = get();
    await loadPublicDataset(db);
    const p = await publishEstimate(db.kysely, { note: 'private reasoning' }, 'ana');
    const log = await db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'estimate.publish')
      .execute();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ actor: 'ana', entity: 'published_estimate', entity_id: p.id });
    expect(log[0]?.details).not.toContain('private reasoning');
  });

  it('refuses a publication without a note or for a day to come, saying what to do', async () => {
    const { db } = get();
    await expect(publishEstimate(db.kysely, { note: '  ' }, 'ana')).rejects.toThrow(
      /say in a note what was reviewed/,
    );
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await expect(publishEstimate(db.kysely, { asOf: tomorrow, note: 'x' }, 'ana')).rejects.toThrow(
      /in the future/,
    );
    const n = await db.kysely.selectFrom('published_estimates').select('id').execute();
    expect(n).toHaveLength(0);
  });

  it('lets analysts publish through the API, and no one below them', async () => {
    const { db } = get();
    await loadPublicDataset(db);
    const app = await appWith();
    const post = (s?: { cookie: string; csrf: string }) =>
      app.inject({
        method: 'POST',
        url: '/api/estimates/publish',
        headers: s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {},
        payload: { note: 'reviewed' },
      });
    expect((await post()).statusCode).toBe(401);
    expect((await post(await loginAs(app, db, 'documenter'))).statusCode).toBe(403);
    const analyst = await loginAs(app, db, 'analyst');
    const res = await post(analyst);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ publishedBy: 'test-analyst', note: 'reviewed' });
    const list = await app.inject({
      url: '/api/estimates/published',
      headers: { cookie: analyst.cookie },
    });
    expect(list.json<{ items: unknown[] }>().items).toHaveLength(1);
    await app.close();
  });

  it('`polon publish estimate` publishes and says what', async () => {
    const t = get();
    await loadPublicAndSynthetic(t.db, { persons: 200, seed: 4 });
    await countSyntheticAsReal(t.db);
    const r = await polonIn(t, ['publish', 'estimate', '--as-of', '2025-06-30', '--note', 'ok']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Published the estimate of people held as of 2025-06-30: [\d,]+/);
    expect(r.stdout).toMatch(/published by cli/);
    const bad = await polonIn(t, ['publish', 'estimate', '--as-of', '2025-02-30', '--note', 'x']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--as-of 2025-02-30/);
    const noNote = await polonIn(t, ['publish', 'estimate']);
    expect(noNote.code).not.toBe(0);
    expect(noNote.stderr).toMatch(/--note/);
  });
});
