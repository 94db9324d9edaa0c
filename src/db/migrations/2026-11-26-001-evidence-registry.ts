import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must not import the application, and must not change once
// released. Later changes go into new migrations.

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter.constructor.name === 'PostgresAdapter';
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);

  await db.schema
    .createTable('sources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text')
    .addColumn('url', 'text')
    .addColumn('publisher', 'text')
    .addColumn('kind', 'text')
    .addColumn('reliability', 'text', (c) => c.notNull().defaultTo('F'))
    .addColumn('credibility', 'integer', (c) => c.notNull().defaultTo(6))
    .addColumn('notes', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('sources_reliability', sql`reliability in ('A','B','C','D','E','F')`)
    .addCheckConstraint('sources_credibility', sql`credibility between 1 and 6`)
    .execute();
  await db.schema.createIndex('sources_url').on('sources').column('url').execute();

  await db.schema
    .createTable('exchanges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text')
    .addColumn('agreement', 'text')
    .addColumn('date_start', 'text', (c) => c.notNull())
    .addColumn('date_end', 'text')
    .addColumn('date_from', 'text', (c) => c.notNull())
    .addColumn('date_to', 'text', (c) => c.notNull())
    .addColumn('returned', 'integer')
    .addColumn('returned_qualifier', 'text', (c) => c.notNull())
    .addColumn('military', 'integer')
    .addColumn('civilians', 'integer')
    .addColumn('men', 'integer')
    .addColumn('women', 'integer')
    .addColumn('seriously_ill_or_wounded', 'integer')
    .addColumn('released_without_exchange', 'integer')
    .addColumn('bodies_returned', 'integer')
    .addColumn('mediator', 'text')
    .addColumn('notes', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'exchanges_kind',
      sql`kind in ('exchange','stage','group_total','local_swap','bodies')`,
    )
    .addCheckConstraint(
      'exchanges_counts',
      sql`coalesce(returned,0) >= 0 and coalesce(military,0) >= 0 and coalesce(civilians,0) >= 0
        and coalesce(men,0) >= 0 and coalesce(women,0) >= 0 and coalesce(bodies_returned,0) >= 0
        and coalesce(seriously_ill_or_wounded,0) >= 0 and coalesce(released_without_exchange,0) >= 0`,
    )
    .execute();
  await db.schema.createIndex('exchanges_date').on('exchanges').column('date_from').execute();
  await db.schema.createIndex('exchanges_group').on('exchanges').column('group_id').execute();

  // Body repatriations are return events of their own kind, and some exchanges also
  // returned bodies: one table keeps each event whole; this view is the repatriation list.
  await db.schema
    .createView('body_repatriations')
    .as(
      db
        .selectFrom('exchanges')
        .select(['id', 'kind', 'group_id', 'date_start', 'date_end', 'date_from', 'date_to'])
        .select('bodies_returned')
        .where('bodies_returned', 'is not', null),
    )
    .execute();

  await db.schema
    .createTable('claims')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('qualifier', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text')
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('as_of_from', 'text', (c) => c.notNull())
    .addColumn('as_of_to', 'text', (c) => c.notNull())
    .addColumn('scope', 'text')
    .addColumn('description', 'text')
    .addColumn('who', 'text')
    .addColumn('notes', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'claims_qualifier',
      sql`qualifier in ('exact','approx','more_than','at_least')`,
    )
    .execute();
  await db.schema
    .createIndex('claims_metric')
    .on('claims')
    .columns(['metric', 'as_of_from'])
    .execute();

  await db.schema
    .createTable('facilities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_uk', 'text')
    .addColumn('name_ru', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('type_as_reported', 'text')
    .addColumn('territory', 'text', (c) => c.notNull())
    .addColumn('region', 'text')
    .addColumn('region_code', 'text')
    .addColumn('settlement', 'text')
    .addColumn('lat', 'double precision')
    .addColumn('lon', 'double precision')
    .addColumn('coord_precision', 'text')
    .addColumn('coord_source', 'text')
    .addColumn('held', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('certainty', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('facilities_territory', sql`territory in ('RU','UA-occupied','BY')`)
    .addCheckConstraint(
      'facilities_coords',
      sql`(lat is null and lon is null) or (lat between -90 and 90 and lon between -180 and 180)`,
    )
    .execute();
  await db.schema
    .createIndex('facilities_region')
    .on('facilities')
    .columns(['territory', 'region_code'])
    .execute();

  await db.schema
    .createTable('facility_aliases')
    .addColumn('facility_id', 'text', (c) =>
      c.notNull().references('facilities.id').onDelete('cascade'),
    )
    .addColumn('alias', 'text', (c) => c.notNull())
    .addColumn('lang', 'text')
    .addPrimaryKeyConstraint('facility_aliases_pk', ['facility_id', 'alias'])
    .execute();

  for (const [table, owner, ownerTable] of [
    ['exchange_sources', 'exchange_id', 'exchanges'],
    ['claim_sources', 'claim_id', 'claims'],
    ['facility_sources', 'facility_id', 'facilities'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn(owner, 'text', (c) =>
        c.notNull().references(`${ownerTable}.id`).onDelete('cascade'),
      )
      .addColumn('source_id', 'text', (c) => c.notNull().references('sources.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('note', 'text')
      .addPrimaryKeyConstraint(`${table}_pk`, [owner, 'source_id'])
      .execute();
    await db.schema.createIndex(`${table}_source`).on(table).column('source_id').execute();
  }

  await db.schema
    .createTable('imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('inserted', 'integer', (c) => c.notNull())
    .addColumn('updated', 'integer', (c) => c.notNull())
    .addColumn('unchanged', 'integer', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', pg ? 'bigserial' : 'integer', (c) =>
      pg ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'audit_log',
    'imports',
    'facility_sources',
    'claim_sources',
    'exchange_sources',
    'facility_aliases',
    'facilities',
    'claims',
  ]) {
    await db.schema.dropTable(t).execute();
  }
  await db.schema.dropView('body_repatriations').execute();
  await db.schema.dropTable('exchanges').execute();
  await db.schema.dropTable('sources').execute();
}
