import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { loginAs } from '../../test/accounts.js';
import { describeEachDb } from '../../test/databases.js';
import { loadConfig } from '../config.js';
import { importBytes } from '../features/imports/index.js';
import { sourcesImport } from '../features/sources/index.js';
import { createLogger } from '../logger.js';
import { buildApp } from './app.js';

describeEachDb('record ids in logged URLs', (get) => {
  it('logs a request for /api/records/:id without the id', async () => {
    const { db } = get();
    await importBytes(db, sourcesImport, 's.csv', Buffer.from('id,title\ntestimonies,Synthetic\n'));
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, cb) {
        lines.push(chunk.toString('utf8'));
        cb();
      },
    });
    const app = await buildApp({
      db,
      config: loadConfig({}),
      logger: createLogger('info', stream),
    });
    const s = await loginAs(app, db, 'documenter');
    const headers = { cookie: s.cookie, 'x-csrf-token': s.csrf };
    const created = await app.inject({
      method: 'POST',
      url: '/api/records',
      headers,
      payload: { source: 'testimonies', sourceRecordId: 'T-7', familyName: 'Тестенко' },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: string }>().id;
    const read = await app.inject({ url: `/api/records/${id}`, headers });
    expect(read.statusCode).toBe(200);
    await app.close();
    const logged = lines.join('');
    expect(logged).toContain('/api/records/');
    expect(logged).not.toContain(id);
    expect(logged).not.toContain(id.replace(/^rec_/, ''));
  });
});
