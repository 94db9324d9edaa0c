import { URI, type TOTP } from 'otpauth';
import { expect, it } from 'vitest';
import { TEST_PASSWORD } from '../../../test/accounts.js';
import { describeEachDb } from '../../../test/databases.js';
import { loadConfig } from '../../config.js';
import { buildApp } from '../../server/index.js';
import { addAccount, login, MAX_FAILED_LOGINS } from './accounts.repository.js';
import { enrolTotp } from './totp.js';

const outcome = (p: Promise<unknown>): Promise<'ok' | 'refused'> =>
  p.then(
    () => 'ok' as const,
    () => 'refused' as const,
  );

describeEachDb('login under parallel attempts', (get) => {
  it('locks the account after parallel wrong passwords, so the right one is refused', async () => {
    const { db } = get();
    await addAccount(db.kysely, 'target', 'analyst', TEST_PASSWORD, 'test');
    const wrong = Array.from({ length: 2 * MAX_FAILED_LOGINS }, (_, i) =>
      outcome(login(db.kysely, 'target', `wrong guess number ${i}`)),
    );
    expect(new Set(await Promise.all(wrong))).toEqual(new Set(['refused']));
    expect(await outcome(login(db.kysely, 'target', TEST_PASSWORD))).toBe('refused');
    // At most MAX_FAILED_LOGINS guesses were checked: the rest met the lock.
    const audit = await db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'login%')
      .execute();
    expect(audit.length).toBeLessThanOrEqual(MAX_FAILED_LOGINS);
    expect(audit.map((a) => a.action)).toContain('login.locked');
  });

  it('refuses the right password over HTTP after nine parallel wrong ones', async () => {
    const { db } = get();
    const app = await buildApp({ db, config: loadConfig({}) });
    await addAccount(db.kysely, 'target', 'analyst', TEST_PASSWORD, 'test');
    const attempt = (password: string) =>
      app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { username: 'target', password },
      });
    const wrong = await Promise.all(
      Array.from({ length: 9 }, (_, i) => attempt(`wrong guess number ${i}`)),
    );
    expect(wrong.map((r) => r.statusCode)).toEqual(Array<number>(9).fill(401));
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(401);
  });

  it('locks the account after parallel wrong one-time codes', async () => {
    const { db } = get();
    await addAccount(db.kysely, 'two-factor', 'analyst', TEST_PASSWORD, 'test');
    const totp = URI.parse((await enrolTotp(db.kysely, 'two-factor', 'test')).uri) as TOTP;
    const good = totp.generate();
    const bad = String((Number(good) + 1) % 1_000_000).padStart(6, '0');
    const wrong = Array.from({ length: 2 * MAX_FAILED_LOGINS }, () =>
      outcome(login(db.kysely, 'two-factor', TEST_PASSWORD, new Date(), bad)),
    );
    expect(new Set(await Promise.all(wrong))).toEqual(new Set(['refused']));
    expect(await outcome(login(db.kysely, 'two-factor', TEST_PASSWORD, new Date(), good))).toBe(
      'refused',
    );
  });

  it('opens exactly one session for one one-time code sent in parallel', async () => {
    const { db } = get();
    await addAccount(db.kysely, 'two-factor', 'analyst', TEST_PASSWORD, 'test');
    const totp = URI.parse((await enrolTotp(db.kysely, 'two-factor', 'test')).uri) as TOTP;
    const code = totp.generate();
    const tries = await Promise.all(
      Array.from({ length: 4 }, () =>
        outcome(login(db.kysely, 'two-factor', TEST_PASSWORD, new Date(), code)),
      ),
    );
    expect(tries.filter((t) => t === 'ok')).toHaveLength(1);
    const sessions = await db.kysely.selectFrom('sessions').select('account_id').execute();
    expect(sessions).toHaveLength(1);
  });
});
