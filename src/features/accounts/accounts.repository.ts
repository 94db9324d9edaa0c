import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { AppError } from '../../core/app-error.js';
import { ROLES, type Role } from '../../core/access.js';
import type { Database } from '../../db/index.js';
import { appendAudit } from '../audit/index.js';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js';
import { totpStep } from './totp.js';

export interface Account {
  id: string;
  username: string;
  role: Role;
  disabled: boolean;
}

export interface Session {
  token: string;
  csrfToken: string;
  expiresAt: string;
  account: Account;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;
export const SESSION_HOURS = 12;
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

function checkRole(role: string): Role {
  if (!(ROLES as readonly string[]).includes(role)) {
    throw new AppError('invalid_input', `unknown role "${role}"; use one of: ${ROLES.join(', ')}`);
  }
  return role as Role;
}

export async function addAccount(
  db: Kysely<Database>,
  username: string,
  role: string,
  password: string,
  actor: string,
): Promise<Account> {
  if (!USERNAME.test(username)) {
    throw new AppError(
      'invalid_input',
      `user name "${username}" is not valid; use 2–64 lower-case letters, digits, . _ -`,
    );
  }
  const r = checkRole(role);
  const weak = passwordProblem(password);
  if (weak) throw new AppError('invalid_input', `${weak}; choose a longer passphrase`);
  const now = new Date().toISOString();
  const id = `acc_${randomBytes(9).toString('hex')}`;
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    const exists = await trx
      .selectFrom('accounts')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirst();
    if (exists)
      throw new AppError(
        'conflict',
        `user ${username} exists already; use \`polon user role\` or \`polon user disable\``,
      );
    await trx
      .insertInto('accounts')
      .values({
        id,
        username,
        role: r,
        password_hash: passwordHash,
        disabled: 0,
        failed_logins: 0,
        locked_until: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await appendAudit(trx, {
      actor,
      action: 'user.add',
      entity: 'account',
      entityId: id,
      details: { role: r },
    });
  });
  return { id, username, role: r, disabled: false };
}

export async function updateAccount(
  db: Kysely<Database>,
  username: string,
  change: { role?: string; disabled?: boolean },
  actor: string,
): Promise<Account> {
  return db.transaction().execute(async (trx) => {
    const a = await trx
      .selectFrom('accounts')
      .selectAll()
      .where('username', '=', username)
      .executeTakeFirst();
    if (!a)
      throw new AppError('not_found', `no user named ${username}; \`polon user list\` shows them`);
    const role = change.role === undefined ? (a.role as Role) : checkRole(change.role);
    const disabled = change.disabled ?? Boolean(a.disabled);
    await trx
      .updateTable('accounts')
      .set({ role, disabled: disabled ? 1 : 0, updated_at: new Date().toISOString() })
      .where('id', '=', a.id)
      .execute();
    if (disabled) await trx.deleteFrom('sessions').where('account_id', '=', a.id).execute();
    await appendAudit(trx, {
      actor,
      action:
        change.disabled !== undefined ? (disabled ? 'user.disable' : 'user.enable') : 'user.role',
      entity: 'account',
      entityId: a.id,
      details: { role },
    });
    return { id: a.id, username, role, disabled };
  });
}

export async function listAccounts(db: Kysely<Database>): Promise<Account[]> {
  const rows = await db
    .selectFrom('accounts')
    .select(['id', 'username', 'role', 'disabled'])
    .orderBy('username')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    role: r.role as Role,
    disabled: Boolean(Number(r.disabled)),
  }));
}

/**
 * Checks a password and opens a session. After MAX_FAILED_LOGINS failures the account is
 * locked for LOCKOUT_MINUTES; the answer to a wrong name, a wrong password, a locked or a
 * disabled account is the same, so it tells an attacker nothing.
 */
