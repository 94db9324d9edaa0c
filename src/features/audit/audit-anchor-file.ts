import { appendFile, readFile } from 'node:fs/promises';
import { AppError } from '../../core/app-error.js';
import type { ExpectedHead } from './verify-audit.js';

/**
 * Appends `TIME ROW HASH` to the anchor file (POLON_AUDIT_ANCHOR_FILE), kept away from
 * the database (another disk, another machine): every head it lists must stay in the chain.
 */
export async function appendAnchor(path: string, hash: string, seq: number): Promise<void> {
  await appendFile(path, `${new Date().toISOString()} ${seq} ${hash}\n`, { mode: 0o600 });
}

/** The heads listed in the anchor file; none when it does not exist yet. */
export async function readAnchors(path: string): Promise<ExpectedHead[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      const m = /^(\S+) (\d+) ([0-9a-f]{64})$/.exec(l.trim());
      if (!m?.[3])
        throw new AppError(
          'invalid_input',
          `${path} line ${i + 1} is not "TIME ROW HASH": the anchor file was altered`,
        );
      return { hash: m[3], seq: Number(m[2]) };
    });
}
