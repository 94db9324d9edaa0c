import { InputError } from '../../core/app-error.js';
import type { Db } from '../../db/index.js';

/**
 * The source named for a whole file must be registered: said once, before a row is read,
 * rather than as a problem of every row.
 */
export async function checkSourceOption(
  db: Db,
  source: string | undefined,
  file: string,
): Promise<void> {
  if (!source) return;
  const found = await db.kysely
    .selectFrom('sources')
    .select('id')
    .where('id', '=', source)
    .executeTakeFirst();
  if (!found)
    throw new InputError([
      {
        file,
        message: `--source ${source} is not a registered source`,
        fix: `register it first with \`polon sources add ${source} --title TEXT\`, or name one that \`polon sources list\` shows`,
        code: 'unknown_source',
        params: { source },
      },
    ]);
}
