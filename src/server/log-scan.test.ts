import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { loginAs } from '../../test/accounts.js';
import { describeEachDb, type TestDb } from '../../test/databases.js';
import { runCli } from '../cli/run-cli.js';
import { loadConfig } from '../config.js';
import { loadPublicDataset } from '../features/public-data/index.js';
import { createLogger } from '../logger.js';
import { buildApp } from './app.js';

/** Synthetic personal values: none of them may reach a log line or an error message. */
const PERSONAL = {
  family: 'Зорянченко',
  given: 'Остапій',
  patronymic: 'Мирославович',
  latin: 'Zorianchenko',
  birth: '1987-11-23',
  badBirth: '31.02.1987',
  contact: '+380 67 555 01 23',
  note: 'бачив його в камері з братом',
  sourceRecordId: 'WITNESS-88231',
  password: 'Зорянченко пароль 1987',
};
const values = Object.values(PERSONAL);

function memoryLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(chunk.toString('utf8'));
      cb();
    },
  });
  return { logger: createLogger('trace', stream), lines };
}

const leaks = (where: string, text: string): string[] =>
  values
    .filter((v) => text.toLowerCase().includes(v.toLowerCase()))
    .map((v) => `${where}: …${v.slice(0, 3)}`);

function cliEnv(t: TestDb): NodeJS.ProcessEnv {
  return t.config.databaseUrl
    ? { DATABASE_URL: t.config.databaseUrl, POLON_PG_SCHEMA: t.config.pgSchema }
    : { POLON_DB: t.config.dbPath };
}

describeEachDb('logs and error messages carry no personal data', (get) => {
  it('keeps personal values out of logs and errors of bad imports, failed logins, searches and a crash', async () => {
    const t = get();
    await loadPublicDataset(t.db);
    const { logger, lines } = memoryLogger();
    const app = await buildApp({ db: t.db, config: loadConfig({}), logger });
    // A route that fails the way a database error does: with the values in its message and detail.
    app.get('/api/test-crash', { config: { access: 'public' } }, () => {
      const err = new Error(
        `duplicate key value violates unique constraint "records_pkey": ${PERSONAL.family} ${PERSONAL.birth}`,
      ) as Error & { detail: string; code: string };
      err.detail = `Key (family_name, birth_date)=(${PERSONAL.family}, ${PERSONAL.birth}) already exists.`;
      err.code = '23505';
      throw err;
    });
    const found: string[] = [];
    const documenter = await loginAs(app, t.db, 'analyst');
    const headers = { cookie: documenter.cookie, 'x-csrf-token': documenter.csrf };

    const post = (kind: string, rows: object[]) =>
      app.inject({ method: 'POST', url: `/api/imports/${kind}`, headers, payload: { rows } });
    expect(
      (await post('sources', [{ id: 'witnesses', title: 'Synthetic witnesses' }])).statusCode,
    ).toBe(200);
    const bad = await post('persons', [
      {
        source: 'witnesses',
        record_id: PERSONAL.sourceRecordId,
        family_name: PERSONAL.family,
        given_name: PERSONAL.given,
        patronymic: PERSONAL.patronymic,
        birth_date: PERSONAL.badBirth,
        relatives_contact: PERSONAL.contact,
        notes: PERSONAL.note,
        sex: PERSONAL.latin,
      },
    ]);
    expect(bad.statusCode).toBe(400);
    found.push(...leaks('import API response', bad.body));

    const login = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'test-analyst', password: PERSONAL.password },
    });
    expect(login.statusCode).toBe(401);
    found.push(...leaks('login response', login.body));

    for (const q of [PERSONAL.family, PERSONAL.latin]) {
      const search = await app.inject({
        url: `/api/persons/search?q=${encodeURIComponent(q)}`,
        headers,
      });
      expect(search.statusCode).toBe(200);
    }

    const crash = await app.inject({ url: '/api/test-crash' });
    expect(crash.statusCode).toBe(500);
    expect(crash.json()).toMatchObject({ error: { code: 'internal' } });
    found.push(...leaks('500 response', crash.body));

    // The same bad rows from a file, through the command line.
    const dir = mkdtempSync(join(tmpdir(), 'polon-logscan-'));
    const csv = join(dir, 'persons.csv');
    writeFileSync(
      csv,
      `source,record_id,family_name,given_name,birth_date,relatives_contact,notes\nwitnesses,${PERSONAL.sourceRecordId},${PERSONAL.family},${PERSONAL.given},${PERSONAL.badBirth},${PERSONAL.contact},${PERSONAL.note}\nnowhere,X2,${PERSONAL.latin},${PERSONAL.given},${PERSONAL.birth}x,,\n`,
    );
    let out = '';
    const code = await runCli(['import', 'persons', csv], {
      stdout: (s) => (out += s),
      stderr: (s) => (out += s),
      env: cliEnv(t),
    });
    expect(code).toBe(2);
    expect(out).toMatch(/birth_date/);
    found.push(...leaks('polon import', out));

    await app.close();
    // The scan is only worth something if the crash and the requests were logged at all.
    // Decoded, so that a name written URL-encoded into a log line is found too.
    const log = decodeURIComponent(lines.join(''));
    expect(log).toMatch(/unhandled error/);
    expect(log).toMatch(/23505/);
    expect(log).toMatch(/\/api\/persons\/search/);
    found.push(...leaks('log', log));
    expect(found).toEqual([]);
  });
});
