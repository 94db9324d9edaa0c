import { expect, it } from 'vitest';
import { loginAs, TEST_PASSWORD, type LoggedIn } from '../../test/accounts.js';
import { describeEachDb } from '../../test/databases.js';
import { allows, ROLES, type Role } from '../core/access.js';
import { loadConfig } from '../config.js';
import { addAccount, updateAccount } from '../features/accounts/index.js';
import { buildApp } from './app.js';

describeEachDb('access to every route by every role', (get) => {
  it('lets each role reach exactly the routes its rank allows, and refuses the rest', async () => {
    const { db } = get();
    const app = await buildApp({ db, config: loadConfig({}) });
    const sessions = new Map<Role | 'anonymous', LoggedIn | null>([['anonymous', null]]);
    for (const role of ROLES) sessions.set(role, await loginAs(app, db, role));
    expect(app.routeTable.length).toBeGreaterThan(15);
    const checked: string[] = [];
    for (const route of app.routeTable) {
      // Logging in and out would change the sessions the matrix runs with; tested on their own.
      if (route.url === '/api/session' && route.method !== 'GET') continue;
      for (const [who, s] of sessions) {
        const role = who === 'anonymous' ? null : who;
        const res = await app.inject({
          method: route.method as 'GET',
          url: route.url.replace(/:(\w+)/g, 'no-such-$1'),
          headers: s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {},
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
        });
        const allowed = allows(route.access, role);
        if (allowed)
          expect([401, 403], `${who} ${route.method} ${route.url}`).not.toContain(res.statusCode);
        else expect(res.statusCode, `${who} ${route.method} ${route.url}`).toBe(role ? 403 : 401);
        checked.push(`${route.method} ${route.url}`);
      }
    }
    expect(new Set(checked).size).toBe(app.routeTable.length - 2);
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const { db } = get();
    const app = await buildApp({ db, config: loadConfig({}) });
    const s = await loginAs(app, db, 'documenter');
    const res = await app.inject({
      method: 'POST',
      url: '/api/records',
      headers: { cookie: s.cookie },
      payload: { source: 'x', sourceRecordId: '1', familyName: 'Тестенко' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({
      error: { code: 'forbidden', message: expect.stringContaining('x-csrf-token') as string },
    });
  });

  it('locks an account after five wrong passwords, with the same answer as a wrong name', async () => {
    const { db } = get();
    const app = await buildApp({ db, config: loadConfig({}) });
    await addAccount(db.kysely, 'locked-user', 'analyst', TEST_PASSWORD, 'test');
    const attempt = (password: string, username = 'locked-user') =>
      app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
    for (let i = 0; i < 5; i++) expect((await attempt('wrong password!!')).statusCode).toBe(401);
    const right = await attempt(TEST_PASSWORD);
    expect(right.statusCode).toBe(401);
    expect(right.json<{ error: { message: string } }>().error.message).toBe(
      (await attempt('x', 'nobody-here')).json<{ error: { message: string } }>().error.message,
    );
  });

  it('ends the sessions of a disabled account', async () => {
    const { db } = get();
    const app = await buildApp({ db, config: loadConfig({}) });
    const s = await loginAs(app, db, 'analyst');
    expect(
      (await app.inject({ url: '/api/session', headers: { cookie: s.cookie } })).statusCode,
    ).toBe(200);
    await updateAccount(db.kysely, 'test-analyst', { disabled: true }, 'test');
    expect(
      (await app.inject({ url: '/api/session', headers: { cookie: s.cookie } })).statusCode,
    ).toBe(401);
  });
});
