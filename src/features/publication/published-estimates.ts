import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { PublishEstimateRequest, type PublishedEstimate } from '../../../contract/publication.js';
import { InputError } from '../../core/app-error.js';
import { parsePartialDate, todayIso } from '../../core/partial-date.js';
import type { Database } from '../../db/index.js';
import { appendAudit } from '../audit/index.js';
import { freezeEstimate, type FrozenFigures, type Population } from './frozen-figures.js';
import { dataVersion } from './publication.repository.js';

/** A published estimate with the frozen aggregates the public pages show beside it. */
export interface PublishedRecord extends PublishedEstimate {
  figures: FrozenFigures;
}

type Row = Awaited<ReturnType<typeof selectPublished>>[number];

const selectPublished = (db: Kysely<Database>, limit: number) =>
  db
    .selectFrom('published_estimates')
    .selectAll()
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();

function fromRow(r: Row): PublishedRecord {
  const num = (v: number | null) => (v === null ? null : Number(v));
  return {
    id: r.id,
    asOf: r.as_of,
    publishedAt: r.published_at,
    publishedBy: r.published_by,
    note: r.note,
    dataVersion: r.data_version,
    basis: r.basis as PublishedEstimate['basis'],
    method: r.method as PublishedEstimate['method'],
    value: num(r.value),
    ci95: r.ci_low === null && r.ci_high === null ? null : [num(r.ci_low), num(r.ci_high)],
    lists: JSON.parse(r.lists) as PublishedEstimate['lists'],
    population: JSON.parse(r.population) as Population,
    figures: JSON.parse(r.aggregates) as FrozenFigures,
  };
}

/** The estimate the public pages show: the one published last, or null. */
export async function latestPublished(db: Kysely<Database>): Promise<PublishedRecord | null> {
  const [row] = await selectPublished(db, 1);
  return row ? fromRow(row) : null;
}

/** The estimates published so far, newest first, without their frozen aggregates. */
export async function listPublished(
  db: Kysely<Database>,
  limit = 20,
): Promise<PublishedEstimate[]> {
  return (await selectPublished(db, limit)).map((r) => {
    const { figures: _f, ...e } = fromRow(r);
    return e;
  });
}

/**
 * Freezes the estimate as of a day (today by default) on the records of non-synthetic
 * sources, with the aggregates the public pages show beside it, and makes it the one they
 * show. An analyst's act, audited with the write.
 */
export async function publishEstimate(
  db: Kysely<Database>,
  input: { asOf?: string | undefined; note: string },
  actor: string,
  now: Date = new Date(),
): Promise<PublishedEstimate> {
  const parsed = PublishEstimateRequest.safeParse(input);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({
        file: 'publish',
        column: String(i.path[0] ?? ''),
        message: i.message,
        fix: i.message,
      }));
  const today = todayIso(now);
  const asOf = parsed.success ? (parsed.data.asOf ?? today) : today;
  const date = parsePartialDate(asOf);
  if (typeof date === 'string' || date.precision !== 'day')
    problems.push({
      file: 'publish',
      column: 'asOf',
      message: `${asOf}: ${typeof date === 'string' ? date : 'not a whole day'}`,
      fix: 'give the day as YYYY-MM-DD',
    });
  else if (asOf > today)
    problems.push({
      file: 'publish',
      column: 'asOf',
      message: `${asOf} is in the future`,
      fix: `give a day up to ${today}`,
    });
  if (!parsed.success || problems.length) throw new InputError(problems);
  const frozen = await freezeEstimate(db, asOf);
  const version = await dataVersion(db);
  const f = frozen.figures;
  const hasEstimate = f.basis !== 'none';
  const row = {
    id: randomUUID(),
    as_of: asOf,
    published_at: now.toISOString(),
    published_by: actor,
    note: parsed.data.note,
    data_version: version,
    basis: f.basis,
    method: hasEstimate ? f.estimatedHeld.method : null,
    value: hasEstimate ? f.estimatedHeld.value : null,
    ci_low: hasEstimate ? roundOrNull(f.estimatedHeld.ci95?.[0]) : null,
    ci_high: hasEstimate ? roundOrNull(f.estimatedHeld.ci95?.[1]) : null,
    lists: JSON.stringify(frozen.lists),
    population: JSON.stringify(frozen.population),
    aggregates: JSON.stringify(f),
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('published_estimates').values(row).execute();
    // Counts and ids only: the note is free text and stays in its table.
    await appendAudit(
      trx,
      {
        actor,
        action: 'estimate.publish',
        entity: 'published_estimate',
        entityId: row.id,
        details: { asOf, value: row.value, method: row.method, dataVersion: version },
      },
      now,
    );
  });
  const { figures: _f, ...published } = fromRow(row);
  return published;
}

const roundOrNull = (v: number | null | undefined): number | null =>
  v === null || v === undefined ? null : Math.round(v);
