import { expect, it } from 'vitest';
import { describeEachDb, type TestDb } from '../../../test/databases.js';
import { importBytes } from '../imports/index.js';
import { episodesImport, eventsImport, personsImport, recordId } from '../persons/index.js';
import { loadPublicDataset } from '../public-data/index.js';
import { sourcesImport } from '../sources/index.js';
import { estimateCaptivity } from './captivity.service.js';

/** Two lists that see 60 and 50 of 100 held people independently, 30 on both (20 on neither); 10 more released. */
async function seed(t: TestDb, link: boolean) {
  await loadPublicDataset(t.db);
  await importBytes(
    t.db,
    sourcesImport,
    's.csv',
    Buffer.from('id,title\nlist-a,Synthetic list A\nlist-b,Synthetic list B\n'),
  );
  const persons = ['source,record_id,family_name,given_name,birth_date,category'];
  const events = ['source,record_id,kind,date'];
  const episodes = ['source,record_id,facility,from'];
  const onA = (i: number) => i < 60;
  const onB = (i: number) => i >= 30 && i < 80;
  for (let i = 0; i < 110; i++) {
    const lists = [onA(i) || i >= 100 ? 'list-a' : null, onB(i) ? 'list-b' : null].filter(
      (x): x is string => x !== null,
    );
    for (const l of lists) {
      persons.push(`${l},P${i},Синтетичний${i},Іван,${1960 + (i % 40)},military`);
      events.push(`${l},P${i},captured,2022-0${1 + (i % 9)}`);
      if (i >= 100) events.push(`${l},P${i},released,2024-12-30`);
      if (i % 10 === 0) episodes.push(`${l},P${i},taganrog-sizo-2,2025-09`);
    }
  }
  for (const [kind, lines] of [
    [personsImport, persons],
    [eventsImport, events],
    [episodesImport, episodes],
  ] as const) {
    await importBytes(t.db, kind as never, 'x.csv', Buffer.from(lines.join('\n')));
  }
  if (link) {
    // Stand-in for linkage: the same P-number in both lists is one person.
    for (let i = 0; i < 110; i++) {
      await t.db.kysely
        .insertInto('persons')
        .values({ id: `person-${i}`, created_at: 'now', updated_at: 'now' })
        .execute();
      await t.db.kysely
        .updateTable('records')
        .set({ person_id: `person-${i}` })
        .where('id', 'in', [recordId('list-a', `P${i}`), recordId('list-b', `P${i}`)])
        .execute();
    }
  }
}

