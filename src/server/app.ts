import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { Access } from '../core/access.js';
import { AppError } from '../core/app-error.js';
import type { Config } from '../config.js';
import { asUnavailable, pingDb, type Db } from '../db/index.js';
import type { Logger } from '../logger.js';
import { accountsRoutes } from '../features/accounts/index.js';
import { useAuditKey } from '../features/audit/index.js';
import { claimsImport, claimsRoutes } from '../features/claims/index.js';
import { consistencyRoutes } from '../features/consistency/index.js';
import {
  cachedMse,
  estimatesRoutes,
  mseWorkerPool,
  type MseRunner,
} from '../features/estimates/index.js';
import { exchangesImport, exchangesRoutes } from '../features/exchanges/index.js';
import { facilitiesImport, facilitiesRoutes } from '../features/facilities/index.js';
import {
  episodesImport,
  eventsImport,
  occupancyImport,
  personsImport,
  personsRoutes,
} from '../features/persons/index.js';
import {
  importsRoutes,
  readSheetsWith,
  workbookWorkerPool,
  type WorkbookRunner,
} from '../features/imports/index.js';
import { sourcesImport, sourcesRoutes } from '../features/sources/index.js';
import { publicDataRoutes } from '../features/public-data/index.js';
import { reviewQueueRoutes } from '../features/linkage/index.js';
import { dataVersion, publicationRoutes } from '../features/publication/index.js';
import { installAccessGuard } from './access-guard.js';
import { clientAddress, overTls, rateLimited } from './client-address.js';
import { installPublicCache } from './public-cache.js';
import { installNulGuard } from './reject-nul.js';
import { HTTP_STATUS, inputErrorOf } from './error-status.js';
import { webRoutes } from './web-app.js';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export interface RouteEntry {
  method: string;
  url: string;
  access: Access;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every API route with the access it states: the role matrix test walks it. */
    routeTable: RouteEntry[];
  }
}

export interface AppDeps {
  db: Db;
  config: Config;
  logger?: Logger;
  /** Where expensive work runs; by default worker pools within `config.limits` (tests pass their own). */
  work?: { mse?: MseRunner; workbooks?: WorkbookRunner };
}

const hopsTrusted =
  (hops: number) =>
  (_address: string, hop: number): boolean =>
    hop < hops;

