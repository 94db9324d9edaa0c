import { URI, type TOTP } from 'otpauth';
import { expect, it } from 'vitest';
import { TEST_PASSWORD } from '../../../test/accounts.js';
import { describeEachDb } from '../../../test/databases.js';
import { loadConfig } from '../../config.js';
import { buildApp } from '../../server/index.js';
import { addAccount } from './accounts.repository.js';
import { enrolTotp, removeTotp } from './totp.js';

const STEP_MS = 30_000;

describeEachDb('two-factor login (TOTP)', (get) => {
  async function enrolled() {
    const { db } = get();
    const app = await buildApp({ db, config: loadConfig({}) });
    await addAccount(db.kysely, 'two-factor', 'analyst', TEST_PASSWORD, 'test');
    const { uri } = await enrolTotp(db.kysely, 'two-factor', 'test');
    const totp = URI.parse(uri) as TOTP;
    const login = (extra: Record<string, string> = {}) =>
      app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { username: 'two-factor', password: TEST_PASSWORD, ...extra },
      });
    return { db, app, totp, uri, login };
  }

  it('enrols with an otpauth:// URI for an authenticator app', async () => {
    const { uri, totp } = await enrolled();
    expect(uri).toMatch(/^otpauth:\/\/totp\/Polon:two-factor\?.*secret=[A-Z2-7]{32}/);
    expect(totp).toMatchObject({ issuer: 'Polon', digits: 6, period: 30 });
  });

  it('logs in only with the password and the current code, and each code only once', async () => {
    const { login, totp } = await enrolled();
    const missing = await login();
    expect(missing.statusCode).toBe(401);
    expect(missing.json<{ error: { message: string } }>().error.message).toMatch(/one-time code/);
    expect(missing.cookies).toEqual([]);

    // A code from an hour ago is outside the one-step window.
    const stale = totp.generate({ timestamp: Date.now() - 120 * STEP_MS });
    expect((await login({ totp: stale })).statusCode).toBe(401);
    expect((await login({ totp: 'abcdef' })).statusCode).toBe(401);

    const code = totp.generate();
    const ok = await login({ totp: code });
    expect(ok.statusCode).toBe(200);
    expect(ok.cookies.map((c) => c.name)).toContain('polon_session');
    expect((await login({ totp: code })).statusCode).toBe(401);
  });

  it('counts a wrong or missing code toward the lockout', async () => {
    const { login, totp } = await enrolled();
    for (let i = 0; i < 4; i++) expect((await login()).statusCode).toBe(401);
    const old = totp.generate({ timestamp: Date.now() - 120 * STEP_MS });
    expect((await login({ totp: old })).statusCode).toBe(401);
    // The fifth failure locked the account: even a right code is refused now.
    expect((await login({ totp: totp.generate() })).statusCode).toBe(401);
  });

  it('never writes the secret to the audit log, and password-only login returns when it is removed', async () => {
    const { db, login, totp } = await enrolled();
    const secret = totp.secret.base32;
    await login();
    const audit = await db.kysely.selectFrom('audit_log').selectAll().execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['user.add', 'user.totp', 'login.failed']),
    );
    expect(JSON.stringify(audit)).not.toContain(secret);
    await removeTotp(db.kysely, 'two-factor', 'test');
    expect((await login()).statusCode).toBe(200);
  });
});
