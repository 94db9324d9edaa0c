import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { installPublicCache } from './public-cache.js';

function setup() {
  let version = 'v1';
  let computed = 0;
  const app = Fastify({ logger: false });
  installPublicCache(app, {
    paths: ['/cached', '/fails'],
    version: () => Promise.resolve(version),
    checkEveryMs: 0,
  });
  app.get('/cached', (req) => ({ computed: ++computed, q: (req.query as { q?: string }).q }));
  app.get('/other', () => ({ computed: ++computed }));
  app.get('/fails', (_req, reply) => reply.status(500).send({ computed: ++computed }));
  app.post('/write', () => ({ ok: true }));
  return { app, setVersion: (v: string) => (version = v), computed: () => computed };
}

describe('the public answer cache', () => {
  it('answers a repeated request from the cache, by URL', async () => {
    const { app, computed } = setup();
    const first = await app.inject('/cached?q=a');
    const second = await app.inject('/cached?q=a');
    expect(second.headers['x-cache']).toBe('hit');
    expect(second.body).toBe(first.body);
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
    expect(computed()).toBe(1);
    expect((await app.inject('/cached?q=b')).headers['x-cache']).toBeUndefined();
    expect(computed()).toBe(2);
  });

  it('computes again when the data version changes', async () => {
    const { app, setVersion, computed } = setup();
    await app.inject('/cached');
    setVersion('v2');
    const after = await app.inject('/cached');
    expect(after.headers['x-cache']).toBeUndefined();
    expect(after.json()).toMatchObject({ computed: 2 });
    expect(computed()).toBe(2);
  });

  it('forgets everything after a write through the server', async () => {
    const { app, computed } = setup();
    await app.inject('/cached');
    await app.inject({ method: 'POST', url: '/write' });
    expect((await app.inject('/cached')).headers['x-cache']).toBeUndefined();
    expect(computed()).toBe(2);
  });

  it('keeps neither errors nor routes it was not given', async () => {
    const { app, computed } = setup();
    await app.inject('/fails');
    expect((await app.inject('/fails')).statusCode).toBe(500);
    await app.inject('/other');
    await app.inject('/other');
    expect(computed()).toBe(4);
  });
});
