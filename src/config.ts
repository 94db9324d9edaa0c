import { isIP } from 'node:net';
import { z } from 'zod';
import { AppError } from './core/app-error.js';
import { LimitsEnv, limitsFrom, type Limits } from './limits-config.js';

/**
 * The only reader of the environment. Every setting Polon has is here, validated once;
 * a bad value stops start-up with a list of every problem.
 */
const EnvSchema = z.object({
  POLON_DB: z.string().min(1).default('./data/polon.db'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  POLON_PG_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/, 'must be a lower-case SQL identifier')
    .optional(),
  POLON_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  POLON_HOST: z.string().min(1).default('127.0.0.1'),
  POLON_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
  POLON_SMALL_COUNT: z.coerce.number().int().min(1).max(1000).default(5),
  POLON_PUBLIC_RECHECK_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  POLON_CLAIM_TOLERANCE: z.coerce.number().min(0).max(1).default(0.05),
  POLON_SECURE_COOKIES: z.enum(['0', '1']).optional(),
  POLON_TRUST_PROXY: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const trust = parseTrustProxy(v);
      if (trust === null)
        ctx.addIssue({
          code: 'custom',
          message:
            'must be 0, a number of proxy hops (1–10), or a comma-separated list of proxy addresses or networks (10.0.0.1, 10.0.0.0/8, loopback, uniquelocal)',
        });
      return trust ?? false;
    }),
  POLON_PUBLIC_URL: z
    .string()
    .url()
    .regex(/^https?:\/\//, 'must start with https:// or http://')
    .optional(),
  POLON_DB_KEY: z.string().min(12, 'must be at least 12 characters').optional(),
  POLON_BACKUP_KEY: z.string().min(12, 'must be at least 12 characters').optional(),
  ...LimitsEnv,
  POLON_AUDIT_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  POLON_AUDIT_ANCHOR_FILE: z.string().min(1).optional(),
  POLON_ID_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
});

export type TrustProxy = false | number | string[];

const PROXY_KEYWORDS = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** POLON_TRUST_PROXY as Fastify's trustProxy, or null when it is not valid. */
export function parseTrustProxy(value: string | undefined): TrustProxy | null {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '' || v === '0' || v === 'off' || v === 'false') return false;
  if (/^\d+$/.test(v)) return Number(v) <= 10 ? Number(v) : null;
  const list = v.split(',').map((p) => p.trim());
  const valid = list.every((p) => {
    if (PROXY_KEYWORDS.has(p)) return true;
    const [address = '', bits, ...rest] = p.split('/');
    const family = isIP(address);
    if (!family || rest.length > 0) return false;
    return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
  });
  return valid ? list : null;
}

export interface Config {
  /** SQLite file, used when no PostgreSQL URL is given. */
  readonly dbPath: string;
  readonly databaseUrl: string | undefined;
  /** PostgreSQL schema to work in (tests use one each); default: the server's search_path. */
  readonly pgSchema: string | undefined;
  readonly port: number;
  readonly host: string;
  readonly logLevel: z.infer<typeof EnvSchema>['POLON_LOG_LEVEL'];
  /** Public counts from 1 to this minus one are shown as "<N". */
  readonly smallCountThreshold: number;
  /**
   * Public answers are kept until the data changes; a write by another process (a CLI
   * import) shows on public pages within this many milliseconds.
   */
  readonly publicRecheckMs: number;
  /** Relative tolerance for comparing `approx` claims with records. */
  readonly claimTolerance: number;
  /**
   * Mark session cookies Secure: true always, false never, undefined when the request came
   * over TLS (as the socket, a trusted proxy or POLON_PUBLIC_URL says).
   */
  readonly secureCookies: boolean | undefined;
  /**
   * Which peers are reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed:
   * false none, a number of hops, or their addresses and networks (Fastify's trustProxy).
   */
  readonly trustProxy: TrustProxy;
  /** The address users reach Polon at; an https:// one means it is served over TLS. */
  readonly publicUrl: string | undefined;
  /** Key of the encrypted SQLite file; unset: the file is not encrypted. */
  readonly dbKey: string | undefined;
  /** Key that encrypts backups; unset: POLON_DB_KEY does, and without either they are plain. */
  readonly backupKey: string | undefined;
  /** Workers, queues, time limits, rate limits and caches of the expensive routes. */
  readonly limits: Limits;
  /** Seals audit rows (HMAC); kept outside the database and its backups. */
  readonly auditKey: string | undefined;
  /** A file, away from the database, that `polon audit verify` appends each head to. */
  readonly auditAnchorFile: string | undefined;
  /** Keys the ids of records, events, episodes and occupancy reports (HMAC). */
  readonly idKey: string | undefined;
}

export interface ConfigOverrides {
  dbPath?: string | undefined;
  port?: number | undefined;
}

export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: ConfigOverrides = {},
): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new AppError(
      'invalid_input',
      `configuration is invalid; fix these environment variables:\n${lines.join('\n')}`,
    );
  }
  const e = parsed.data;
  return Object.freeze({
    dbPath: overrides.dbPath ?? e.POLON_DB,
    databaseUrl: overrides.dbPath !== undefined ? undefined : e.DATABASE_URL,
    pgSchema: e.POLON_PG_SCHEMA,
    port: overrides.port ?? e.POLON_PORT,
    host: e.POLON_HOST,
    logLevel: e.POLON_LOG_LEVEL,
    smallCountThreshold: e.POLON_SMALL_COUNT,
    publicRecheckMs: e.POLON_PUBLIC_RECHECK_MS,
    claimTolerance: e.POLON_CLAIM_TOLERANCE,
    secureCookies:
      e.POLON_SECURE_COOKIES === undefined ? undefined : e.POLON_SECURE_COOKIES === '1',
    trustProxy: e.POLON_TRUST_PROXY,
    publicUrl: e.POLON_PUBLIC_URL,
    dbKey: e.POLON_DB_KEY,
    backupKey: e.POLON_BACKUP_KEY ?? e.POLON_DB_KEY,
    limits: limitsFrom(e),
    auditKey: e.POLON_AUDIT_KEY,
    auditAnchorFile: e.POLON_AUDIT_ANCHOR_FILE,
    idKey: e.POLON_ID_KEY,
  });
}
