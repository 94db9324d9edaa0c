import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core/app-error.js';
import type { Db } from '../../db/index.js';
import { login, logout } from './accounts.repository.js';

export const SESSION_COOKIE = 'polon_session';
export const LOGINS_PER_ADDRESS_PER_MINUTE = 10;
export const LOGINS_PER_ACCOUNT_PER_MINUTE = 10;

const SessionBody = z.object({
  username: z.string(),
  role: z.enum(['viewer', 'documenter', 'analyst', 'admin']),
  csrfToken: z
    .string()
    .describe('send it back in the x-csrf-token header of every request that changes data'),
  expiresAt: z.string(),
});

export function accountsRoutes(
  app: FastifyInstance,
  deps: { db: Db; secureCookies: (req: FastifyRequest) => boolean },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Beside the per-address limit and the lockout: guesses at one account spread over many
  // addresses. Keyed by the name sent, so it says nothing about whether the account exists.
  const perAccount = app.createRateLimit({
    max: LOGINS_PER_ACCOUNT_PER_MINUTE,
    timeWindow: '1 minute',
    keyGenerator: (req) => `login:${(req.body as { username: string }).username.toLowerCase()}`,
  });
  r.post(
    '/api/session',
    {
      config: {
        access: 'public',
        rateLimit: { max: LOGINS_PER_ADDRESS_PER_MINUTE, timeWindow: '1 minute' },
      },
      preHandler: async (req, reply) => {
        const limit = await perAccount(req);
        if (limit.isAllowed || !limit.isExceeded) return;
        reply.header('retry-after', limit.ttlInSeconds);
        throw new AppError(
          'rate_limited',
          `too many login attempts for this account; try again in ${limit.ttlInSeconds} seconds`,
          { retryAfterSeconds: limit.ttlInSeconds },
        );
      },
      schema: {
        tags: ['accounts'],
        summary: 'Log in: sets an HttpOnly, SameSite=Strict session cookie',
        body: z.object({
          username: z.string().min(1).max(64),
          password: z.string().min(1).max(1024),
          totp: z
            .string()
            .max(16)
            .optional()
            .describe('the 6-digit code of an account with two-factor login (`polon user totp`)'),
        }),
        response: { 200: SessionBody },
      },
    },
    async (req, reply) => {
      const s = await login(
        deps.db.kysely,
        req.body.username,
        req.body.password,
        new Date(),
        req.body.totp,
      );
      reply.setCookie(SESSION_COOKIE, s.token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: deps.secureCookies(req),
        path: '/',
        expires: new Date(s.expiresAt),
      });
      return {
        username: s.account.username,
        role: s.account.role,
        csrfToken: s.csrfToken,
        expiresAt: s.expiresAt,
      };
    },
  );
  r.get(
    '/api/session',
    {
      config: { access: 'viewer' },
      schema: { tags: ['accounts'], summary: 'Who is logged in', response: { 200: SessionBody } },
    },
    (req) => {
      const s = req.session;
      if (!s) throw new Error('access guard let an anonymous request through');
      return {
        username: s.account.username,
        role: s.account.role,
        csrfToken: s.csrfToken,
        expiresAt: s.expiresAt,
      };
    },
  );
  r.delete(
    '/api/session',
    { config: { access: 'viewer' }, schema: { tags: ['accounts'], summary: 'Log out' } },
    async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await logout(deps.db.kysely, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );
}