describeEachDb('estimating captivity', (get) => {
  it('adds the unseen from MSE to the seen, with an interval, and finds the whereabouts gap', async () => {
    const t = get();
    await seed(t, true);
    const e = await estimateCaptivity(t.db.kysely, '2025-11-01');
    expect(e.basis).toBe('persons');
    expect(e.seen).toMatchObject({ entered: 90, released: 10, held: 80 });
    expect(e.mse?.lists).toEqual(['list-a', 'list-b']);
    // The overlap table comes back with the estimate, for the workspace's model table.
    expect(Object.values(e.mse?.histories ?? {}).reduce((a, b) => a + b, 0)).toBe(e.mse?.nObserved);
    // Lincoln–Petersen: 60 × 50 / 30 = 100 (the independence model with two lists).
    expect(e.mse?.N).toBeCloseTo(100, 0);
    expect(e.estimatedHeld.method).toBe('mse');
    expect(e.estimatedHeld.ci95?.[0]).toBeLessThan(100);
    expect(e.whereabouts.known).toBe(8);
    expect(e.whereabouts.gap).toBe(e.estimatedHeld.value - 8);
    expect(e.facilities[0]).toMatchObject({ facilityId: 'taganrog-sizo-2', identified: 8 });
  });

  it('quotes the latent-class estimate (LCMCR) when asked, beside the log-linear one', async () => {
    const t = get();
    await seed(t, true);
    const e = await estimateCaptivity(
      t.db.kysely,
      '2025-11-01',
      183,
      false,
      undefined,
      undefined,
      undefined,
      'lcmcr',
    );
    expect(e.estimatedHeld.method).toBe('lcmcr');
    expect(e.mse?.N).toBeCloseTo(100, 0);
    const l = e.lcmcr;
    expect(l).not.toBeNull();
    // Two independent lists: one class explains them, so LCMCR lands near Lincoln–Petersen.
    expect(l!.N).toBeGreaterThan(85);
    expect(l!.N).toBeLessThan(125);
    expect(l!.ci95[0]).toBeGreaterThanOrEqual(80);
    expect(l!.ci95[0]).toBeLessThan(l!.N);
    expect(l!.ci95[1]).toBeGreaterThan(l!.N);
    expect(e.estimatedHeld.value).toBe(Math.round(l!.N));
    expect(l!.histogram.reduce((s, b) => s + b.draws, 0)).toBe(
      l!.settings.chains * l!.settings.samples,
    );
  });

  it('leaves records without a birth date off the MSE lists unless asked, and says so', async () => {
    const t = get();
    await seed(t, true);
    await t.db.kysely
      .updateTable('records')
      .set({ birth_date: null })
      .where('source_id', '=', 'list-b')
      .execute();
    const e = await estimateCaptivity(t.db.kysely, '2025-11-01');
    expect(e.mse).toBeNull();
    expect(e.caveats.map((c) => c.code)).toEqual(['thin_records', 'single_source']);
    expect(e.caveats[0]?.message).toMatch(/50 records lack a full name or a birth date/);
    const all = await estimateCaptivity(t.db.kysely, '2025-11-01', 183, true);
    expect(all.mse?.N).toBeCloseTo(100, 0);
  });

  it('says plainly when records are not linked yet, and does not run MSE on them', async () => {
    const t = get();
    await seed(t, false);
    const e = await estimateCaptivity(t.db.kysely, '2025-11-01');
    expect(e.basis).toBe('records');
    expect(e.mse).toBeNull();
    expect(e.caveats.map((c) => c.code)).toContain('not_linked');
  });

  it('widens the interval to hold the reading in which undecided linkage pairs are one person', async () => {
    const t = get();
    await seed(t, true);
    // Linkage kept ten people seen by both lists apart but could not decide: their list-b
    // records are persons of their own, and the pairs wait in the review queue.
    for (let i = 30; i < 40; i++) {
      await t.db.kysely
        .insertInto('persons')
        .values({ id: `person-${i}-b`, created_at: 'now', updated_at: 'now' })
        .execute();
      await t.db.kysely
        .updateTable('records')
        .set({ person_id: `person-${i}-b` })
        .where('id', '=', recordId('list-b', `P${i}`))
        .execute();
      await t.db.kysely
        .insertInto('review_pairs')
        .values({
          a_record_id: recordId('list-a', `P${i}`),
          b_record_id: recordId('list-b', `P${i}`),
          probability: 0.6,
          reason: 'synthetic',
          levels: '{}',
          created_at: 'now',
        })
        .execute();
    }
    const e = await estimateCaptivity(t.db.kysely, '2025-11-01');
    // Apart: 60 × 50 / 20 = 150; joined: 60 × 50 / 30 = 100.
    expect(e.mse?.N).toBeCloseTo(150, 0);
    const other = e.mse?.ifUndecidedLinked;
    expect(other).toMatchObject({ pairs: 10, held: 80 });
    expect(other?.N).toBeCloseTo(100, 0);
    const [lo, hi] = e.estimatedHeld.ci95 ?? [null, null];
    expect(lo).toBe(other?.ci95?.[0]);
    expect(hi).toBe(e.mse?.ci95?.[1]);
    expect(lo ?? Infinity).toBeLessThan(100);

    // Once reviewers decide, the doubt is gone and the interval is the model's own.
    await t.db.kysely.updateTable('review_pairs').set({ decision: 'non_match' }).execute();
    const decided = await estimateCaptivity(t.db.kysely, '2025-11-01');
    expect(decided.mse?.ifUndecidedLinked).toBeNull();
    expect(decided.estimatedHeld.ci95).toEqual(decided.mse?.ci95);
  });
});
