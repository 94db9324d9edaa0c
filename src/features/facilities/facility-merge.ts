import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../core/app-error.js';
import type { Database, FacilityRow } from '../../db/index.js';
import { appendAudit } from '../audit/index.js';
import { aliasLanguage } from './alias-language.js';

interface Snapshot {
  facility: FacilityRow;
  aliases: { alias: string; lang: string | null }[];
  sources: { source_id: string; position: number; note: string | null }[];
}

interface Moved {
  episodes: string[];
  events: string[];
  occupancy: string[];
  aliasesAdded: string[];
  sourcesAdded: string[];
}

export interface FacilityMerge {
  id: string;
  survivorId: string;
  mergedId: string;
  reason: string;
  actor: string;
  at: string;
  undoneAt: string | null;
  moved: {
    episodes: number;
    events: number;
    occupancy: number;
    aliasesAdded: number;
    sourcesAdded: number;
  };
}

const REF_TABLES = [
  ['episodes', 'episodes'],
  ['events', 'events'],
  ['occupancy_reports', 'occupancy'],
] as const;

/**
 * Two records found to be one place: the merged one's names become aliases of the survivor,
 * its sources and every episode, event and occupancy report that named it move over, and the
 * merged record goes. The merge keeps a snapshot, so `unmergeFacilities` puts all back.
 */
export async function mergeFacilities(
  db: Kysely<Database>,
  survivorId: string,
  mergedId: string,
  reason: string,
  actor: string,
): Promise<FacilityMerge> {
  if (survivorId === mergedId)
    throw new AppError('invalid_input', 'a facility cannot be merged into itself');
  if (!reason.trim())
    throw new AppError('invalid_input', 'say why the two records are one place (--reason)');
  return db.transaction().execute(async (trx) => {
    const survivor = await trx
      .selectFrom('facilities')
      .selectAll()
      .where('id', '=', survivorId)
      .executeTakeFirst();
    const merged = await trx
      .selectFrom('facilities')
      .selectAll()
      .where('id', '=', mergedId)
      .executeTakeFirst();
    if (!survivor) throw new AppError('not_found', `no facility ${survivorId}`);
    if (!merged) throw new AppError('not_found', `no facility ${mergedId}`);
    const snapshot: Snapshot = {
      facility: merged,
      aliases: await trx
        .selectFrom('facility_aliases')
        .select(['alias', 'lang'])
        .where('facility_id', '=', mergedId)
        .execute(),
      sources: await trx
        .selectFrom('facility_sources')
        .select(['source_id', 'position', 'note'])
        .where('facility_id', '=', mergedId)
        .execute(),
    };
    const moved: Moved = {
      episodes: [],
      events: [],
      occupancy: [],
      aliasesAdded: [],
      sourcesAdded: [],
    };

    const have = new Set(
      (
        await trx
          .selectFrom('facility_aliases')
          .select('alias')
          .where('facility_id', '=', survivorId)
          .execute()
      ).map((a) => a.alias),
    );
    for (const n of [survivor.name_en, survivor.name_uk, survivor.name_ru]) if (n) have.add(n);
    const names = [
      merged.name_en,
      merged.name_uk,
      merged.name_ru,
      ...snapshot.aliases.map((a) => a.alias),
    ].filter((n): n is string => Boolean(n));
    for (const alias of [...new Set(names)]) {
      if (have.has(alias)) continue;
      await trx
        .insertInto('facility_aliases')
        .values({
          facility_id: survivorId,
          alias,
          lang: aliasLanguage(alias),
        })
        .execute();
      moved.aliasesAdded.push(alias);
    }
    const cited = await trx
      .selectFrom('facility_sources')
      .select(['source_id', 'position'])
      .where('facility_id', '=', survivorId)
      .execute();
    let position = Math.max(-1, ...cited.map((c) => Number(c.position))) + 1;
    const citedIds = new Set(cited.map((c) => c.source_id));
    for (const s of snapshot.sources) {
      if (citedIds.has(s.source_id)) continue;
      await trx
        .insertInto('facility_sources')
        .values({
          facility_id: survivorId,
          source_id: s.source_id,
          position: position++,
          note: s.note,
        })
        .execute();
      moved.sourcesAdded.push(s.source_id);
    }
    for (const [table, key] of REF_TABLES) {
      const ids = (
        await trx.selectFrom(table).select('id').where('facility_id', '=', mergedId).execute()
      ).map((r) => r.id);
      if (ids.length)
        await trx
          .updateTable(table)
          .set({ facility_id: survivorId })
          .where('facility_id', '=', mergedId)
          .execute();
      moved[key] = ids;
    }
    await trx.deleteFrom('facilities').where('id', '=', mergedId).execute();
    await trx
      .updateTable('facilities')
      .set({ updated_at: new Date().toISOString() })
      .where('id', '=', survivorId)
      .execute();
    const id = `merge_${randomBytes(8).toString('hex')}`;
    const at = new Date().toISOString();
    await trx
      .insertInto('facility_merges')
      .values({
        id,
        survivor_id: survivorId,
        merged_id: mergedId,
        snapshot: JSON.stringify(snapshot),
        moved: JSON.stringify(moved),
        reason,
        actor,
        at,
        undone_at: null,
      })
      .execute();
    await appendAudit(trx, {
      actor,
      action: 'facility.merge',
      entity: 'facility',
      entityId: survivorId,
      details: { merge: id, merged: mergedId },
    });
    return toMerge({
      id,
      survivor_id: survivorId,
      merged_id: mergedId,
      moved: JSON.stringify(moved),
      reason,
      actor,
      at,
      undone_at: null,
    });
  });
}

