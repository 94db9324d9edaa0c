import type { FastifyInstance, FastifyRequest } from 'fastify';
import { allows, type Access } from '../core/access.js';
import { AppError } from '../core/app-error.js';
import type { Db } from '../db/index.js';
import { SESSION_COOKIE, sessionFor, type Session } from '../features/accounts/index.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    session: Omit<Session, 'token'> | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one place access is enforced: every route states the role it needs (config.access);
 * this hook finds the session from its cookie, checks the role, and for requests that
 * change data checks the CSRF token the session was given.
 */
export function installAccessGuard(app: FastifyInstance, db: Db): void {
  app.decorateRequest('session', null);
  // onRequest, before the body is parsed: a stranger learns nothing, not even what a valid body is.
  app.addHook('onRequest', async (req: FastifyRequest) => {
    const access = req.routeOptions.config.access ?? 'public';
    const token = req.cookies[SESSION_COOKIE];
    req.session = token ? await sessionFor(db.kysely, token) : null;
    if (access === 'public') return;
    if (!req.session)
      throw new AppError(
        'unauthenticated',
        'log in first (POST /api/session); your session may have expired',
      );
    if (!allows(access, req.session.account.role)) {
      throw new AppError(
        'forbidden',
        `this needs the ${access} role; yours is ${req.session.account.role}. Ask an administrator.`,
      );
    }
    if (!SAFE_METHODS.has(req.method) && req.headers['x-csrf-token'] !== req.session.csrfToken) {
      throw new AppError(
        'forbidden',
        'the x-csrf-token header is missing or wrong; send the csrfToken you got when you logged in',
      );
    }
  });
}
