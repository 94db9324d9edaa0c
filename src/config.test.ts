import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to the embedded database in ./data', () => {
    const c = loadConfig({});
    expect(c.dbPath).toBe('./data/polon.db');
    expect(c.databaseUrl).toBeUndefined();
    expect(c.smallCountThreshold).toBe(5);
  });

  it('lets --db override both POLON_DB and DATABASE_URL', () => {
    const c = loadConfig(
      { POLON_DB: 'a.db', DATABASE_URL: 'postgres://127.0.0.1/test' },
      { dbPath: 'b.db' },
    );
    expect(c.dbPath).toBe('b.db');
    expect(c.databaseUrl).toBeUndefined();
  });

  it('lists every bad variable at once', () => {
    expect(() => loadConfig({ POLON_PORT: 'eighty', DATABASE_URL: 'mysql://x' })).toThrow(
      /POLON_PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*POLON_PORT/,
    );
  });

  it('trusts no proxy unless told, then a hop count or a list of addresses and networks', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ POLON_TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(loadConfig({ POLON_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(
      loadConfig({ POLON_TRUST_PROXY: '10.0.0.1, 10.1.0.0/16,::1,loopback' }).trustProxy,
    ).toEqual(['10.0.0.1', '10.1.0.0/16', '::1', 'loopback']);
    for (const bad of ['yes', '10.0.0.0/40', 'proxy.example.org', '99'])
      expect(() => loadConfig({ POLON_TRUST_PROXY: bad })).toThrow(/POLON_TRUST_PROXY/);
    expect(() => loadConfig({ POLON_PUBLIC_URL: 'polon.example.org' })).toThrow(/POLON_PUBLIC_URL/);
  });
});
