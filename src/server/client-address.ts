import type { FastifyRequest } from 'fastify';
import { AppError } from '../core/app-error.js';

/**
 * The client's address, to key rate limits on: the socket's peer, or, when that peer is a
 * trusted reverse proxy (POLON_TRUST_PROXY), the client it names in X-Forwarded-For. Without
 * the setting the header is ignored, so a client cannot pick its own address.
 */
export const clientAddress = (req: FastifyRequest): string => req.ip;

/**
 * Whether the client reached Polon over TLS: the socket is TLS, a trusted proxy says so in
 * X-Forwarded-Proto (Fastify believes the header only from one), or POLON_PUBLIC_URL is https.
 */
export const overTls = (req: FastifyRequest, publicUrl: string | undefined): boolean =>
  req.protocol === 'https' || publicUrl?.startsWith('https://') === true;

/** The error of a request over a rate limit; the caller sets Retry-After. */
export const rateLimited = (what: string, seconds: number): AppError =>
  new AppError('rate_limited', `${what}; try again in ${seconds} seconds`, {
    retryAfterSeconds: seconds,
  });
