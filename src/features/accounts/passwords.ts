import { hash, verify } from '@node-rs/argon2';

// argon2id (algorithm 2) with the library's defaults: 19 MiB, 2 passes (OWASP's minimum).
const ARGON2ID = 2;

export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** Why a password is not acceptable, or null. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `a password needs at least ${MIN_PASSWORD_LENGTH} characters`;
  if (new Set(password).size < 5) return 'the password repeats too few characters';
  return null;
}
