import { Secret, TOTP } from 'otpauth';
import type { Kysely } from 'kysely';
import { AppError } from '../../core/app-error.js';
import type { Database } from '../../db/index.js';
import { appendAudit } from '../audit/index.js';

const PERIOD = 30;

const totpFor = (username: string, secret: string): TOTP =>
  new TOTP({
    issuer: 'Polon',
    label: username,
    secret: Secret.fromBase32(secret),
    algorithm: 'SHA1', // what every authenticator app reads
    digits: 6,
    period: PERIOD,
  });

/**
 * Gives an account a new TOTP secret and returns the otpauth:// URI to scan, once: the
 * secret is never shown again, logged or served. Enrolling again replaces the old secret.
 */
export async function enrolTotp(
  db: Kysely<Database>,
  username: string,
  actor: string,
): Promise<{ username: string; uri: string }> {
  const secret = new Secret({ size: 20 }).base32;
  const changed = await db.transaction().execute(async (trx) => {
    const a = await trx
      .updateTable('accounts')
      .set({ totp_secret: secret, totp_last_step: null, updated_at: new Date().toISOString() })
      .where('username', '=', username)
      .returning('id')
      .executeTakeFirst();
    if (a)
      await appendAudit(trx, { actor, action: 'user.totp', entity: 'account', entityId: a.id });
    return a;
  });
  if (!changed)
    throw new AppError('not_found', `no user named ${username}; \`polon user list\` shows them`);
  return { username, uri: totpFor(username, secret).toString() };
}

/** Removes the second factor of an account (for a lost phone; the password still counts). */
export async function removeTotp(
  db: Kysely<Database>,
  username: string,
  actor: string,
): Promise<void> {
  const changed = await db.transaction().execute(async (trx) => {
    const a = await trx
      .updateTable('accounts')
      .set({ totp_secret: null, totp_last_step: null, updated_at: new Date().toISOString() })
      .where('username', '=', username)
      .returning('id')
      .executeTakeFirst();
    if (a)
      await appendAudit(trx, { actor, action: 'user.totp_off', entity: 'account', entityId: a.id });
    return a;
  });
  if (!changed)
    throw new AppError('not_found', `no user named ${username}; \`polon user list\` shows them`);
}

/**
 * The time step a code is valid for (one step of clock drift either way), or null. A step
 * at or before the last accepted one is refused, so an overheard code cannot be replayed.
 */
export function totpStep(
  username: string,
  secret: string,
  code: string | undefined,
  lastStep: number | null,
  now: Date,
): number | null {
  if (!code || !/^\d{6}$/.test(code)) return null;
  const delta = totpFor(username, secret).validate({
    token: code,
    timestamp: now.getTime(),
    window: 1,
  });
  if (delta === null) return null;
  const step = Math.floor(now.getTime() / 1000 / PERIOD) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}
