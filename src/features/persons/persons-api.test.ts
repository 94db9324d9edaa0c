import { expect, it } from 'vitest';
import { loginAs } from '../../../test/accounts.js';
import { describeEachDb } from '../../../test/databases.js';
import { loadConfig } from '../../config.js';
import { buildApp } from '../../server/index.js';
import { importBytes } from '../imports/index.js';
import { sourcesImport } from '../sources/index.js';

describeEachDb('records through the API', (get) => {
  async function setup() {
    const { db } = get();
    await importBytes(
      db,
      sourcesImport,
      's.csv',
      Buffer.from('id,title\ntestimonies,Synthetic testimonies\n'),
    );
    const app = await buildApp({ db, config: loadConfig({}) });
    const s = await loginAs(app, db, 'documenter');
    const headers = { cookie: s.cookie, 'x-csrf-token': s.csrf };
    return { db, app, headers };
  }

  it('creates, reads and corrects a record, auditing each step', async () => {
    const { db, app, headers } = await setup();
    const created = await app.inject({
      method: 'POST',
      url: '/api/records',
      headers,
      payload: {
        source: 'testimonies',
        sourceRecordId: 'T-7',
        familyName: 'Тестенко',
        givenName: 'Іван',
        birthDate: '~1970',
        sex: 'male',
        seriouslyIllOrWounded: true,
      },
    });
    expect(created.statusCode).toBe(201);
    const rec = created.json<{
      id: string;
      birthDate: string;
      birthPrecision: string;
      nameScript: string;
    }>();
    expect(rec).toMatchObject({
      birthDate: '1970',
      birthPrecision: 'approx',
      nameScript: 'cyrillic',
    });
    expect(rec.id).not.toContain('T-7');

    const again = await app.inject({
      method: 'POST',
      url: '/api/records',
      headers,
      payload: { source: 'testimonies', sourceRecordId: 'T-7', familyName: 'X' },
    });
    expect(again.statusCode).toBe(409);

    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/records/${rec.id}`,
      headers,
      payload: { category: 'civilian' },
    });
    expect(patched.json()).toMatchObject({
      category: 'civilian',
      birthDate: '1970',
      birthPrecision: 'approx',
      familyName: 'Тестенко',
    });

    const read = await app.inject({ url: `/api/records/${rec.id}`, headers });
    expect(read.json()).toMatchObject({ record: { id: rec.id }, events: [], episodes: [] });
    const actions = (
      await db.kysely.selectFrom('audit_log').select(['action', 'actor']).orderBy('seq').execute()
    ).map((a) => `${a.actor}:${a.action}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'test-documenter:record.create',
        'test-documenter:record.update',
        'test-documenter:read',
      ]),
    );
  });

  it('rejects a date that does not exist with the field name and no echo of the value', async () => {
    const { app, headers } = await setup();
    const res = await app.inject({
      method: 'POST',
      url: '/api/records',
      headers,
      payload: {
        source: 'testimonies',
        sourceRecordId: 'T-8',
        familyName: 'Тестенко',
        birthDate: '31.02.1970',
      },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ error: { details: { problems: { column: string }[] } } }>();
    expect(body.error.details.problems[0]?.column).toBe('birthDate');
    expect(res.body).not.toContain('31.02.1970');
  });

  it('refuses a record from an unregistered source', async () => {
    const { app, headers } = await setup();
    const res = await app.inject({
      method: 'POST',
      url: '/api/records',
      headers,
      payload: { source: 'nowhere', sourceRecordId: '1', familyName: 'Тестенко' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('not registered');
  });

  it('refuses an empty correction, which would return the whole record without changing it', async () => {
    const { db, app, headers } = await setup();
    const created = await app.inject({
      method: 'POST',
      url: '/api/records',
      headers,
      payload: { source: 'testimonies', sourceRecordId: 'T-9', familyName: 'Тестенко' },
    });
    const { id } = created.json<{ id: string }>();
    const audited = async () =>
      (await db.kysely.selectFrom('audit_log').select('seq').execute()).length;
    const before = await audited();
    for (const payload of [{}, { noSuchField: 'x' }]) {
      const res = await app.inject({
        method: 'PATCH',
        url: `/api/records/${id}`,
        headers,
        payload,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        error: {
          code: 'invalid_input',
          message: expect.stringContaining('at least one') as string,
        },
      });
      expect(res.body).not.toContain('Тестенко');
    }
    expect(await audited()).toBe(before);
  });
});
