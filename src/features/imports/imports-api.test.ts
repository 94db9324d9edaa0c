import { expect, it } from 'vitest';
import { loginAs } from '../../../test/accounts.js';
import { describeEachDb } from '../../../test/databases.js';
import { tableCounts } from '../../../test/table-counts.js';
import { loadConfig } from '../../config.js';
import { buildApp } from '../../server/index.js';
import { recordId } from '../persons/index.js';
import { loadPublicDataset } from '../public-data/index.js';

describeEachDb('imports through the API', (get) => {
  async function setup() {
    const { db } = get();
    await loadPublicDataset(db);
    const app = await buildApp({ db, config: loadConfig({}) });
    const analyst = await loginAs(app, db, 'analyst');
    const headers = { cookie: analyst.cookie, 'x-csrf-token': analyst.csrf };
    const post = (kind: string, rows: object[], query = '') =>
      app.inject({
        method: 'POST',
        url: `/api/imports/${kind}${query}`,
        headers,
        payload: { rows },
      });
    expect(
      (await post('sources', [{ id: 'testimonies', title: 'Synthetic testimonies' }])).statusCode,
    ).toBe(200);
    expect(
      (await post('persons', [{ source: 'testimonies', record_id: 'T1', family_name: 'Тестенко' }]))
        .statusCode,
    ).toBe(200);
    return { db, app, headers, post };
  }

  it('adds events and episodes, previews a dry run, and updates a repeated row', async () => {
    const { db, app, headers, post } = await setup();
    const event = {
      source: 'testimonies',
      record_id: 'T1',
      event_id: 'e1',
      kind: 'captured',
      date: '2022-03',
    };
    const dry = await post('events', [event], '?dryRun=true');
    expect(dry.json()).toMatchObject({ dryRun: true, inserted: 1 });
    expect((await tableCounts(db)).events).toBe(0);
    expect((await post('events', [event])).json()).toMatchObject({ inserted: 1 });
    expect((await post('events', [{ ...event, date: '2022-04-02' }])).json()).toMatchObject({
      updated: 1,
    });
    const listed = await app.inject({
      url: `/api/events?recordId=${recordId('testimonies', 'T1')}`,
      headers,
    });
    expect(listed.json()).toMatchObject({ events: [{ kind: 'captured', date: '2022-04-02' }] });
    const ep = await post('episodes', [
      { source: 'testimonies', record_id: 'T1', facility: 'Таганрозьке СІЗО', from: '2022-04' },
    ]);
    expect(ep.json()).toMatchObject({ inserted: 1 });
  });

  it('answers bad rows with a 400 listing every problem, and writes nothing', async () => {
    const { db, post } = await setup();
    const before = await tableCounts(db);
    const res = await post('events', [
      { source: 'testimonies', record_id: 'T1', kind: 'flew away', date: '2022' },
      { source: 'testimonies', record_id: 'T1', kind: 'captured', date: '31.02.2022' },
    ]);
    expect(res.statusCode).toBe(400);
    const problems = res.json<{
      error: { details: { problems: { row: number; column: string }[] } };
    }>().error.details.problems;
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [1, 'kind'],
      [2, 'date'],
    ]);
    expect(await tableCounts(db)).toEqual(before);
  });
});
