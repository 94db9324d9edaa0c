import { expect, it } from 'vitest';
import { TEST_PASSWORD } from '../../test/accounts.js';
import { describeEachDb } from '../../test/databases.js';
import { loadConfig } from '../config.js';
import { addAccount } from '../features/accounts/index.js';
import { buildApp } from './app.js';

describeEachDb('client address, login limits and TLS behind a proxy', (get) => {
  const setUp = async (env: Record<string, string> = {}) => {
    const { db } = get();
    const app = await buildApp({ db, config: loadConfig(env) });
    const exists = await db.kysely.selectFrom('accounts').select('id').executeTakeFirst();
    if (!exists) await addAccount(db.kysely, 'someone', 'viewer', TEST_PASSWORD, 'test');
    const login = (client: string, username = 'someone', password = TEST_PASSWORD) =>
      app.inject({
        method: 'POST',
        url: '/api/session',
        headers: { 'x-forwarded-for': client },
        payload: { username, password },
      });
    return { app, login };
  };

  it('limits logins per client behind a trusted proxy, so one client does not block the others', async () => {
    const { login } = await setUp({ POLON_TRUST_PROXY: '1' });
    let last;
    for (let i = 0; i < 11; i++) last = await login('203.0.113.7', `ghost-${i}`, 'wrong password!');
    expect(last?.statusCode).toBe(429);
    expect(last?.json()).toMatchObject({ error: { code: 'rate_limited' } });
    expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login('198.51.100.9')).statusCode).toBe(200);
  });

  it('ignores X-Forwarded-For unless told to trust a proxy, so a client cannot escape the limit', async () => {
    const { login } = await setUp();
    const codes = [];
    for (let i = 0; i < 11; i++)
      codes.push((await login(`203.0.113.${i}`, `ghost-${i}`)).statusCode);
    expect(codes.at(-1)).toBe(429);
  });

  it('limits logins per account whatever address they come from', async () => {
    const { login } = await setUp({ POLON_TRUST_PROXY: 'loopback' });
    const codes = [];
    for (let i = 0; i < 11; i++) codes.push((await login(`203.0.113.${i}`, 'ghost')).statusCode);
    expect(codes.at(-1)).toBe(429);
    expect((await login('198.51.100.9')).statusCode).toBe(200);
  });

  it('sends HSTS and Secure cookies when the trusted proxy says the client used TLS', async () => {
    const { app } = await setUp({ POLON_TRUST_PROXY: '127.0.0.1' });
    const req = (proto: string) =>
      app.inject({
        method: 'POST',
        url: '/api/session',
        headers: { 'x-forwarded-proto': proto },
        payload: { username: 'someone', password: TEST_PASSWORD },
      });
    const tls = await req('https');
    expect(tls.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
    expect(tls.cookies[0]).toMatchObject({ secure: true });
    const plain = await req('http');
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    expect(plain.cookies[0]?.secure).toBeFalsy();
  });

  it('believes no X-Forwarded-Proto from an untrusted client, and trusts POLON_PUBLIC_URL', async () => {
    const untrusted = await setUp();
    const spoofed = await untrusted.app.inject({
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(spoofed.headers['strict-transport-security']).toBeUndefined();
    const { login } = await setUp({ POLON_PUBLIC_URL: 'https://polon.example.org' });
    const res = await login('198.51.100.9');
    expect(res.headers['strict-transport-security']).toMatch(/max-age/);
    expect(res.cookies[0]).toMatchObject({ secure: true });
  });
});
