import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { loginAs, type LoggedIn } from '../../test/accounts.js';
import { describeEachDb } from '../../test/databases.js';
import { findNeedles, personalValues } from '../../test/personal-values.js';
import { loadPublicAndSynthetic } from '../../test/synthetic-data.js';
import { loadConfig } from '../config.js';
import { PERSONAL_COLUMNS, type Db } from '../db/index.js';
import { buildApp } from './app.js';

interface Parameter {
  in: string;
  name: string;
  required?: boolean;
}
type OpenApi = { paths?: Record<string, { get?: { parameters?: Parameter[] } }> };

/** The rows whose personal columns a read can return: their ids must be in the audit row. */
const PERSONAL_TABLES = Object.keys(PERSONAL_COLUMNS);

/** Ids worth asking for: rows that have notes, events and episodes, so responses are full. */
async function richIds(db: Db) {
  const one = async (q: ReturnType<typeof sql<{ id: string }>>) =>
    String((await q.execute(db.kysely)).rows[0]?.id ?? '');
  const record = await one(sql`
    select r.id from records r join events e on e.record_id = r.id
    join episodes p on p.record_id = r.id order by r.id limit 1`);
  return {
    record,
    familyName: await one(sql`
      select family_name as id from records where family_name is not null order by id limit 1`),
    facility: await one(sql`
      select facility_id as id from episodes where notes is not null and facility_id is not null
      order by id limit 1`),
    eventRecord: await one(sql`
      select record_id as id from events where notes is not null order by id limit 1`),
  };
}

/** Open review pairs, as a linkage run leaves them, so the review queue has records to show. */
async function addReviewPairs(db: Db): Promise<void> {
  const ids = (
    await sql<{ id: string }>`select id from records order by id limit 6`.execute(db.kysely)
  ).rows.map((r) => r.id);
  for (let i = 0; i + 1 < ids.length; i += 2)
    await db.kysely
      .insertInto('review_pairs')
      .values({
        a_record_id: ids[i] ?? '',
        b_record_id: ids[i + 1] ?? '',
        probability: 0.5,
        reason: 'uncertain',
        levels: JSON.stringify({ family_name: 'close' }),
        created_at: '2026-01-01T00:00:00.000Z',
        decision: null,
        decided_by: null,
        decided_at: null,
      })
      .execute();
}

/**
 * Every GET route that needs an account, with its path and required query parameters filled
 * from the route table and the OpenAPI description: routes added later are covered too.
 */
async function personalGetUrls(app: FastifyInstance, db: Db) {
  await app.ready();
  const spec = app.swagger() as OpenApi;
  const ids = await richIds(db);
  const value = (name: string): string =>
    name === 'q'
      ? ids.familyName
      : name === 'facility'
        ? ids.facility
        : name === 'recordId'
          ? ids.eventRecord
          : ids.record;
  return app.routeTable
    .filter((r) => r.method === 'GET' && r.access !== 'public')
    .map((r) => {
      const params = spec.paths?.[r.url.replace(/:(\w+)/g, '{$1}')]?.get?.parameters ?? [];
      const q = new URLSearchParams();
      for (const p of params.filter((p) => p.in === 'query' && p.required))
        q.set(p.name, value(p.name));
      const path = r.url.replace(/:(\w+)/g, (_, n: string) => encodeURIComponent(value(n)));
      return { route: r.url, url: q.size ? `${path}?${q.toString()}` : path };
    });
}

/** Every string anywhere in a JSON value. */
function stringsIn(v: unknown, out = new Set<string>()): Set<string> {
  if (typeof v === 'string') out.add(v);
  else if (Array.isArray(v)) for (const x of v) stringsIn(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) stringsIn(x, out);
  return out;
}

async function idsOfPersonalRows(db: Db): Promise<Set<string>> {
  const out = new Set<string>();
  for (const t of PERSONAL_TABLES)
    for (const { id } of (
      await sql<{ id: string }>`select id from ${sql.table(t)}`.execute(db.kysely)
    ).rows)
      out.add(String(id));
  return out;
}

async function lastSeq(db: Db): Promise<number> {
  const r = await sql<{
    n: number | null;
  }>`select max(seq) as n from audit_log`.execute(db.kysely);
  return Number(r.rows[0]?.n ?? 0);
}

/**
 * Calls every GET route that needs an account, as an admin, and returns the routes whose
 * answer held a personal value, and of those the ones that did not write `read` audit rows
 * naming every id of a personal row in the answer.
 */
async function scanReads(app: FastifyInstance, db: Db) {
  const needles = (await personalValues(db)).filter((n) => !n.column.endsWith('.id'));
  const rowIds = await idsOfPersonalRows(db);
  const s: LoggedIn = await loginAs(app, db, 'admin');
  const personal: string[] = [];
  const unaudited: { route: string; missing: number; auditRows: number }[] = [];
  for (const { route, url } of await personalGetUrls(app, db)) {
    const before = await lastSeq(db);
    const res = await app.inject({ url, headers: { cookie: s.cookie } });
    expect(res.statusCode, url).toBe(200);
    if (findNeedles(res.body, needles).length === 0) continue;
    personal.push(route);
    const returned = [...stringsIn(res.json())].filter((v) => rowIds.has(v));
    const rows = await db.kysely
      .selectFrom('audit_log')
      .select(['actor', 'details'])
      .where('seq', '>', before)
      .where('action', '=', 'read')
      .execute();
    const audited = new Set(
      rows
        .filter((r) => r.actor === 'test-admin')
        .flatMap((r) => (JSON.parse(r.details) as { ids?: string[] }).ids ?? []),
    );
    const missing = returned.filter((id) => !audited.has(id));
    // A failure names the route and counts, never the ids: they stay out of test output.
    if (rows.length === 0 || missing.length > 0)
      unaudited.push({ route, missing: missing.length, auditRows: rows.length });
  }
  return { personal, unaudited };
}

describeEachDb('reads of personal data are audited', (get) => {
  it('writes, for every route that returns a personal column, an audit row naming the ids it returned', async () => {
    const { db } = get();
    await loadPublicAndSynthetic(db, { persons: 40, seed: 16 });
    await addReviewPairs(db);
    const app = await buildApp({ db, config: loadConfig({}) });
    const { personal, unaudited } = await scanReads(app, db);
    // The check means something only if the personal routes did return personal data.
    expect(personal).toEqual(
      expect.arrayContaining([
        '/api/records',
        '/api/records/:id',
        '/api/persons/:id',
        '/api/persons/search',
        '/api/events',
        '/api/episodes',
        '/api/occupancy',
        '/api/review',
      ]),
    );
    expect(unaudited).toEqual([]);
  });

  it('would catch a route added later that returns notes without auditing them', async () => {
    const { db } = get();
    await loadPublicAndSynthetic(db, { persons: 20, seed: 17 });
    const app = await buildApp({ db, config: loadConfig({}) });
    app.get('/api/unaudited-canary', { config: { access: 'documenter' } }, async () => ({
      items: await db.kysely
        .selectFrom('episodes')
        .select(['id', 'notes'])
        .where('notes', 'is not', null)
        .execute(),
    }));
    const { unaudited } = await scanReads(app, db);
    expect(unaudited).toEqual([
      { route: '/api/unaudited-canary', missing: expect.any(Number) as number, auditRows: 0 },
    ]);
  });
});
