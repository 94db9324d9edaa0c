import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import type { Kysely } from 'kysely';
import { startPhase } from '../../core/progress.js';
import type { Database } from '../../db/index.js';
import { appendAudit } from '../audit/index.js';
import { replaceOpenPairs, storedDecisions } from './review-queue.repository.js';
import {
  LINK_INPUT_COLUMNS,
  runLinkFile,
  type LinkFileOptions,
  type LinkFileResult,
} from './run-link-file.js';

/**
 * `polon link` over the records in the database: the same engine as for files, its
 * clusters written back as persons. A person's id comes from its first record's id, so a
 * re-run that finds the same clusters keeps the same persons.
 */
export async function linkDatabase(
  db: Kysely<Database>,
  options: LinkFileOptions & { actor?: string } = {},
): Promise<LinkFileResult & { persons: number }> {
  await removeOrphanedDirs();
  const dir = await mkdtemp(join(tmpdir(), `polon-link-${process.pid}-`));
  try {
    const input = join(dir, 'records.csv');
    const output = join(dir, 'clusters.csv');
    // Personal data passes through a private temporary folder, removed at the end.
    const loading = startPhase(options.onProgress, 'loading records', 'records');
    const rows = await db
      .selectFrom('records')
      .select([
        'id',
        'source_id',
        'family_name',
        'given_name',
        'patronymic',
        'full_name',
        'birth_date',
        'sex',
        'unit',
      ])
      .orderBy('id')
      .execute();
    const sex = (s: string | null): string => (s === 'male' ? 'm' : s === 'female' ? 'f' : '');
    await writeFile(
      input,
      stringify([
        [...LINK_INPUT_COLUMNS],
        ...rows.map((r) => [
          r.id,
          r.source_id,
          r.family_name ?? '',
          r.given_name ?? '',
          r.patronymic ?? '',
          r.full_name ?? '',
          r.birth_date ?? '',
          sex(r.sex),
          r.unit ?? '',
        ]),
      ]),
    );
    loading.end(rows.length);
    // Reviewers' decisions stored in the database are honoured, with any given for this run.
    const decisions = [...(await storedDecisions(db)), ...(options.decisions ?? [])];
    const result = await runLinkFile(input, output, { ...options, decisions });
    const members = new Map<string, string[]>();
    for await (const rec of createReadStream(output).pipe(
      parse({ columns: true }),
    ) as AsyncIterable<{ record_id: string; cluster_id: string }>) {
      members.set(rec.cluster_id, [...(members.get(rec.cluster_id) ?? []), rec.record_id]);
    }
    const now = new Date().toISOString();
    await db.transaction().execute(async (trx) => {
      const saving = startPhase(options.onProgress, 'saving persons', 'persons', members.size);
      await trx.updateTable('records').set({ person_id: null }).execute();
      await trx.deleteFrom('persons').execute();
      const persons = [...members.values()].map((ids) => ({
        id: `per_${[...ids].sort()[0]?.replace(/^rec_/, '') ?? ''}`,
        ids,
      }));
      for (let i = 0; i < persons.length; i += 1000) {
        await trx
          .insertInto('persons')
          .values(
            persons.slice(i, i + 1000).map((p) => ({ id: p.id, created_at: now, updated_at: now })),
          )
          .execute();
      }
      let saved = 0;
      for (const p of persons) {
        for (let i = 0; i < p.ids.length; i += 500) {
          await trx
            .updateTable('records')
            .set({ person_id: p.id })
            .where('id', 'in', p.ids.slice(i, i + 500))
            .execute();
        }
        saving.tick(++saved);
      }
      saving.end();
      await replaceOpenPairs(trx, result.review, now);
      await appendAudit(trx, {
        actor: options.actor ?? 'cli',
        action: 'link',
        entity: 'persons',
        details: { records: result.records, persons: persons.length, threshold: result.threshold },
      });
    });
    return { ...result, input: '(database)', output: '(database)', persons: members.size };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * A run killed mid-way (SIGKILL, power cut) cannot remove its folder, which holds names and
 * birth dates; the next run removes the folders of runs whose process is gone.
 */
async function removeOrphanedDirs(): Promise<void> {
  const base = tmpdir();
  for (const name of await readdir(base).catch(() => [])) {
    const pid = /^polon-link-(\d+)-/.exec(name)?.[1];
    if (pid && !alive(Number(pid)))
      await rm(join(base, name), { recursive: true, force: true }).catch(() => undefined);
  }
}
