import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../src/db/index.js';
import { webDistDir } from '../src/server/web-app.js';

interface Parameter {
  in: string;
  name: string;
  required?: boolean;
  schema?: { type?: string; enum?: unknown[]; pattern?: string; format?: string };
}
interface OpenApi {
  paths?: Record<string, { get?: { parameters?: Parameter[] } }>;
}

export interface PublicRequest {
  /** The route as registered, e.g. /api/facilities/:id: what a failure names. */
  route: string;
  url: string;
}

const DAY = /asof|date|from|to|day/i;

/**
 * Every public page and GET route an anonymous visitor can ask for, read from the app's
 * route table and OpenAPI description, so routes added later are scanned without being
 * listed here: path parameters take real ids from the database (facilities where persons
 * were held first), and each value of an enumerated query parameter (format=geojson|csv…)
 * gets a request of its own.
 */
export async function publicRequests(app: FastifyInstance, db: Db): Promise<PublicRequest[]> {
  await app.ready();
  const spec = app.swagger() as OpenApi;
  const ids = await candidateIds(db);
  const out: PublicRequest[] = [];
  for (const route of app.routeTable) {
    if (route.access !== 'public' || route.method !== 'GET' || route.url.startsWith('/api/docs'))
      continue;
    const params = spec.paths?.[route.url.replace(/:(\w+)/g, '{$1}')]?.get?.parameters ?? [];
    const query = params.filter((p) => p.in === 'query');
    const base = new URLSearchParams();
    for (const p of query.filter((q) => q.required))
      base.set(p.name, p.schema?.enum?.length ? String(p.schema.enum[0]) : fill(p));
    const variants = [base.toString()];
    for (const p of query) {
      const values = p.schema?.enum?.length
        ? p.schema.enum.map(String)
        : DAY.test(p.name)
          ? ['2023-06-30', '2025-11-01']
          : [];
      for (const v of values) {
        const q = new URLSearchParams(base);
        q.set(p.name, v);
        variants.push(q.toString());
      }
    }
    const pathNames = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1] ?? '');
    const paths = pathNames.length
      ? pathValues(route.url, ids).map((v) => route.url.replace(/:(\w+)/g, encodeURIComponent(v)))
      : [route.url];
    for (const path of paths)
      for (const v of new Set(variants))
        out.push({ route: route.url, url: v ? `${path}?${v}` : path });
  }
  for (const page of ['/', '/uk/', '/en/', '/ru/', '/en/facilities', '/uk/map'])
    out.push({ route: page, url: page });
  try {
    for (const f of readdirSync(join(webDistDir(), 'assets')))
      out.push({ route: '/assets/*', url: `/assets/${f}` });
  } catch {
    // The web app is not built: its pages answer 503 and are scanned as such.
  }
  return out;
}

function fill(p: Parameter): string {
  if (DAY.test(p.name)) return '2025-11-01';
  if (p.name === 'q') return 'Таганрог';
  return p.schema?.type === 'integer' || p.schema?.type === 'number' ? '1' : 'x';
}

function pathValues(url: string, ids: Record<string, string[]>): string[] {
  if (/facilit/.test(url)) return ids.facilities ?? [];
  if (/exchange/.test(url)) return ids.exchanges ?? [];
  if (/claim/.test(url)) return ids.claims ?? [];
  if (/source/.test(url)) return ids.sources ?? [];
  return Object.values(ids).flatMap((v) => v.slice(0, 3));
}

async function candidateIds(db: Db): Promise<Record<string, string[]>> {
  const col = async (q: ReturnType<typeof sql<{ id: string }>>) =>
    (await q.execute(db.kysely)).rows.map((r) => String(r.id));
  return {
    facilities: await col(sql`
      select facility_id as id from episodes where facility_id is not null
      group by facility_id order by count(*) desc, facility_id limit 4`).then(async (held) => [
      ...held,
      ...(await col(sql`select id from facilities order by id limit 2`)),
    ]),
    exchanges: await col(sql`select id from exchanges order by id limit 3`),
    claims: await col(sql`select id from claims order by id limit 2`),
    sources: await col(sql`select id from sources order by id limit 3`),
    regions: await col(
      sql`select distinct region_code as id from facilities where region_code is not null order by 1 limit 2`,
    ),
    territories: ['RU', 'UA-occupied'],
  };
}
