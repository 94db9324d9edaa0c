import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { todayIso } from '../core/partial-date.js';

export interface PublicCacheOptions {
  /** Route paths (as declared, without the query) whose GET answers are kept. */
  paths: string[];
  /** A key that changes whenever the data behind those answers changes. */
  version: () => Promise<string>;
  /** How long a known version is trusted before it is asked again. */
  checkEveryMs?: number;
  /** Bytes of answers kept at most; the oldest go first. */
  maxBytes?: number;
}

interface Entry {
  version: string;
  payload: Buffer;
  headers: Record<string, string>;
}

const KEPT_HEADERS = ['content-type', 'cache-control'];

declare module 'fastify' {
  interface FastifyRequest {
    publicCache?: { key: string; version: string };
  }
}

/**
 * Public answers are the same for every visitor until the data (or the day) changes, yet
 * each costs queries, a response check and serialisation. This keeps the serialised answer
 * by URL and day, stamped with the data version seen before the handler read the data, and
 * serves it only while that version holds. The version is asked at most every
 * `checkEveryMs`, so a write by another process (a CLI import) shows within that time; a
 * write through this server forgets the cache at once.
 */
export function installPublicCache(app: FastifyInstance, options: PublicCacheOptions): void {
  const paths = new Set(options.paths);
  const checkEveryMs = options.checkEveryMs ?? 1000;
  const maxBytes = options.maxBytes ?? 64 * 2 ** 20;
  const entries = new Map<string, Entry>();
  let bytes = 0;
  let known: { version: string; at: number } | undefined;
  let asking: Promise<string> | undefined;

  const currentVersion = async (): Promise<string> => {
    if (known && Date.now() - known.at < checkEveryMs) return known.version;
    asking ??= options.version().finally(() => (asking = undefined));
    const version = await asking;
    known = { version, at: Date.now() };
    return version;
  };
  const forget = (key: string): void => {
    const e = entries.get(key);
    if (!e) return;
    bytes -= e.payload.length;
    entries.delete(key);
  };

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    if (req.method !== 'GET' || !paths.has(req.routeOptions.url ?? '')) return;
    const key = `${todayIso()} ${req.url}`;
    const version = await currentVersion();
    const hit = entries.get(key);
    if (hit?.version === version) {
      // Most recently used last, so eviction takes the coldest.
      entries.delete(key);
      entries.set(key, hit);
      return reply.headers(hit.headers).header('x-cache', 'hit').send(hit.payload);
    }
    req.publicCache = { key, version };
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const slot = req.publicCache;
    if (!slot || reply.statusCode !== 200) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    if (payload.length > maxBytes / 8) return payload;
    const headers: Record<string, string> = {};
    for (const h of KEPT_HEADERS) {
      const v = reply.getHeader(h);
      if (typeof v === 'string') headers[h] = v;
    }
    forget(slot.key);
    // Kept as bytes: a large answer (the map's GeoJSON) is then not encoded again per visit.
    entries.set(slot.key, {
      version: slot.version,
      payload: typeof payload === 'string' ? Buffer.from(payload) : payload,
      headers,
    });
    bytes += payload.length;
    for (const key of entries.keys()) {
      if (bytes <= maxBytes) break;
      forget(key);
    }
    return payload;
  });

  app.addHook('onResponse', async (req, reply) => {
    if (req.method === 'GET' || req.method === 'HEAD' || reply.statusCode >= 400) return;
    entries.clear();
    bytes = 0;
    known = undefined;
  });
}
