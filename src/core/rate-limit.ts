import type { RateLimitOptions } from '@fastify/rate-limit';
import { AppError } from './app-error.js';

/**
 * A route's per-client limit, for its `config.rateLimit` (the plugin is registered with
 * `global: false` in app.ts). A client is its IP address as Fastify sees it (`req.ip`,
 * which honours the proxy setting). Over the limit: 429 `rate_limited` with Retry-After.
 * `perMinute` 0: no limit.
 */
export function perClientLimit(
  perMinute: number,
  what: string,
): { rateLimit: RateLimitOptions } | Record<string, never> {
  if (perMinute <= 0) return {};
  return {
    rateLimit: {
      max: perMinute,
      timeWindow: 60_000,
      errorResponseBuilder: (_req, ctx) => {
        const seconds = Math.max(1, Math.ceil(ctx.ttl / 1000));
        return new AppError(
          'rate_limited',
          `too many requests for ${what} from this address (at most ${perMinute} a minute); try again in ${seconds} seconds`,
          { retryAfter: seconds },
        );
      },
    },
  };
}
