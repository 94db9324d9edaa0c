import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { pickLanguage, webRoutes } from './web-app.js';

describe('pickLanguage', () => {
  const langs = ['uk', 'en', 'ru'];
  it('takes the most preferred language the app has, by q-value', () => {
    expect(pickLanguage('de-DE,de;q=0.9,ru;q=0.5,en;q=0.7', langs)).toBe('en');
    expect(pickLanguage('ru-RU', langs)).toBe('ru');
  });
  it('falls back to the first language when nothing matches or no header is sent', () => {
    expect(pickLanguage('de, fr;q=0.5', langs)).toBe('uk');
    expect(pickLanguage(undefined, langs)).toBe('uk');
    expect(pickLanguage('en;q=0', langs)).toBe('uk');
  });
});

describe('webRoutes', () => {
  let dir = '';
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const serve = async (languages: string[]) => {
    dir = mkdtempSync(join(tmpdir(), 'polon-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(join(dir, 'languages.json'), JSON.stringify(languages));
    app = Fastify();
    app.setNotFoundHandler((_req, reply) => reply.status(404).send({ error: 'nf' }));
    await webRoutes(app, { distDir: dir });
    return app;
  };

  it('serves the app for every view of a language, so shared links open', async () => {
    const a = await serve(['en', 'ru', 'uk']);
    for (const url of ['/uk/', '/en/map', '/ru/facilities?q=%D0%A1%D0%98%D0%97%D0%9E']) {
      const res = await a.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toContain('id="root"');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
    expect((await a.inject('/en')).headers.location).toBe('/en/');
  });

  it('takes its languages from the build, so a new translation file is served', async () => {
    const a = await serve(['de', 'en', 'ru', 'uk']);
    expect((await a.inject('/de/map')).statusCode).toBe(200);
    const res = await a.inject({ url: '/', headers: { 'accept-language': 'de' } });
    expect(res.headers.location).toBe('/de/');
  });

  it('answers paths that name no language with the not-found handler', async () => {
    const a = await serve(['en', 'ru', 'uk']);
    expect((await a.inject('/xx/map')).statusCode).toBe(404);
    expect((await a.inject('/favicon.ico')).statusCode).toBe(404);
  });

  it('says how to build the dashboard when web/dist is missing', async () => {
    dir = mkdtempSync(join(tmpdir(), 'polon-web-'));
    app = Fastify();
    await webRoutes(app, { distDir: join(dir, 'not-built') });
    const res = await app.inject('/en/');
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm run build');
    expect((await app.inject('/')).headers.location).toBe('/uk/');
  });

  it('caches hashed assets for a year', async () => {
    const a = await serve(['en', 'ru', 'uk']);
    const res = await a.inject('/assets/index-abc123.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('immutable');
    expect(res.headers['cache-control']).toContain('max-age=31536000');
  });
});