export async function login(
  db: Kysely<Database>,
  username: string,
  password: string,
  now = new Date(),
  totp?: string,
): Promise<Session> {
  // One answer for every failure, the missing one-time code included: a different answer
  // would tell a guesser that the password was right.
  const refused = new AppError(
    'unauthenticated',
    'wrong user name, password or one-time code (send "totp" if your account has two-factor login), or the account is locked; wait 15 minutes after 5 failed attempts',
  );
  const a = await db
    .selectFrom('accounts')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirst();
  if (!a) {
    // Spend the same time as a real check, so response times do not reveal user names.
    await verifyPassword(
      '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0000000000000000000000000000000000000000000',
      password,
    );
    throw refused;
  }
  if (Number(a.disabled)) throw refused;
  const attempt = await claimAttempt(db, a.id, now);
  if (!attempt) throw refused;
  const passwordOk = await verifyPassword(a.password_hash, password);
  // A wrong or missing code counts as a failed attempt, like a wrong password.
  const step = a.totp_secret
    ? totpStep(
        a.username,
        a.totp_secret,
        totp,
        a.totp_last_step === null ? null : Number(a.totp_last_step),
        now,
      )
    : null;
  const session =
    passwordOk && (!a.totp_secret || step !== null)
      ? await openSession(db, a.id, username, step, now)
      : null;
  if (!session) {
    await db.transaction().execute((trx) =>
      appendAudit(trx, {
        actor: username,
        action: attempt.locks ? 'login.locked' : 'login.failed',
        entity: 'account',
        entityId: a.id,
        details: { factor: passwordOk ? 'totp' : 'password' },
      }),
    );
    throw refused;
  }
  return {
    ...session,
    account: { id: a.id, username: a.username, role: a.role as Role, disabled: false },
  };
}

/**
 * Counts an attempt as failed before its password is checked, in one statement that also
 * checks the lock: parallel guesses cannot all read the same count and write back 1, and at
 * most MAX_FAILED_LOGINS passwords are checked per lockout. A login that succeeds clears the
 * count. Null when the account is locked; else whether this attempt locked it.
 */
async function claimAttempt(
  db: Kysely<Database>,
  id: string,
  now: Date,
): Promise<{ locks: boolean } | null> {
  const until = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString();
  const locks = sql<boolean>`failed_logins + 1 >= ${MAX_FAILED_LOGINS}`;
  const row = await db
    .updateTable('accounts')
    .set({
      failed_logins: sql<number>`case when ${locks} then 0 else failed_logins + 1 end`,
      locked_until: sql<
        string | null
      >`case when ${locks} then cast(${until} as text) else null end`,
    })
    .where('id', '=', id)
    .where((eb) =>
      eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now.toISOString())]),
    )
    .returning('locked_until')
    .executeTakeFirst();
  return row ? { locks: row.locked_until !== null } : null;
}

/**
 * Opens the session, or returns null when the one-time code's step was used meanwhile: the
 * step is set only if it is newer than the last one (compare-and-set), so one code sent in
 * parallel opens one session.
 */
async function openSession(
  db: Kysely<Database>,
  accountId: string,
  username: string,
  step: number | null,
  now: Date,
): Promise<Omit<Session, 'account'> | null> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString();
  const opened = await db.transaction().execute(async (trx) => {
    let update = trx
      .updateTable('accounts')
      .set({ failed_logins: 0, locked_until: null })
      .where('id', '=', accountId);
    if (step !== null)
      update = update
        .set({ totp_last_step: step })
        .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]));
    const { numUpdatedRows } = await update.executeTakeFirst();
    if (Number(numUpdatedRows) === 0) return false;
    await trx
      .insertInto('sessions')
      .values({
        token_hash: tokenHash(token),
        account_id: accountId,
        csrf_token: csrfToken,
        created_at: now.toISOString(),
        expires_at: expiresAt,
      })
      .execute();
    await appendAudit(trx, {
      actor: username,
      action: 'login',
      entity: 'account',
      entityId: accountId,
    });
    return true;
  });
  return opened ? { token, csrfToken, expiresAt } : null;
}

/** The live session a token belongs to, or null (unknown, expired, or its account disabled). */
export async function sessionFor(
  db: Kysely<Database>,
  token: string,
  now = new Date(),
): Promise<Omit<Session, 'token'> | null> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('accounts as a', 'a.id', 's.account_id')
    .select(['s.csrf_token', 's.expires_at', 'a.id', 'a.username', 'a.role', 'a.disabled'])
    .where('s.token_hash', '=', tokenHash(token))
    .executeTakeFirst();
  if (!row || Number(row.disabled) || row.expires_at <= now.toISOString()) return null;
  return {
    csrfToken: row.csrf_token,
    expiresAt: row.expires_at,
    account: { id: row.id, username: row.username, role: row.role as Role, disabled: false },
  };
}

export async function logout(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash(token)).execute();
}
