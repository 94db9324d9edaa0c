import { sql, type Kysely } from 'kysely';

// Frozen in time. Persons, what sources say about them (records), their events, detention
// episodes and occupancy reports. Columns holding personal data are marked "personal";
// they never leave the protected side (DESIGN.md, capability 8).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('persons')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source_id', 'text', (c) => c.notNull().references('sources.id'))
    .addColumn('source_record_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.references('persons.id').onDelete('set null'))
    .addColumn('family_name', 'text') // personal
    .addColumn('given_name', 'text') // personal
    .addColumn('patronymic', 'text') // personal
    .addColumn('full_name', 'text') // personal
    .addColumn('name_script', 'text')
    .addColumn('birth_date', 'text') // personal
    .addColumn('birth_precision', 'text')
    .addColumn('birth_from', 'text') // personal
    .addColumn('birth_to', 'text') // personal
    .addColumn('sex', 'text')
    .addColumn('category', 'text')
    .addColumn('unit', 'text')
    .addColumn('branch', 'text')
    .addColumn('rank', 'text')
    .addColumn('capture_date', 'text')
    .addColumn('capture_from', 'text')
    .addColumn('capture_to', 'text')
    .addColumn('capture_place', 'text')
    .addColumn('relatives_contact', 'text') // personal
    .addColumn('notes', 'text') // personal: free-text testimony
    .addColumn('seriously_ill_or_wounded', 'integer')
    .addColumn('disability', 'integer')
    .addColumn('political_prisoner_pre2022', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('records_source_record', ['source_id', 'source_record_id'])
    .addCheckConstraint('records_sex', sql`sex is null or sex in ('male','female')`)
    .addCheckConstraint(
      'records_category',
      sql`category is null or category in ('military','civilian')`,
    )
    .addCheckConstraint(
      'records_birth_precision',
      sql`birth_precision is null or birth_precision in ('day','month','year','approx')`,
    )
    .execute();
  await db.schema.createIndex('records_person').on('records').column('person_id').execute();

  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('record_id', 'text', (c) => c.notNull().references('records.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('date', 'text')
    .addColumn('date_from', 'text')
    .addColumn('date_to', 'text')
    .addColumn('confirmed_by', 'text')
    .addColumn('facility_id', 'text', (c) => c.references('facilities.id'))
    .addColumn('facility_text', 'text')
    .addColumn('exchange_id', 'text', (c) => c.references('exchanges.id'))
    .addColumn('court', 'text')
    .addColumn('article', 'text')
    .addColumn('term_months', 'integer')
    .addColumn('place', 'text')
    .addColumn('notes', 'text') // personal: free text
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'events_kind',
      sql`kind in ('missing','captured','confirmed_captive','transferred','sentenced','released','died_in_captivity','body_returned')`,
    )
    .execute();
  await db.schema.createIndex('events_record').on('events').column('record_id').execute();
  await db.schema
    .createIndex('events_kind_date')
    .on('events')
    .columns(['kind', 'date_from'])
    .execute();

  await db.schema
    .createTable('episodes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('record_id', 'text', (c) => c.notNull().references('records.id').onDelete('cascade'))
    .addColumn('facility_id', 'text', (c) => c.references('facilities.id'))
    .addColumn('facility_text', 'text')
    .addColumn('facility_score', 'double precision')
    .addColumn('start_date', 'text')
    .addColumn('start_from', 'text')
    .addColumn('start_to', 'text')
    .addColumn('end_date', 'text')
    .addColumn('end_from', 'text')
    .addColumn('end_to', 'text')
    .addColumn('cell', 'text')
    .addColumn('notes', 'text') // personal: free text
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('episodes_place', sql`facility_id is not null or facility_text is not null`)
    .execute();
  await db.schema.createIndex('episodes_record').on('episodes').column('record_id').execute();
  await db.schema
    .createIndex('episodes_facility')
    .on('episodes')
    .columns(['facility_id', 'start_from'])
    .execute();

  await db.schema
    .createTable('occupancy_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source_id', 'text', (c) => c.notNull().references('sources.id'))
    .addColumn('record_id', 'text', (c) => c.references('records.id').onDelete('set null'))
    .addColumn('facility_id', 'text', (c) => c.references('facilities.id'))
    .addColumn('facility_text', 'text')
    .addColumn('facility_score', 'double precision')
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('date_from', 'text', (c) => c.notNull())
    .addColumn('date_to', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('count_qualifier', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('notes', 'text') // personal: free text
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('occupancy_scope', sql`scope in ('cell','block','facility')`)
    .addCheckConstraint('occupancy_count', sql`count >= 0`)
    .addCheckConstraint(
      'occupancy_place',
      sql`facility_id is not null or facility_text is not null`,
    )
    .execute();
  await db.schema
    .createIndex('occupancy_facility')
    .on('occupancy_reports')
    .columns(['facility_id', 'date_from'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['occupancy_reports', 'episodes', 'events', 'records', 'persons']) {
    await db.schema.dropTable(t).execute();
  }
}
