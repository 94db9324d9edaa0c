import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { NewSource, type Source } from '../../../contract/index.js';
import { AppError, InputError } from '../../core/app-error.js';
import type { Database } from '../../db/index.js';
import { appendAudit } from '../audit/index.js';

export type NewSourceInput = z.input<typeof NewSource>;
export type SourceView = z.infer<typeof Source>;

/**
 * Registers a source by hand (`polon sources add`, the workspace's "new source"): the usual
 * way for a documenter's own list, which no sources file describes. Audited.
 */
export async function addSource(
  db: Kysely<Database>,
  input: NewSourceInput,
  actor: string,
): Promise<SourceView> {
  const parsed = NewSource.safeParse(input);
  if (!parsed.success)
    throw new InputError(
      parsed.error.issues.map((i) => ({
        file: 'source',
        column: String(i.path[0] ?? ''),
        message: i.message,
        fix: i.message,
      })),
    );
  const s = parsed.data;
  return db.transaction().execute(async (trx) => {
    const had = await trx
      .selectFrom('sources')
      .select('id')
      .where('id', '=', s.id)
      .executeTakeFirst();
    if (had)
      throw new AppError(
        'conflict',
        `a source with the id "${s.id}" is registered already; import into it with --source ${s.id}, or choose another id`,
      );
    const row = {
      id: s.id,
      title: s.title,
      url: s.url ?? null,
      publisher: s.publisher ?? null,
      kind: s.kind ?? null,
      reliability: s.reliability,
      credibility: s.credibility,
      notes: s.notes ?? null,
      updated_at: new Date().toISOString(),
    };
    const synthetic = s.synthetic === true;
    await trx
      .insertInto('sources')
      .values({ ...row, synthetic: synthetic ? 1 : 0 })
      .execute();
    await appendAudit(trx, {
      actor,
      action: 'source.create',
      entity: 'source',
      entityId: s.id,
      ...(synthetic ? { details: { synthetic } } : {}),
    });
    return { ...row, synthetic, records: 0 };
  });
}

/** Every registered source with how many person records came from it. */
export async function listSourcesWithCounts(db: Kysely<Database>): Promise<SourceView[]> {
  const counts = new Map(
    (
      await db
        .selectFrom('records')
        .select(['source_id', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('source_id')
        .execute()
    ).map((r) => [r.source_id, Number(r.n)]),
  );
  const rows = await db.selectFrom('sources').selectAll().orderBy('id').execute();
  return rows.map(({ updated_at: _u, ...s }) => ({
    ...s,
    synthetic: Number(s.synthetic) === 1,
    credibility: Number(s.credibility),
    records: counts.get(s.id) ?? 0,
  }));
}
