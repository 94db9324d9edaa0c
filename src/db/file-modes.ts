import { closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

const POSIX = process.platform !== 'win32';
const warned = new Set<string>();

/**
 * Creates the database's directory (0700) and file (0600) before SQLite opens it: SQLite
 * would create the file 0644, readable by every local user, and it gives the -wal and -shm
 * files the mode of the database file, so these follow.
 */
export function createPrivately(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  if (!POSIX || existsSync(file)) return;
  try {
    closeSync(openSync(file, 'wx', 0o600));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
}

/**
 * Warns, once per database and process, when the database's files can be read by others or its
 * directory written by others (who could swap the file). A directory others may only list,
 * such as a checkout's data/, shows file names, not their contents, and is not warned about.
 */
export function warnOfWideModes(file: string): void {
  // Once per database: SQLite gives new -wal and -shm files the database file's mode, so
  // fixing the file the first warning names fixes them too.
  if (!POSIX || warned.has(file)) return;
  const dir = dirname(file);
  const checks: [string, number, string][] = [
    [dir, 0o022, '700'],
    [file, 0o077, '600'],
    [`${file}-wal`, 0o077, '600'],
    [`${file}-shm`, 0o077, '600'],
  ];
  const wide: string[] = [];
  const fixes: string[] = [];
  for (const [path, others, fix] of checks) {
    let full: number;
    try {
      full = statSync(path).mode;
    } catch {
      continue;
    }
    const mode = full & 0o777;
    // A sticky directory (/tmp) lets no one else rename or remove the files in it.
    if ((mode & others) === 0 || (path === dir && full & 0o1000)) continue;
    wide.push(`${path} (${mode.toString(8)})`);
    fixes.push(`chmod ${fix} ${path}`);
  }
  if (wide.length === 0) return;
  warned.add(file);
  process.emitWarning(
    `other users of this machine can read or replace the database: ${wide.join(', ')}; run ${fixes.join(' && ')}`,
    { code: 'POLON_FILE_MODE' },
  );
}
