import { createHmac, hash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { polonIn } from '../../../test/cli.js';
import { describeEachDb } from '../../../test/databases.js';
import { runCli } from '../../cli/run-cli.js';
import { useIdKey } from '../../core/id-key.js';
import { derivedId, recordId } from './record-id.js';

const KEY = 'an id key kept beside, not inside, the database';

describe('record ids under POLON_ID_KEY', () => {
  afterEach(() => useIdKey(undefined));

  it('cannot be recomputed from the source and its record number without the key', () => {
    useIdKey(KEY);
    const id = recordId('ua-register', '123456');
    const plain = hash('sha256', 'ua-register\u0000123456', 'hex').slice(0, 24);
    const otherKey = createHmac('sha256', 'another key of the same length, no')
      .update('ua-register\u0000123456')
      .digest('hex')
      .slice(0, 24);
    expect(id).toMatch(/^rec_[0-9a-f]{24}$/);
    expect(id).not.toBe(`rec_${plain}`);
    expect(id).not.toBe(`rec_${otherKey}`);
    expect(recordId('ua-register', '123456')).toBe(id);
    expect(derivedId('evt', ['ua-register', 'E-1'])).not.toBe(
      `evt_${hash('sha256', 'ua-register\u0000E-1', 'hex').slice(0, 24)}`,
    );
  });
});

describeEachDb('imports under POLON_ID_KEY', (get) => {
  afterEach(() => useIdKey(undefined));

  function files() {
    const dir = mkdtempSync(join(tmpdir(), 'polon-idkey-'));
    writeFileSync(join(dir, 'sources.csv'), 'id,title\nua-register,Synthetic register\n');
    writeFileSync(
      join(dir, 'persons.csv'),
      'record_id,source,family_name,given_name,birth_date\nA-1,ua-register,Тестенко,Іван,1980-01-02\nA-2,ua-register,Прикладенко,Петро,1981-02-03\n',
    );
    return dir;
  }

  async function withKey(key: string | undefined, ...args: string[]) {
    const t = get();
    let out = '';
    const env: NodeJS.ProcessEnv = t.config.databaseUrl
      ? { DATABASE_URL: t.config.databaseUrl, POLON_PG_SCHEMA: t.config.pgSchema }
      : { POLON_DB: t.config.dbPath };
    if (key) env.POLON_ID_KEY = key;
    const code = await runCli(args, {
      stdout: (s) => (out += s),
      stderr: (s) => (out += s),
      env,
    });
    return { code, out };
  }

  it('keys the ids of a fresh database, and a re-import finds the same records', async () => {
    const dir = files();
    expect((await withKey(KEY, 'import', 'sources', join(dir, 'sources.csv'))).code).toBe(0);
    for (let i = 0; i < 2; i++)
      expect((await withKey(KEY, 'import', 'persons', join(dir, 'persons.csv'))).code).toBe(0);
    const ids = (await get().db.kysely.selectFrom('records').select('id').execute()).map(
      (r) => r.id,
    );
    expect(ids).toHaveLength(2);
    useIdKey(KEY);
    expect(ids.sort()).toEqual(
      [recordId('ua-register', 'A-1'), recordId('ua-register', 'A-2')].sort(),
    );
    useIdKey(undefined);
    expect(ids).not.toContain(recordId('ua-register', 'A-1'));
  });

  it('refuses another key, or none, once the ids are keyed', async () => {
    const dir = files();
    expect((await withKey(KEY, 'import', 'sources', join(dir, 'sources.csv'))).code).toBe(0);
    expect((await withKey(KEY, 'import', 'persons', join(dir, 'persons.csv'))).code).toBe(0);
    const other = await withKey(
      'another key of sixteen chars',
      'import',
      'persons',
      join(dir, 'persons.csv'),
    );
    expect(other.code).toBe(2);
    expect(other.out).toMatch(/POLON_ID_KEY/);
    const none = await withKey(undefined, 'import', 'persons', join(dir, 'persons.csv'));
    expect(none.code).toBe(2);
    expect(none.out).toMatch(/POLON_ID_KEY/);
  });

  it('leaves a database of unkeyed ids as it is, and refuses a key on it', async () => {
    const dir = files();
    const t = get();
    expect((await polonIn(t, ['import', 'sources', join(dir, 'sources.csv')])).code).toBe(0);
    expect((await polonIn(t, ['import', 'persons', join(dir, 'persons.csv')])).code).toBe(0);
    expect((await polonIn(t, ['import', 'persons', join(dir, 'persons.csv')])).code).toBe(0);
    const keyed = await withKey(KEY, 'import', 'persons', join(dir, 'persons.csv'));
    expect(keyed.code).toBe(2);
    expect(keyed.out).toMatch(/without POLON_ID_KEY/);
  });
});
