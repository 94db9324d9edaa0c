import type { FastifyInstance } from 'fastify';
import { AppError } from '../core/app-error.js';

const NUL = '\u0000';

/** Where in a parsed value a NUL character sits (a key or a string), or null. */
function nulAt(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes(NUL) ? path : null;
  // Files sent as bytes (imports) may hold NUL bytes; their readers judge them.
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value) || depth > 64)
    return null;
  for (const [key, inner] of Object.entries(value)) {
    if (key.includes(NUL)) return path;
    const found = nulAt(inner, `${path}/${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * Refuses a NUL character in the path, query or JSON body of any request before it is
 * validated. PostgreSQL cannot store one in text (error 22021) and SQLite cuts strings at
 * it in places, so it is never meaningful input; refused here, in one place, it cannot
 * reach a query as an unexplained 500.
 */
export function installNulGuard(app: FastifyInstance): void {
  app.addHook('preValidation', (req, _reply, done) => {
    const where = nulAt(req.params, 'path') ?? nulAt(req.query, 'query') ?? nulAt(req.body, 'body');
    done(
      where
        ? new AppError(
            'invalid_input',
            `the request holds a NUL character (\\u0000) in ${where}; remove it and send it again`,
            { path: where },
          )
        : undefined,
    );
  });
}