/** Undoes a merge: the merged record, its names, sources and references come back. */
export async function unmergeFacilities(
  db: Kysely<Database>,
  mergeId: string,
  actor: string,
): Promise<FacilityMerge> {
  return db.transaction().execute(async (trx) => {
    const m = await trx
      .selectFrom('facility_merges')
      .selectAll()
      .where('id', '=', mergeId)
      .executeTakeFirst();
    if (!m)
      throw new AppError(
        'not_found',
        `no merge ${mergeId}; \`polon facilities merges\` lists them`,
      );
    if (m.undone_at)
      throw new AppError('conflict', `merge ${mergeId} was undone already on ${m.undone_at}`);
    const snapshot = JSON.parse(m.snapshot) as Snapshot;
    const moved = JSON.parse(m.moved) as Moved;
    if (
      await trx
        .selectFrom('facilities')
        .select('id')
        .where('id', '=', m.merged_id)
        .executeTakeFirst()
    ) {
      throw new AppError(
        'conflict',
        `a facility ${m.merged_id} exists again; merge it into ${m.survivor_id} or remove it before undoing`,
      );
    }
    await trx.insertInto('facilities').values(snapshot.facility).execute();
    for (const a of snapshot.aliases)
      await trx
        .insertInto('facility_aliases')
        .values({ facility_id: m.merged_id, ...a })
        .execute();
    for (const s of snapshot.sources)
      await trx
        .insertInto('facility_sources')
        .values({ facility_id: m.merged_id, ...s })
        .execute();
    await restore(trx, m.survivor_id, m.merged_id, moved);
    await trx
      .updateTable('facilities')
      .set({ updated_at: new Date().toISOString() })
      .where('id', '=', m.survivor_id)
      .execute();
    const undoneAt = new Date().toISOString();
    await trx
      .updateTable('facility_merges')
      .set({ undone_at: undoneAt })
      .where('id', '=', mergeId)
      .execute();
    await appendAudit(trx, {
      actor,
      action: 'facility.unmerge',
      entity: 'facility',
      entityId: m.merged_id,
      details: { merge: mergeId },
    });
    return toMerge({ ...m, undone_at: undoneAt });
  });
}

async function restore(
  trx: Transaction<Database>,
  survivorId: string,
  mergedId: string,
  moved: Moved,
): Promise<void> {
  if (moved.aliasesAdded.length) {
    await trx
      .deleteFrom('facility_aliases')
      .where('facility_id', '=', survivorId)
      .where('alias', 'in', moved.aliasesAdded)
      .execute();
  }
  if (moved.sourcesAdded.length) {
    await trx
      .deleteFrom('facility_sources')
      .where('facility_id', '=', survivorId)
      .where('source_id', 'in', moved.sourcesAdded)
      .execute();
  }
  for (const [table, key] of REF_TABLES) {
    const ids = moved[key];
    // Only references still pointing at the survivor go back; later corrections stand.
    for (let i = 0; i < ids.length; i += 500) {
      await trx
        .updateTable(table)
        .set({ facility_id: mergedId })
        .where('id', 'in', ids.slice(i, i + 500))
        .where('facility_id', '=', survivorId)
        .execute();
    }
  }
}

function toMerge(m: {
  id: string;
  survivor_id: string;
  merged_id: string;
  moved: string;
  reason: string;
  actor: string;
  at: string;
  undone_at: string | null;
}): FacilityMerge {
  const moved = JSON.parse(m.moved) as Moved;
  return {
    id: m.id,
    survivorId: m.survivor_id,
    mergedId: m.merged_id,
    reason: m.reason,
    actor: m.actor,
    at: m.at,
    undoneAt: m.undone_at,
    moved: {
      episodes: moved.episodes.length,
      events: moved.events.length,
      occupancy: moved.occupancy.length,
      aliasesAdded: moved.aliasesAdded.length,
      sourcesAdded: moved.sourcesAdded.length,
    },
  };
}

export async function listMerges(db: Kysely<Database>): Promise<FacilityMerge[]> {
  const rows = await db.selectFrom('facility_merges').selectAll().orderBy('at').execute();
  return rows.map(toMerge);
}

/** Facilities merged away and not restored: an import must not bring them back. */
export async function activeMergedIds(
  db: Kysely<Database> | Transaction<Database>,
): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('facility_merges')
    .select(['merged_id', 'survivor_id'])
    .where('undone_at', 'is', null)
    .execute();
  return new Map(rows.map((r) => [r.merged_id, r.survivor_id]));
}
