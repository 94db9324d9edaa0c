import { sql, type Kysely } from 'kysely';

// Frozen in time. Nothing computed from person records reaches a public page until an
// analyst publishes it: a published estimate freezes the figure with its facts (and the
// person-derived aggregates the public pages show beside it). Sources may be marked
// synthetic; their records never count in a public figure. Sources `polon synth` wrote before
// the flag existed all have ids starting with "synth-": they are marked here.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('sources')
    .addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.updateTable('sources').set({ synthetic: 1 }).where('id', 'like', 'synth-%').execute();
  await db.schema
    .createTable('published_estimates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('data_version', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('method', 'text')
    .addColumn('value', 'integer')
    .addColumn('ci_low', 'integer')
    .addColumn('ci_high', 'integer')
    // JSON: the lists compared ({ id, title }), the population covered, and the frozen
    // aggregates (whereabouts, priority groups, per-facility counts). Counts only.
    .addColumn('lists', 'text', (c) => c.notNull())
    .addColumn('population', 'text', (c) => c.notNull())
    .addColumn('aggregates', 'text', (c) => c.notNull())
    .addCheckConstraint('published_estimates_basis', sql`basis in ('persons','records','none')`)
    .execute();
  await db.schema
    .createIndex('published_estimates_latest')
    .on('published_estimates')
    .columns(['published_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('published_estimates').execute();
  await db.schema.alterTable('sources').dropColumn('synthetic').execute();
}
