import { expect, it } from 'vitest';
import { loginAs } from '../../../test/accounts.js';
import { describeEachDb } from '../../../test/databases.js';
import { loadConfig } from '../../config.js';
import { buildApp } from '../../server/index.js';
import { importBytes } from '../imports/index.js';
import { personsImport } from '../persons/index.js';

describeEachDb('the source registry through the API', (get) => {
  it('a documenter registers a source, imports into it and sees its records counted', async () => {
    const { db } = get();
    const app = await buildApp({ db, config: loadConfig({}) });
    const s = await loginAs(app, db, 'documenter');
    const post = (payload: unknown) =>
      app.inject({
        method: 'POST',
        url: '/api/sources',
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
        payload: payload as Record<string, unknown>,
      });
    const created = await post({
      id: 'kherson-hotline',
      title: 'Hotline list (synthetic)',
      reliability: 'b',
      credibility: 3,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      id: 'kherson-hotline',
      reliability: 'B',
      credibility: 3,
      records: 0,
    });

    const twice = await post({ id: 'kherson-hotline', title: 'Again' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json<{ error: { message: string } }>().error.message).toContain(
      '--source kherson-hotline',
    );
    const bad = await post({ id: 'has spaces', title: '', credibility: 9 });
    expect(bad.statusCode).toBe(400);

    await importBytes(
      db,
      personsImport,
      'list.csv',
      Buffer.from('Прізвище,Імя\nТестенко,Іван\nПримеров,Петро\n'),
      {
        source: 'kherson-hotline',
      },
    );
    const list = await app.inject({
      method: 'GET',
      url: '/api/sources',
      headers: { cookie: s.cookie },
    });
    expect(list.statusCode).toBe(200);
    expect(list.json<{ sources: { id: string; records: number }[] }>().sources).toEqual([
      expect.objectContaining({ id: 'kherson-hotline', records: 2 }),
    ]);
    const anonymous = await app.inject({ method: 'GET', url: '/api/sources' });
    expect(anonymous.statusCode).toBe(401);
    const audit = await db.kysely
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('action', '=', 'source.create')
      .execute();
    expect(audit).toEqual([{ action: 'source.create', entity_id: 'kherson-hotline' }]);
    await app.close();
  });
});
