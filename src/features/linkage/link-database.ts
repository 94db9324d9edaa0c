import { readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { startPhase } from '../../core/progress.js';
import type { Database } from '../../db/index.js';
import { appendAudit } from '../audit/index.js';
import { replaceOpenPairs, storedDecisions } from './review-queue.repository.js';
import { createRecordPreparer } from './prepare-link-record.js';
import { runPriorities } from './review-priority.js';
import { linkPrepared, type LinkFileOptions, type LinkFileResult } from './run-link-file.js';

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
  const started = performance.now();
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
  // Names and birth dates stay in memory: a file, even a temporary one, would hold them
  // unencrypted beside an encrypted database, and a killed run would leave it behind.
  const prepare = createRecordPreparer();
  let invalidDates = 0;
  let swappedNames = 0;
  const records = rows.map((r) => {
    const p = prepare({
      record_id: r.id,
      source: r.source_id,
      family_name: r.family_name ?? '',
      given_name: r.given_name ?? '',
      patronymic: r.patronymic ?? '',
      full_name: r.full_name ?? '',
      birth_date: r.birth_date ?? '',
      sex: r.sex === 'male' ? 'm' : r.sex === 'female' ? 'f' : '',
      unit: r.unit ?? '',
    });
    if (p.invalidDate) invalidDates++;
    if (p.swappedNames) swappedNames++;
    return p.record;
  });
  loading.end(rows.length);
  const readDone = performance.now();
  // Reviewers' decisions stored in the database are honoured, with any given for this run.
  const decisions = [...(await storedDecisions(db)), ...(options.decisions ?? [])];
  const result = await linkPrepared(records, { ...options, decisions });
  const priorities = runPriorities(result.review, records, result.clusterOf);
  const linkDone = performance.now();
  const members = new Map<number, string[]>();
  records.forEach((r, i) => {
    const c = result.clusterOf[i] as number;
    const ids = members.get(c);
    if (ids) ids.push(r.id);
    else members.set(c, [r.id]);
  });
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
    await replaceOpenPairs(trx, result.review, now, priorities);
    await appendAudit(trx, {
      actor: options.actor ?? 'cli',
      action: 'link',
      entity: 'persons',
      details: { records: result.records, persons: persons.length, threshold: result.threshold },
    });
  });
  const done = performance.now();
  const { clusterOf: _, ...summary } = result;
  return {
    ...summary,
    reviewPriorities: priorities,
    input: '(database)',
    output: '(database)',
    invalidDates,
    swappedNames,
    timingsMs: {
      read: Math.round(readDone - started),
      link: Math.round(linkDone - readDone),
      write: Math.round(done - linkDone),
      total: Math.round(done - started),
    },
    persons: members.size,
  };
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
 * Earlier versions linked through a CSV in a temporary folder, and a run killed mid-way
 * (SIGKILL, power cut) left it there with names and birth dates: such folders are removed.
 */
async function removeOrphanedDirs(): Promise<void> {
  const base = tmpdir();
  for (const name of await readdir(base).catch(() => [])) {
    const pid = /^polon-link-(\d+)-/.exec(name)?.[1];
    if (pid && !alive(Number(pid)))
      await rm(join(base, name), { recursive: true, force: true }).catch(() => undefined);
  }
}