export async function buildApp({ db, config, logger, work }: AppDeps): Promise<FastifyInstance> {
  // Audit rows written while serving are sealed with the key the database does not hold.
  useAuditKey(config.auditKey);
  const loggerInstance: FastifyBaseLogger | undefined = logger;
  const app: FastifyInstance = Fastify({
    ...(loggerInstance ? { loggerInstance } : { logger: false }),
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    // Fastify reads a hop count too, but its types take it only as a function.
    trustProxy:
      typeof config.trustProxy === 'number' ? hopsTrusted(config.trustProxy) : config.trustProxy,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    const url = route.url ?? '';
    for (const method of [route.method].flat()) {
      if (url.startsWith('/api/') && method !== 'HEAD')
        routeTable.push({ method, url, access: route.config?.access ?? 'public' });
    }
    if (url.startsWith('/api/') && !url.startsWith('/api/docs') && !route.config?.access) {
      throw new Error(
        `route ${route.method.toString()} ${url} does not state the access it needs (config.access)`,
      );
    }
  });
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    // Sent only over TLS: browsers ignore it on plain HTTP, and a test server on it is no site.
    if (overTls(req, config.publicUrl))
      reply.header('strict-transport-security', 'max-age=31536000');
    // The API docs bring their own policy (with hashes for Swagger UI's inline parts).
    if (!req.url.startsWith('/api/docs')) reply.header('content-security-policy', CSP);
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      return reply.status(400).send({
        error: {
          code: 'invalid_input',
          message: `the request is invalid: ${err.validation.map((v) => `${v.instancePath || 'request'} ${v.message}`).join('; ')}`,
          details: err.validation.map((v) => ({ path: v.instancePath, message: v.message })),
          requestId: req.id,
        },
      });
    }
    const known = err instanceof AppError ? err : inputErrorOf(err);
    if (known) {
      const retryAfter = (known.details as { retryAfter?: unknown } | undefined)?.retryAfter;
      if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
      return reply.status(HTTP_STATUS[known.code]).send({
        error: {
          code: known.code,
          message: known.message,
          details: known.details,
          requestId: req.id,
        },
      });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      const code = err.statusCode === 429 ? 'rate_limited' : 'invalid_input';
      return reply
        .status(err.statusCode)
        .send({ error: { code, message: err.message, requestId: req.id } });
    }
    // PostgreSQL gone or SQLite locked past its wait: 503, and the pool reconnects by itself.
    const down = asUnavailable(err);
    if (down) {
      req.log.warn(
        { code: (err as { code?: string }).code, reqId: req.id },
        'database unavailable',
      );
      return reply
        .status(HTTP_STATUS.unavailable)
        .header('retry-after', '5')
        .send({ error: { code: down.code, message: down.message, requestId: req.id } });
    }
    req.log.error({ err, reqId: req.id }, 'unhandled error');
    return reply.status(500).send({
      error: {
        code: 'internal',
        message: `internal error; quote request id ${req.id} when reporting it`,
        requestId: req.id,
      },
    });
  });
  app.setNotFoundHandler((req, reply) =>
    reply.status(404).send({
      error: {
        code: 'not_found',
        message: `no route ${req.method} ${req.url.split('?')[0] ?? ''}; see /api/docs`,
        requestId: req.id,
      },
    }),
  );

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Polon API',
        description:
          'Evidence and estimates of Ukrainians held in Russian captivity. Public routes serve aggregates and published figures only.',
        version: '0.1.0',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  await app.register(cookie);
  // Limits apply only to routes that ask for one (logging in), not to the public reads.
  await app.register(rateLimit, {
    global: false,
    keyGenerator: clientAddress,
    errorResponseBuilder: (_req, ctx) =>
      rateLimited('too many requests from your address', Math.ceil(ctx.ttl / 1000)),
  });
  installAccessGuard(app, db);
  installNulGuard(app);
  installPublicCache(app, {
    paths: [
      '/api/public/summary',
      '/api/public/facilities',
      '/api/stats/exchanges',
      '/api/exchanges',
      '/api/facilities',
    ],
    version: () => dataVersion(db.kysely),
    checkEveryMs: config.publicRecheckMs,
  });
  accountsRoutes(app, {
    db,
    secureCookies: (req) => config.secureCookies ?? overTls(req, config.publicUrl),
  });

  // Asks the database, so a load balancer sees a 503 while it is unreachable.
  app.get('/api/health', { config: { access: 'public' } }, async () => {
    await pingDb(db);
    return { status: 'ok', database: db.dialect };
  });
  exchangesRoutes(app, { db });
  claimsRoutes(app, { db });
  facilitiesRoutes(app, { db });
  consistencyRoutes(app, { db, tolerance: config.claimTolerance });
  publicDataRoutes(app, { db, tolerance: config.claimTolerance });
  const mse = cachedMse(work?.mse ?? mseWorkerPool(config.limits), config.limits.estimateCache);
  app.addHook('onClose', () => mse.close());
  estimatesRoutes(app, { db, mse, limits: config.limits });
  personsRoutes(app, { db });
  sourcesRoutes(app, { db });
  reviewQueueRoutes(app, { db });
  publicationRoutes(app, { db, smallCountThreshold: config.smallCountThreshold });
  const workbooks = work?.workbooks ?? workbookWorkerPool(config.limits);
  app.addHook('onClose', () => workbooks.close());
  importsRoutes(app, {
    db,
    readSheets: readSheetsWith(workbooks),
    kinds: {
      sources: { kind: sourcesImport, access: 'analyst' },
      exchanges: { kind: exchangesImport, access: 'analyst' },
      claims: { kind: claimsImport, access: 'analyst' },
      facilities: { kind: facilitiesImport, access: 'analyst' },
      persons: { kind: personsImport, access: 'documenter' },
      events: { kind: eventsImport, access: 'documenter' },
      episodes: { kind: episodesImport, access: 'documenter' },
      occupancy: { kind: occupancyImport, access: 'documenter' },
    },
  });

  await webRoutes(app);
  return app;
}
