import type { FastifyInstance } from 'fastify';
import type { Role } from '../src/core/access.js';
import type { Db } from '../src/db/index.js';
import { addAccount } from '../src/features/accounts/index.js';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface LoggedIn {
  cookie: string;
  csrf: string;
}

/** Adds an account of the role and logs it in through the API. */
export async function loginAs(app: FastifyInstance, db: Db, role: Role): Promise<LoggedIn> {
  await addAccount(db.kysely, `test-${role}`, role, TEST_PASSWORD, 'test');
  const res = await app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { username: `test-${role}`, password: TEST_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`login as ${role} failed: ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'polon_session');
  if (!cookie) throw new Error('no session cookie');
  return {
    cookie: `polon_session=${cookie.value}`,
    csrf: res.json<{ csrfToken: string }>().csrfToken,
  };
}
